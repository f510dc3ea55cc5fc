#!/usr/bin/env bash
# Install and start Debian's PostgreSQL on 127.0.0.1 with a test role that may create databases.
set -euo pipefail
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
command -v pg_lsclusters >/dev/null || $SUDO apt-get install -y -qq postgresql >/dev/null
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  $SUDO pg_createcluster "$version" main >/dev/null
fi
$SUDO pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'omsportal') THEN
    CREATE ROLE omsportal LOGIN CREATEDB PASSWORD 'omsportal-ci';
  END IF;
END $$;
SQL
as_postgres psql -q -tc "SELECT 1 FROM pg_database WHERE datname = 'omsportal'" | grep -q 1 || \
  as_postgres createdb -O omsportal omsportal
echo "postgres://omsportal:omsportal-ci@127.0.0.1:5432/omsportal"

"""Servers for bench/ and the server tests, all on 127.0.0.1 and free ports, stopped by their owner.

PortalServer: the portal under gunicorn with its own folders (SQLite file by
default, or a shared database). ProductionServer: README's production set-up
as is (deploy/serve.py: nginx in front of gunicorn). RedisServer: Debian's redis-server, no disk.
postgres_database(): a fresh scratch database on the PostgreSQL server that
.ci/postgres.sh starts. BareServer: a Django project with no apps and no
middleware, the limit the portal is measured against.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PortalServer:
    """A production-like portal: DEBUG off, collected static files, WAL SQLite, several workers."""

    ready_path = "/healthz"

    def __init__(self, *, workers=3, extra_env=None, database_url=None, setup_database=True, gunicorn_args=()):
        self.workers = workers
        self.gunicorn_args = list(gunicorn_args)
        self.setup_database = setup_database
        self.dir = Path(tempfile.mkdtemp(prefix="omsportal-"))
        self.port = self.url = None  # chosen as the server starts (serve())
        self.database = self.dir / "db.sqlite3"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"},
            "DJANGO_SETTINGS_MODULE": "omsportal.settings",
            "DJANGO_SECRET_KEY": "bench-and-concurrency-only-secret-key-0123456789abcdef",
            "DJANGO_DEBUG": "false",
            "DJANGO_HTTPS": "false",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url or f"sqlite:///{self.database}",
            "DJANGO_STATIC_ROOT": str(self.dir / "static"),
            "DJANGO_CACHE_DIR": str(self.dir / "cache"),
            **(extra_env or {}),
        }
        self.process = None

    def manage(self, *args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True)

    def start(self):
        if self.setup_database:
            self.manage("migrate", "--noinput")
            self.manage("load_oms_content")
        self.manage("collectstatic", "--noinput")
        return self.serve("omsportal.wsgi")

    def serve(self, app):
        """Start gunicorn on a socket bound here (port 0) and handed over as fd://: no other process
        (an xdist worker starting its own server) can take the port between choosing and binding it."""
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(128)
            self.port = listener.getsockname()[1]
            self.url = f"http://127.0.0.1:{self.port}"
            self.env.setdefault("DJANGO_SITE_URL", self.url)  # handouts print this server's own address
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    app,
                    "--workers",
                    str(self.workers),
                    "--bind",
                    f"fd://{listener.fileno()}",
                    "--log-level",
                    "warning",
                    *self.gunicorn_args,
                ],
                cwd=ROOT,
                env=self.env,
                pass_fds=(listener.fileno(),),
                stdout=subprocess.DEVNULL,
                stderr=open(self.dir / "gunicorn.log", "w"),
            )
        deadline = time.time() + 30
        while time.time() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(self.url + self.ready_path, timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer on {self.ready_path} within 30 s: {self.log()[-2000:]}")

    def log(self):
        return (self.dir / "gunicorn.log").read_text()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.cleanup()


class ProductionServer(PortalServer):
    """README's production set-up exactly as it says: the first install's two commands, then deploy/serve.py
    (its checks, compilemessages, collectstatic, migrate, gunicorn behind nginx), on free 127.0.0.1 ports.

    Every folder is in this server's own temporary folder, nginx's included (its prefix, pid, temporary
    files and error log: PORTAL_RUN_DIR). `url` is nginx's address; `app_url` gunicorn's, behind it.
    """

    def __init__(self, *, extra_env=None):
        super().__init__(extra_env=extra_env)
        self.dir.chmod(0o755)  # run as root, nginx's workers are www-data and write under it
        self.env.update(
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_MEDIA_ROOT=str(self.dir / "media"),
            DJANGO_LAST_GOOD_DIR=str(self.dir / "last-good"),
            PORTAL_RUN_DIR=str(self.dir / "run"),
            **(extra_env or {}),
        )
        self.app_url = None

    def start(self, attempts=3):
        self.manage("migrate", "--noinput")
        self.manage("load_oms_content")
        for _ in range(attempts):  # a port another process took between choosing and binding it: try others
            self.port, app_port = free_port(), free_port()
            self.url, self.app_url = f"http://127.0.0.1:{self.port}", f"http://127.0.0.1:{app_port}"
            self.env.update(NGINX_LISTEN=f"127.0.0.1:{self.port}", GUNICORN_BIND=f"127.0.0.1:{app_port}")
            self.process = subprocess.Popen(
                [sys.executable, "deploy/serve.py"],
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=open(self.dir / "gunicorn.log", "w"),
                start_new_session=True,  # its own process group: stop() reaches nginx and gunicorn too
            )
            deadline = time.time() + 120
            while time.time() < deadline and self.process.poll() is None:
                try:
                    with urllib.request.urlopen(self.url + self.ready_path, timeout=2) as response:
                        if response.status == 200:
                            return self
                except OSError:
                    time.sleep(0.3)
            said = self.log() + self.nginx_log()
            if "Address already in use" not in said and "Connection in use" not in said:
                break
            self.stop()
        self.stop()
        raise RuntimeError(f"deploy/serve.py did not answer within 120 s: {self.log()[-3000:]}{self.nginx_log()}")

    def nginx_log(self):
        path = self.dir / "run" / "nginx-error.log"
        return path.read_text() if path.exists() else ""

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()  # serve.py stops nginx and gunicorn, then itself
            try:
                self.process.wait(timeout=45)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class BareServer(PortalServer):
    """bench/bare.py on the same gunicorn and worker count: each path answers the bytes in `bodies`."""

    ready_path = "/"

    def __init__(self, *, workers, bodies):
        super().__init__(workers=workers)
        bodies_dir = self.dir / "bodies"
        bodies_dir.mkdir()
        for index, (path, (content_type, body)) in enumerate(bodies.items()):
            (bodies_dir / f"{index}.body").write_bytes(body)
            (bodies_dir / f"{index}.meta").write_text(f"{path}\n{content_type}")
        self.env = {k: v for k, v in self.env.items() if k != "DJANGO_SETTINGS_MODULE"}
        self.env["BENCH_BARE_BODIES"] = str(bodies_dir)

    def start(self):
        return self.serve("bench.bare:application")


class RedisServer:
    """Debian's redis-server on a free 127.0.0.1 port, keeping nothing on disk."""

    def __init__(self):
        self.port = self.url = None  # chosen as the server starts
        self.process = None

    def start(self, attempts=3):
        binary = shutil.which("redis-server")
        if not binary:
            raise FileNotFoundError("redis-server is not installed (Debian package redis-server)")
        for _ in range(attempts):  # a port taken between choosing and binding it: try another
            self.port = free_port()
            self.url = f"redis://127.0.0.1:{self.port}/0"
            self.process = subprocess.Popen(
                [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            deadline = time.time() + 10
            while time.time() < deadline and self.process.poll() is None:
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                        sock.sendall(b"INFO server\r\n")
                        if f"process_id:{self.process.pid}\r\n".encode() in sock.recv(65536):
                            return self  # this redis-server, not one that took the port first
                except OSError:
                    pass
                time.sleep(0.1)
            if self.process.poll() is None:
                break
        self.stop()
        raise RuntimeError("redis-server did not answer within 10 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


CI_POSTGRES = "postgres://omsportal:omsportal-ci@127.0.0.1:5432/omsportal"


def postgres_database(name):
    """A new, empty database `name` on the PostgreSQL server of DATABASE_URL (if PostgreSQL) or .ci's.

    Returns its URL and a function that drops it. Raises OSError when no server answers.
    """
    import psycopg
    from psycopg import sql

    base = os.environ.get("DATABASE_URL", "")
    base = base if base.startswith(("postgres://", "postgresql://")) else CI_POSTGRES
    server, _, _ = base.rpartition("/")
    try:
        admin = psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        raise OSError(f"no PostgreSQL server at {server}: {error}") from error

    def drop():
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    drop()
    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def cleanup():
        drop()
        admin.close()

    return f"{server}/{name}", cleanup

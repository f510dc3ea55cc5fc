"""The portal in production, in one command: `.venv/bin/python deploy/serve.py` (README: Production).

Checks the settings (DEBUG off, a real secret key), compiles the interface's
translations, collects the static files (hashed, compressed: the manifest
storage), migrates, then runs gunicorn on 127.0.0.1 behind nginx (Debian's),
which reads each request whole before the portal sees it and sends answers on
for it (slow clients cannot hold the workers: deploy/nginx.conf). Both run as
this script's children, in PORTAL_RUN_DIR; it stops both on SIGTERM or SIGINT,
and both if either stops. The settings come from the environment as ever
(README: Configuration), plus:

  NGINX_LISTEN       where families connect (default 127.0.0.1:8080; e.g. 443 with a certificate)
  NGINX_TLS_CERTIFICATE, NGINX_TLS_KEY   files for HTTPS (without them nginx speaks plain HTTP)
  NGINX_USER         nginx's workers when this runs as root (default www-data)
  GUNICORN_BIND      the portal's own address, behind nginx (default 127.0.0.1:8001)
  PORTAL_RUN_DIR     nginx's configuration, pid, temporary files and error log (default var/run)
"""

import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf"
PYTHON = sys.executable
STOP_WAIT = 30  # seconds for gunicorn and nginx to finish what they are answering


def fail(message):
    print(f"deploy/serve.py: {message}", file=sys.stderr)
    sys.exit(2)


def settings_checked(env):
    if env.get("DJANGO_DEBUG", "").strip().lower() in {"1", "true", "yes", "on"}:
        fail("DJANGO_DEBUG is on: production runs with it off (make run is the development server)")
    key = env.get("DJANGO_SECRET_KEY", "")
    if len(key) < 50 or len(set(key)) < 5:
        fail(
            "set DJANGO_SECRET_KEY to a long random value, the same on every app server "
            "(e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
    if not env.get("DJANGO_ALLOWED_HOSTS", "").strip():
        fail("set DJANGO_ALLOWED_HOSTS to the portal's host name(s)")
    if bool(env.get("NGINX_TLS_CERTIFICATE")) != bool(env.get("NGINX_TLS_KEY")):
        fail("set both NGINX_TLS_CERTIFICATE and NGINX_TLS_KEY, or neither")
    # nginx is in front: the client's address and scheme come from its X-Forwarded-* headers.
    return {**env, "DJANGO_BEHIND_PROXY": env.get("DJANGO_BEHIND_PROXY", "true")}


def manage(env, *args):
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env)
    if result.returncode:
        fail(f"manage.py {' '.join(args)} failed ({result.returncode})")


def nginx_binary():
    found = os.environ.get("NGINX_BINARY") or shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.access(found, os.X_OK):
        fail("nginx is not installed (Debian: apt-get install nginx)")
    return found


def nginx_config(env, run_dir):
    """deploy/nginx.conf with this server's addresses and folders."""
    certificate, key = env.get("NGINX_TLS_CERTIFICATE", ""), env.get("NGINX_TLS_KEY", "")
    tls = ""
    if certificate:
        tls = (
            f"        ssl_certificate {certificate};\n        ssl_certificate_key {key};\n"
            "        ssl_protocols TLSv1.2 TLSv1.3;\n        ssl_session_cache shared:TLS:10m;\n"
        )
    user = ""
    if os.geteuid() == 0:  # nginx would run its workers as "nobody"; say whom
        user = f"user {env.get('NGINX_USER', 'www-data')};"
    words = {
        "@RUN@": str(run_dir),
        "@USER@": user,
        "@UPSTREAM@": env.get("GUNICORN_BIND", "127.0.0.1:8001"),
        "@LISTEN@": env.get("NGINX_LISTEN", "127.0.0.1:8080"),
        "@LISTEN_OPTIONS@": " ssl http2" if certificate else "",
        "@TLS@": tls,
    }
    text = TEMPLATE.read_text()
    for word, value in words.items():
        text = text.replace(word, value)
    return text


def prepare_run_dir(env):
    run_dir = Path(env.get("PORTAL_RUN_DIR") or ROOT / "var" / "run").resolve()
    (run_dir / "temp").mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        # The workers write request bodies and long answers under temp/: it must be theirs, and reachable.
        user = pwd.getpwnam(env.get("NGINX_USER", "www-data"))
        os.chown(run_dir / "temp", user.pw_uid, user.pw_gid)
        for folder in [run_dir, *run_dir.parents]:
            if not folder.stat().st_mode & 0o001:
                fail(f"nginx's workers ({user.pw_name}) cannot reach {run_dir}: {folder} is closed to them")
    (run_dir / "nginx.conf").write_text(nginx_config(env, run_dir))
    return run_dir


def host_for_checks(env):
    host = env["DJANGO_ALLOWED_HOSTS"].split(",")[0].strip().lstrip(".")
    return "localhost" if host == "*" else host


def wait_for_portal(env, process, timeout=60):
    """Until gunicorn answers /healthz (the database is read); False if it stopped or never answered."""
    bind = env.get("GUNICORN_BIND", "127.0.0.1:8001")
    request = urllib.request.Request(f"http://{bind}/healthz", headers={"Host": host_for_checks(env)})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.2)
    return False


class Stop(Exception):
    pass


def stop(processes):
    """nginx finishes what it is sending (SIGQUIT), gunicorn what it is answering (SIGTERM)."""
    for process, graceful in processes:
        if process.poll() is None:
            process.send_signal(graceful)
    deadline = time.monotonic() + STOP_WAIT
    for process, _ in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main():
    env = settings_checked(dict(os.environ))
    nginx = nginx_binary()
    manage(env, "check", "--deploy")
    manage(env, "compilemessages", "--ignore=.venv", "--ignore=node_modules", "--ignore=staticfiles", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "migrate", "--noinput", "-v", "0")
    run_dir = prepare_run_dir(env)

    def stopped(signum, frame):
        raise Stop

    signal.signal(signal.SIGTERM, stopped)
    signal.signal(signal.SIGINT, stopped)
    processes = []
    try:
        bind = env.get("GUNICORN_BIND", "127.0.0.1:8001")
        gunicorn = subprocess.Popen(
            [
                *(PYTHON, "-m", "gunicorn", "omsportal.wsgi", "-c", "python:omsportal.gunicorn", "--bind", bind),
                *("--control-socket", str(run_dir / "gunicorn.ctl")),  # its own, not one in $HOME for all
            ],
            cwd=ROOT,
            env=env,
        )
        processes.append((gunicorn, signal.SIGTERM))
        if not wait_for_portal(env, gunicorn):
            fail(f"gunicorn did not answer on {bind}")
        conf = run_dir / "nginx.conf"
        front = subprocess.Popen([nginx, "-p", str(run_dir), "-c", str(conf), "-e", str(run_dir / "nginx-error.log")])
        processes.append((front, signal.SIGQUIT))
        print(f"Serving on {env.get('NGINX_LISTEN', '127.0.0.1:8080')} (nginx), the portal on {bind}", flush=True)
        while all(process.poll() is None for process, _ in processes):
            time.sleep(0.5)
        fail("nginx or gunicorn stopped; stopping the other (see their messages above and in PORTAL_RUN_DIR)")
    except Stop:
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stop(processes)


if __name__ == "__main__":
    main()

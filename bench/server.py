"""Start the portal under gunicorn on 127.0.0.1 with its own SQLite file, for bench/ and the concurrency test."""

import os
import shutil
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

    def __init__(self, *, workers=3, extra_env=None):
        self.workers = workers
        self.dir = Path(tempfile.mkdtemp(prefix="omsportal-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = self.dir / "db.sqlite3"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"},
            "DJANGO_SETTINGS_MODULE": "omsportal.settings",
            "DJANGO_SECRET_KEY": "bench-and-concurrency-only-secret-key-0123456789abcdef",
            "DJANGO_DEBUG": "false",
            "DJANGO_HTTPS": "false",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "DJANGO_STATIC_ROOT": str(self.dir / "static"),
            "DJANGO_CACHE_DIR": str(self.dir / "cache"),
            "DJANGO_CONTENT_VERSION_FILE": str(self.dir / "content-version"),
            **(extra_env or {}),
        }
        self.process = None

    def manage(self, *args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True)

    def start(self):
        self.manage("migrate", "--noinput")
        self.manage("load_oms_content")
        self.manage("collectstatic", "--noinput")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "omsportal.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.dir / "gunicorn.log", "w"),
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer on /healthz within 30 s")

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

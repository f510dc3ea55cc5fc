"""deploy/serve.py, README's production command: what it refuses, and the nginx configuration it writes."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVE = ROOT / "deploy" / "serve.py"
KEY = "a-long-random-looking-production-key-0123456789-abcdefghijklmnop"


def serve(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NGINX_", "GUNICORN_"))}
    return subprocess.run([sys.executable, str(SERVE)], env={**clean, **env}, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("env", "said"),
    [
        ({"DJANGO_DEBUG": "true", "DJANGO_SECRET_KEY": KEY}, "DJANGO_DEBUG is on"),
        ({}, "set DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "short-key"}, "set DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "a" * 60}, "set DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": KEY}, "set DJANGO_ALLOWED_HOSTS"),
        (
            {"DJANGO_SECRET_KEY": KEY, "DJANGO_ALLOWED_HOSTS": "oms.example.org", "NGINX_TLS_CERTIFICATE": "/x.pem"},
            "set both NGINX_TLS_CERTIFICATE and NGINX_TLS_KEY",
        ),
    ],
    ids=["debug", "no key", "short key", "one-letter key", "no hosts", "half a certificate"],
)
def test_production_refuses_to_start_misconfigured(env, said, tmp_path):
    result = serve(PORTAL_RUN_DIR=str(tmp_path / "run"), DJANGO_STATIC_ROOT=str(tmp_path / "static"), **env)
    assert result.returncode == 2 and said in result.stderr, result.stderr


def serve_module():
    spec = importlib.util.spec_from_file_location("deploy_serve", SERVE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def nginx_check(config, run_dir):
    (run_dir / "temp").mkdir(parents=True)
    (run_dir / "nginx.conf").write_text(config)
    nginx = serve_module().nginx_binary()
    log = str(run_dir / "error.log")
    return subprocess.run(
        [nginx, "-t", "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"), "-e", log], text=True, capture_output=True
    )


def test_the_nginx_configuration_passes_nginx_own_check_with_and_without_a_certificate(tmp_path):
    module = serve_module()
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=oms.example.org",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    plain = module.nginx_config({"NGINX_LISTEN": "127.0.0.1:8080"}, tmp_path / "plain")
    tls = module.nginx_config(
        {"NGINX_LISTEN": "127.0.0.1:8443", "NGINX_TLS_CERTIFICATE": str(certificate), "NGINX_TLS_KEY": str(key)},
        tmp_path / "tls",
    )
    for config, run_dir in ((plain, tmp_path / "plain"), (tls, tmp_path / "tls")):
        assert not [word for word in ("@RUN@", "@USER@", "@UPSTREAM@", "@LISTEN@", "@TLS@") if word in config]
        result = nginx_check(config, run_dir)
        assert result.returncode == 0, result.stderr
    assert "listen 127.0.0.1:8443 ssl http2;" in tls and f"ssl_certificate {certificate};" in tls
    assert "listen 127.0.0.1:8080;" in plain and "ssl" not in plain


def test_nginx_sends_the_client_and_scheme_on_and_bounds_bodies_as_the_portal_does():
    from django.conf import settings

    from condition.images import MAX_BYTES

    config = serve_module().nginx_config({}, Path("/run-dir"))
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in config  # appended, never replaced
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in config
    assert "proxy_set_header Host $http_host;" in config
    assert "proxy_request_buffering on;" in config and "proxy_buffering on;" in config
    family_limit = 1 * 2**20
    assert "client_max_body_size 1m;" in config and family_limit > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    admin_limit = 9 * 2**20
    assert "client_max_body_size 9m;" in config and admin_limit > MAX_BYTES

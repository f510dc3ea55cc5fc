"""The faults a clinic's IT team will try (issue 10): the cache is best effort, the health check is honest."""

import errno
import logging
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.urls import reverse

from bench.server import RedisServer
from condition import cache as content_cache
from condition.models import PageFeedback
from omsportal import caches as cache_backends
from tests.factories import PageFactory, SectionFactory
from tests.headers import SAME_ORIGIN
from tests.omsportal.test_multiserver import unavailable

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    page = PageFactory(title="Still readable")
    SectionFactory(page=page, body="Read this even when the cache is broken.")
    return page


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens on it once the socket closes


def file_cache(location):
    return {
        "default": {"BACKEND": "omsportal.caches.FileCache", "LOCATION": str(location)},
        "ratelimit": {"BACKEND": "omsportal.caches.LocalMemoryCache", "LOCATION": "faults"},
    }


def redis_away():
    shared = {
        "BACKEND": "omsportal.caches.SharedRedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
    return {"default": shared, "ratelimit": {**shared, "KEY_PREFIX": "ratelimit"}}


PUBLIC = ["/", "topic", "/glossary/", "/sources/", "topic-handout", "/quiz/"]


def public_urls(page):
    return [
        {"topic": page.get_absolute_url(), "topic-handout": f"/topics/{page.slug}/handout/"}.get(p, p) for p in PUBLIC
    ]


def test_an_unwritable_cache_folder_serves_pages_uncached_and_logs_it(client, page, settings, tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")  # unwritable even for root
    settings.CACHES = file_cache(blocker / "cache")
    with caplog.at_level(logging.ERROR, logger="omsportal.caches"):
        for url in public_urls(page):
            response = client.get(url)
            assert response.status_code == 200, url
        assert "Read this even when the cache is broken." in client.get(page.get_absolute_url()).content.decode()
    assert "cache set failed" in caplog.text


def test_a_full_cache_disk_serves_pages_uncached_and_logs_it(client, page, settings, tmp_path, caplog, monkeypatch):
    from django.core.cache.backends import filebased

    settings.CACHES = file_cache(tmp_path / "cache")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(filebased.tempfile, "mkstemp", disk_full)
    with caplog.at_level(logging.ERROR, logger="omsportal.caches"):
        for url in public_urls(page):
            assert client.get(url).status_code == 200, url
    assert "No space left on device" in caplog.text


def test_with_redis_away_pages_render_and_family_posts_are_never_429(client, page, settings, caplog):
    settings.CACHES = redis_away()
    settings.FORM_RATE = "1/m"
    with caplog.at_level(logging.ERROR, logger="omsportal.caches"):
        for url in public_urls(page):
            assert client.get(url).status_code == 200, url
        url = reverse("condition:feedback", args=[page.slug])
        codes = [client.post(url, {"helpful": "yes"}).status_code for _ in range(3)]
    assert codes == [302, 302, 302]  # the limit fails open rather than shutting families out
    assert PageFeedback.objects.count() == 3
    assert "failed (ConnectionError" in caplog.text and "not asked again for" in caplog.text


@pytest.fixture
def redis_server():
    try:
        server = RedisServer().start()
    except FileNotFoundError as error:
        unavailable(str(error))
    yield server
    os.kill(server.process.pid, signal.SIGCONT)  # a stopped server cannot take its terminate signal
    server.stop()


def test_a_hanging_redis_costs_one_timeout_then_is_left_alone_until_it_answers_again(
    client, page, settings, monkeypatch, caplog, redis_server
):
    shared = {
        "BACKEND": "omsportal.caches.SharedRedisCache",
        "LOCATION": redis_server.url,
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},  # and the default retry_after, 10 s
    }
    settings.CACHES = {"default": {**shared, "KEY_PREFIX": "pages"}, "ratelimit": {**shared, "KEY_PREFIX": "limits"}}
    clock = [1000.0]
    monkeypatch.setattr(cache_backends, "_now", lambda: clock[0])
    sent = []  # every command that reached Redis (or waited for it)
    real_send = redis.connection.AbstractConnection.send_packed_command
    monkeypatch.setattr(
        redis.connection.AbstractConnection,
        "send_packed_command",
        lambda connection, *args, **kwargs: sent.append(args) or real_send(connection, *args, **kwargs),
    )
    urls = public_urls(page)
    vote = reverse("condition:vote", args=[page.slug])

    def family_reads_and_votes():
        content_cache._local.clear()  # each worker's own copies: every page asks the shared cache
        for url in urls:
            assert client.get(url).status_code == 200, url
        assert client.post(vote, {"helpful": "yes"}, **SAME_ORIGIN).status_code == 303  # a rate-limit counter

    family_reads_and_votes()
    assert len(sent) > len(urls)  # pages and counters are kept in Redis

    os.kill(redis_server.process.pid, signal.SIGSTOP)
    with caplog.at_level(logging.ERROR, logger="omsportal.caches"):
        before = len(sent)
        for _ in range(3):
            family_reads_and_votes()
        # One call waited for its timeout (a command, and the connection's own set-up); then none was sent.
        assert len(sent) - before <= 2
    assert caplog.text.count("not asked again for 10") == 1
    assert PageFeedback.objects.count() == 4  # the votes went through: the limit fails open

    os.kill(redis_server.process.pid, signal.SIGCONT)
    before = len(sent)
    family_reads_and_votes()
    assert len(sent) == before  # still within the wait
    clock[0] += 11
    redis_client = redis.Redis.from_url(redis_server.url)
    redis_client.flushdb()
    with caplog.at_level(logging.WARNING, logger="omsportal.caches"):
        family_reads_and_votes()
    assert "answers again" in caplog.text
    assert len(sent) - before > len(urls) and redis_client.dbsize() >= len(urls)  # back to the shared cache


def test_healthz_names_the_cache_when_it_is_down_and_stays_200(client, settings):
    settings.CACHES = redis_away()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_healthz_reads_a_real_table_not_just_select_1(client, monkeypatch):
    from django.db import connection

    real_cursor = connection.cursor

    class EmptyDatabaseCursor:
        def __init__(self):
            self.cursor = real_cursor()

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.cursor.close()

        def execute(self, sql, params=None):
            if "condition_contentversion" in sql:
                raise connection.OperationalError("no such table: condition_contentversion")
            return self.cursor.execute(sql, params)

        def fetchone(self):
            return self.cursor.fetchone()

    monkeypatch.setattr(connection, "cursor", EmptyDatabaseCursor)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["database"] == "unavailable"


def test_a_deleted_sqlite_file_is_not_recreated_empty_behind_a_200(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "omsportal.settings",
        "DJANGO_SECRET_KEY": "faults-test-secret-key-with-enough-length-0123456789abcdef",
        "DJANGO_ALLOWED_HOSTS": "portal.example.org",
        "DJANGO_HTTPS": "false",
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    code = (
        "import os; from django.db import connection; from django.test import Client; "
        f"c = Client(HTTP_HOST='portal.example.org', raise_request_exception=False); path = {str(database)!r}; "
        "print(c.get('/healthz').status_code); "
        "os.remove(path); r = c.get('/healthz'); print(r.status_code, r.json()['database']); "
        "connection.close(); r = c.get('/healthz'); print(r.status_code, r.json()['database']); "
        "connection.close(); print(c.get('/').status_code, os.path.exists(path))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["200", "503", "unavailable", "503", "unavailable", "500", "False"], result.stderr

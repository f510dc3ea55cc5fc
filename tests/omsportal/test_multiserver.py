"""Two app servers behind one load balancer: one PostgreSQL, one Redis, separate local folders.

A reviewer publishes through one server; a family reading through the other
sees it on the very next request, and both servers agree on the ETag. The
test starts its own redis-server and two gunicorns and stops them; it needs
the PostgreSQL server of .ci/postgres.sh. With CI=true a missing Redis or
PostgreSQL fails the test instead of skipping it.
"""

import base64
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from bench.clients import Client
from bench.server import ROOT, PortalServer, RedisServer, postgres_database
from tests.accounts.test_second_factor import totp

# Its tests share the servers of one module fixture: make test's workers (xdist) keep them on one.
pytestmark = pytest.mark.xdist_group("multiserver")

CI = os.environ.get("CI", "").lower() == "true"
# One database per test run, so two runs on one PostgreSQL server never drop each other's.
DATABASE = os.environ.get("OMS_MULTISERVER_DB", f"omsportal_multiserver_{os.getpid()}")
PASSWORD = "a-long-reviewer-password-for-the-test"


def unavailable(reason):
    if CI:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def servers():
    try:
        redis = RedisServer().start()
    except FileNotFoundError as error:
        unavailable(str(error))
    try:
        try:
            url, drop = postgres_database(DATABASE)
        except OSError as error:
            unavailable(f"{error} (start it with `bash .ci/postgres.sh`)")
        shared = {"DJANGO_CACHE_URL": redis.url, "DJANGO_RATELIMIT": "false"}
        first = PortalServer(workers=2, extra_env=shared, database_url=url)
        second = PortalServer(workers=2, extra_env=shared, database_url=url, setup_database=False)
        try:
            first.start()
            second.start()
            yield first, second
        finally:
            first.cleanup()
            second.cleanup()
            drop()
    finally:
        redis.stop()


def get(server, path, **headers):
    request = urllib.request.Request(server.url + path, headers={"Host": "127.0.0.1", **headers})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, ""


APP_KEY = "3132333435363738393031323334353637383930"  # the RFC 6238 test key, as hex


def reviewer_signs_in(server):
    """A superuser signs in with a password, then a code from their authenticator app (accounts/)."""
    server.manage(
        "shell",
        "--no-imports",
        "-c",
        (
            "from django.contrib.auth.models import User; "
            "from django_otp.plugins.otp_totp.models import TOTPDevice; "
            f"user = User.objects.create_superuser('rita', 'rita@clinic.example', {PASSWORD!r}, first_name='Rita', last_name='Reviewer'); "
            f"TOTPDevice.objects.create(user=user, name='Phone', confirmed=True, key={APP_KEY!r})"
        ),
    )
    client = Client(server.port)
    status, html = client.request("GET", "/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = client.encode({"username": "rita", "password": PASSWORD, "csrfmiddlewaretoken": token, "next": "/admin/"})
    status, _ = client.request("POST", "/admin/login/", body)
    assert status == 302
    status, html = client.request("GET", "/admin/sign-in/code/?next=/admin/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    secret = base64.b32encode(bytes.fromhex(APP_KEY)).decode().rstrip("=")
    body = client.encode({"code": totp(secret), "csrfmiddlewaretoken": token})
    status, _ = client.request("POST", "/admin/sign-in/code/?next=/admin/", body)
    assert status == 302, "the sign-in code was refused"
    return client


def test_a_review_recorded_through_one_server_shows_at_once_through_the_other(servers):
    first, second = servers
    path = "/topics/symptoms/"
    for server in (first, second, first, second):  # both cached, in Redis and in each worker
        status, headers, html = get(server, path)
        assert status == 200 and "Not yet reviewed by a clinician" in html
    old_etag = headers["ETag"]
    assert get(first, path)[1]["ETag"] == old_etag

    reviewer = reviewer_signs_in(first)
    status, changelist = reviewer.request("GET", "/admin/condition/page/?q=symptoms")
    page_id = re.search(r'name="_selected_action" value="(\d+)"', changelist).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', changelist).group(1)
    body = reviewer.encode({"action": "record_review", "_selected_action": page_id, "csrfmiddlewaretoken": token})
    status, _ = reviewer.request("POST", "/admin/condition/page/?q=symptoms", body)
    assert status == 302

    status, headers, html = get(second, path)  # the very next request, through the other server
    assert status == 200 and "by Rita Reviewer" in html and "Not yet reviewed" not in html
    assert headers["ETag"] != old_etag
    assert get(second, path, **{"If-None-Match": old_etag})[0] == 200
    status, first_headers, first_html = get(first, path)
    assert first_headers["ETag"] == headers["ETag"] and first_html == html
    assert get(first, path, **{"If-None-Match": headers["ETag"]})[0] == 304


def test_a_section_changed_from_one_servers_shell_is_read_through_the_other(servers):
    first, second = servers
    assert "Wording from the shell" not in get(second, "/topics/treatment/")[2]
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            (
                "from condition.models import Section; "
                "s = Section.objects.filter(page__slug='treatment').first(); "
                "s.body = 'Wording from the shell.'; s.save()"
            ),
        ],
        cwd=ROOT,
        env=first.env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    for server in (second, first):
        assert "Wording from the shell." in get(server, "/topics/treatment/")[2]
    gz_first = get(first, "/topics/treatment/", **{"Accept-Encoding": "gzip"})[1]
    gz_second = get(second, "/topics/treatment/", **{"Accept-Encoding": "gzip"})[1]
    assert gz_first["ETag"] == gz_second["ETag"] and gz_first["Content-Encoding"] == "gzip"


def test_both_servers_report_database_and_cache_healthy(servers):
    for server in servers:
        status, _, body = get(server, "/healthz")
        assert status == 200 and '"cache": "ok"' in body and '"database": "ok"' in body

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse

from condition.models import PageFeedback
from quizzes.models import Attempt
from tests.factories import PageFactory, SectionFactory
from tests.headers import SAME_ORIGIN

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "production-like-secret-key-with-enough-length-and-variety-1234567890",
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    "DJANGO_DEBUG": "false",
}


def manage(*args, env=None):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(env or {})
    clean["DJANGO_SETTINGS_MODULE"] = "omsportal.settings"
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True)


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env={"DJANGO_ALLOWED_HOSTS": "portal.example.org"})
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_cookies_are_secure_under_https_settings(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    assert manage("migrate", "--noinput", env=env).returncode == 0  # /healthz reads a real table
    code = (
        "from django.conf import settings as s; from django.test import Client; "
        "c = Client(HTTP_HOST='portal.example.org'); "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
        "c.get('/').status_code, c.get('/healthz').status_code)"
    )
    result = manage("shell", "--no-imports", "-c", code, env=env)
    # Plain HTTP is redirected to HTTPS, except the load balancer's health check.
    assert result.stdout.split() == ["True", "True", "True", "31536000", "301", "200"], result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/topics/nope/", "/admin/login/", "/quiz/", "/healthz"])
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_admin_locks_out_after_repeated_wrong_passwords(client, django_user_model):
    django_user_model.objects.create_user("staff", password="the-right-password-123", is_staff=True)
    for _ in range(5):
        response = client.post(reverse("admin:login"), {"username": "staff", "password": "wrong"})
        assert response.status_code in (200, 429)
    locked = client.post(reverse("admin:login"), {"username": "staff", "password": "the-right-password-123"})
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_few_wrong_passwords_do_not_lock_out_a_real_user(client, django_user_model):
    django_user_model.objects.create_user("staff", password="the-right-password-123", is_staff=True)
    for _ in range(2):
        client.post(reverse("admin:login"), {"username": "staff", "password": "wrong"})
    response = client.post(reverse("admin:login"), {"username": "staff", "password": "the-right-password-123"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_feedback_floods_get_a_clear_429_and_are_not_stored(client, settings):
    settings.FORM_RATE = "3/m"
    page = PageFactory()
    SectionFactory(page=page)
    url = reverse("condition:feedback", args=[page.slug])
    codes = [client.post(url, {"helpful": "yes"}).status_code for _ in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert PageFeedback.objects.count() == 3
    assert "Please wait a minute" in client.post(url, {"helpful": "yes"}).content.decode()


@pytest.mark.django_db
def test_quiz_floods_get_a_429(client, settings):
    from tests.factories import QuizFactory, question_with_choices

    settings.FORM_RATE = "2/m"
    quiz = QuizFactory()
    question = question_with_choices(quiz)
    data = {f"question_{question.pk}": question.choices.first().pk}
    url = reverse("quizzes:take", args=[quiz.slug])
    codes = [client.post(url, data, **SAME_ORIGIN).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert Attempt.objects.count() == 2


@pytest.mark.django_db
def test_posts_without_a_csrf_token_are_refused_and_store_nothing():
    page = PageFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("condition:feedback", args=[page.slug]), {"helpful": "yes"})
    assert response.status_code == 403
    assert "reload the page" in response.content.decode().lower()
    assert "| Your clinic</title>" in response.content.decode()  # the full page, with the clinic
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_says_503_when_the_database_is_down(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise connection.OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_only_the_admin_may_use_inline_styles_and_nothing_may_inline_scripts(client):
    public = client.get("/")["Content-Security-Policy"]
    admin = client.get("/admin/login/")["Content-Security-Policy"]
    assert "unsafe-inline" not in public
    assert "style-src 'self' 'unsafe-inline'" in admin
    assert "unsafe-inline" not in admin.split("script-src")[1].split(";")[0]


def test_robots_keep_search_engines_out_of_the_admin_and_quiz_results(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    assert "Disallow: /admin/" in response.content.decode() and "Disallow: /quiz/" in response.content.decode()


def test_browsers_asking_for_favicon_ico_are_sent_to_the_portal_icon(client):
    response = client.get("/favicon.ico")
    # Not permanent: the icon's hashed address changes when the icon does, and a browser keeps a 301 for good.
    assert response.status_code == 302 and response["Location"] == static("favicon.svg")
    icon = client.get(response["Location"])
    assert icon.status_code == 200 and icon["Content-Type"] == "image/svg+xml"
    assert "immutable" in icon["Cache-Control"]


def test_production_refuses_to_start_without_a_site_address_it_can_trust():
    env = {**PRODUCTION_ENV, "DJANGO_ALLOWED_HOSTS": ".example.org"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "Set DJANGO_SITE_URL" in result.stderr


def test_production_takes_its_site_address_from_the_first_allowed_host_when_none_is_set():
    shown = "from django.conf import settings; print(settings.SITE_URL)"
    result = manage(
        "shell", "-c", shown, env={**PRODUCTION_ENV, "DJANGO_ALLOWED_HOSTS": "portal.example.org,b.example"}
    )
    assert result.stdout.strip().splitlines()[-1] == "https://portal.example.org", result.stderr
    given = {**PRODUCTION_ENV, "DJANGO_SITE_URL": "https://oms.example-clinic.org/"}
    assert manage("shell", "-c", shown, env=given).stdout.strip().splitlines()[-1] == "https://oms.example-clinic.org"

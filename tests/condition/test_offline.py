"""Reading offline (issue 12): the service worker as the portal serves it, and what pages carry for it."""

import json
import re

import pytest
from django.templatetags.static import static
from django.urls import reverse

from condition.cache import content_version
from condition.models import Page
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def worker_config(response):
    first, _, rest = response.content.decode().partition("\n")
    match = re.fullmatch(r"self\.OMS_OFFLINE = (\{.*\});", first)
    assert match, first
    return json.loads(match.group(1)), rest


def test_the_service_worker_is_served_from_the_site_root_as_javascript(client):
    assert reverse("condition:service_worker") == "/sw.js"
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    # Its scope may be the whole site, and browsers check for a new one on every visit.
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"] and "max-age" not in response["Cache-Control"]


def test_the_worker_saves_the_help_page_home_and_stylesheet_and_never_staff_or_quiz_pages(client):
    config, code = worker_config(client.get("/sw.js"))
    assert {"/", "/help/", static("css/portal.css")} <= set(config["precache"])
    assert config["never"] == ["/admin/", "/quiz/"]
    # The prefix of the static files' addresses, which the worker keeps as well as pages.
    assert config["static"] == "/static/"
    assert static("css/portal.css").startswith(config["static"])
    # The code that follows the configuration is static/js/sw.js itself, whole.
    from django.contrib.staticfiles import finders

    assert code == open(finders.find("js/sw.js"), encoding="utf-8").read()
    for event in ("install", "activate", "fetch", "message"):
        assert f'addEventListener("{event}"' in code


def test_the_worker_changes_when_the_content_version_does(client):
    page = PageFactory()
    before, _ = worker_config(client.get("/sw.js"))
    assert before["cache"].startswith(f"oms-offline-{content_version()}-")
    page.title = "A new title"
    page.save()
    after, _ = worker_config(client.get("/sw.js"))
    assert after["cache"] != before["cache"]
    assert after["cache"].startswith(f"oms-offline-{content_version()}-")


def test_a_browser_checking_for_a_new_worker_gets_304_while_nothing_changed(client):
    first = client.get("/sw.js")
    again = client.get("/sw.js", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_worker_costs_one_query_the_content_version(client, django_assert_num_queries):
    PageFactory.create_batch(3)
    with django_assert_num_queries(1):
        assert client.get("/sw.js").status_code == 200
    with django_assert_num_queries(1):  # kept as a public page: the version, then the cached bytes
        assert client.get("/sw.js").status_code == 200


def test_the_worker_address_takes_only_get_and_head(client):
    assert client.post("/sw.js").status_code == 405
    assert client.head("/sw.js").status_code == 200


def test_pages_allow_the_portals_own_worker_and_still_no_inline_script(client):
    csp = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["worker-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-inline" not in directives["worker-src"]


def test_every_page_loads_the_offline_script_from_static_files_and_nothing_inline(client):
    page = PageFactory(status=Page.Status.PUBLISHED)
    SectionFactory(page=page)
    for path in ("/", page.get_absolute_url(), "/help/", "/glossary/"):
        html = client.get(path).content.decode()
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert f'<script src="{static("js/offline.js")}" data-worker="/sw.js" defer>' in scripts, path
        assert all(" src=" in tag for tag in scripts), path
        assert "</script>" in html and not re.search(r"<script\b[^>]*>[^<]+</script>", html), path


def test_a_topic_page_has_a_save_button_hidden_until_the_worker_runs(client):
    page = PageFactory(status=Page.Status.PUBLISHED)
    SectionFactory(page=page)
    html = client.get(page.get_absolute_url()).content.decode()
    box = re.search(r'<div class="save-offline no-print" data-save-offline="page" hidden>(.*?)</div>', html, re.S)
    assert box, "no Save for offline box"
    assert '<button type="button">Save for offline</button>' in box.group(1)
    assert 'role="status"' in box.group(1)
    # A page a worker saves must carry no form token.
    assert "csrfmiddlewaretoken" not in html


def test_the_admin_preview_has_no_save_button(reviewer_client):
    page = PageFactory()
    SectionFactory(page=page)
    html = reviewer_client.get(reverse("admin:condition_page_preview", args=[page.pk])).content.decode()
    assert "data-save-offline" not in html


def test_the_home_page_offers_to_save_every_topic_once(client):
    for _ in range(3):
        SectionFactory(page=PageFactory(status=Page.Status.PUBLISHED))
    html = client.get("/").content.decode()
    assert html.count("data-save-offline") == 1
    box = re.search(r'<div class="save-offline no-print" data-save-offline="all" hidden>(.*?)</div>', html, re.S)
    assert '<button type="button">Save all topics for offline</button>' in box.group(1)
    assert "csrfmiddlewaretoken" not in html


def test_the_home_page_without_topics_has_nothing_to_save(client):
    assert "data-save-offline" not in client.get("/").content.decode()

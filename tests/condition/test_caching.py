import pytest
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse

from condition.models import Page
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    page = PageFactory(title="Cached topic")
    SectionFactory(page=page, body="First wording.")
    return page


def test_a_repeat_visit_costs_one_query_the_content_version(client, page, django_assert_num_queries):
    client.get(page.get_absolute_url())
    with django_assert_num_queries(1):
        response = client.get(page.get_absolute_url())
    assert "First wording." in response.content.decode()


def test_revalidation_gets_a_304_until_content_changes(client, page):
    first = client.get(page.get_absolute_url())
    assert first["ETag"] and first["Last-Modified"]
    assert first["Cache-Control"] == "public, no-cache"
    again = client.get(page.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    page.title = "Renamed topic"
    page.save()
    changed = client.get(page.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "Renamed topic" in changed.content.decode()


def test_if_modified_since_gets_a_304_until_content_changes(client, page):
    first = client.get(page.get_absolute_url())
    again = client.get(page.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_a_publish_is_visible_to_families_at_once(client, page):
    draft = PageFactory(title="Brand new topic", status=Page.Status.DRAFT)
    SectionFactory(page=draft)
    assert "Brand new topic" not in client.get(reverse("condition:home")).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404
    draft.status = Page.Status.PUBLISHED
    draft.save()
    assert "Brand new topic" in client.get(reverse("condition:home")).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_a_section_edit_is_visible_at_once(client, page):
    client.get(page.get_absolute_url())
    section = page.sections.get()
    section.body = "Second wording."
    section.save()
    assert "Second wording." in client.get(page.get_absolute_url()).content.decode()


def test_unpublishing_hides_a_cached_page_at_once(client, page):
    assert client.get(page.get_absolute_url()).status_code == 200
    page.status = Page.Status.DRAFT
    page.save()
    assert client.get(page.get_absolute_url()).status_code == 404


def test_topic_pages_hold_nothing_specific_to_a_visitor(page):
    first = Client().get(page.get_absolute_url())
    second = Client().get(page.get_absolute_url())
    assert first.content == second.content
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert not first.cookies and not second.cookies


def test_topic_page_html_weighs_under_40_kb_and_with_its_css_under_16_kb_sent_compressed(client, oms_content):
    """The longest topic page: its HTML as a browser parses it, and what a phone downloads (both
    compressed, as the page cache and whitenoise send them)."""
    import gzip

    from django.contrib.staticfiles import finders

    html = client.get("/topics/treatment/").content
    css = open(finders.find("css/portal.css"), "rb").read()
    assert len(html) < 40 * 1024
    assert len(gzip.compress(html)) + len(gzip.compress(css)) < 16 * 1024


def test_odd_query_strings_are_served_from_the_same_cached_page(client, page, django_assert_num_queries):
    client.get(page.get_absolute_url())
    with django_assert_num_queries(5):  # the content version, once per request
        for junk in range(5):
            assert client.get(page.get_absolute_url() + f"?junk={junk}").status_code == 200


def test_handouts_are_cached_per_paper_size(client, page):
    a4 = client.get(reverse("condition:page_handout", args=[page.slug]) + "?paper=a4").content.decode()
    letter = client.get(reverse("condition:page_handout", args=[page.slug]) + "?paper=letter").content.decode()
    assert static("css/handout-a4.css") in a4 and static("css/handout-letter.css") in letter


# --- the content version, one build at a time, compressed copies, headers --------


@pytest.mark.django_db(transaction=True)
def test_the_content_version_moves_only_when_the_edit_commits():
    from django.db import transaction

    from pagecache.cache import content_version

    page = PageFactory()
    before = content_version()
    with transaction.atomic():
        page.title = "Changed inside a transaction"
        page.save()
        # A request now would still read the old text: it must not be kept under a new version.
        assert content_version() == before
    committed = content_version()
    assert committed > before
    with pytest.raises(RuntimeError), transaction.atomic():
        page.title = "Rolled back"
        page.save()
        raise RuntimeError("the save fails")
    assert content_version() == committed


def test_the_content_version_is_one_row_every_server_reads(page):
    from condition.models import ContentVersion
    from pagecache.cache import content_version

    version = content_version()
    assert ContentVersion.objects.get().version == version
    page.save()
    assert ContentVersion.objects.get().version == content_version() > version


def test_a_missing_version_row_is_recreated_ahead_of_every_earlier_version(page):
    from condition.models import ContentVersion
    from pagecache.cache import content_version

    old = content_version()
    ContentVersion.objects.all().delete()
    assert content_version() > old


def test_only_one_worker_builds_a_page_while_the_others_wait_for_it():
    import threading
    import time

    from pagecache.cache import cached, versioned

    builds = []

    def build():
        builds.append(threading.get_ident())
        time.sleep(0.3)
        return "the page"

    results = []
    key = versioned("page", "same", version=1)
    threads = [threading.Thread(target=lambda: results.append(cached(key, build))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert results == ["the page"] * 4


def test_a_waiting_worker_builds_itself_when_the_lock_outlives_the_wait(monkeypatch):
    from django.core.cache import cache

    from pagecache import cache as content_cache

    monkeypatch.setattr(content_cache, "WAIT", 0.2)
    key = content_cache.versioned("page", "stuck", version=1)
    cache.add(f"building:{key}", 1, 30)  # a builder that died
    assert content_cache.cached(key, lambda: "built here") == "built here"


def test_a_cached_page_answers_before_the_rest_of_the_stack(client, page, monkeypatch):
    from django.contrib.sessions.middleware import SessionMiddleware

    client.get(page.get_absolute_url())

    def not_reached(self, request):
        raise AssertionError("the session middleware ran for a cached page")

    monkeypatch.setattr(SessionMiddleware, "process_request", not_reached)
    assert client.get(page.get_absolute_url()).status_code == 200


def _headers(response, leave_out=()):
    return {name: value for name, value in response.items() if name not in leave_out}


@pytest.mark.parametrize("path", ["/", "/glossary/", "/sources/", "topic", "topic-handout"])
def test_cached_and_uncached_pages_carry_byte_identical_security_headers(client, page, settings, path):
    path = {"topic": page.get_absolute_url(), "topic-handout": f"/topics/{page.slug}/handout/"}.get(path, path)
    built = client.get(path)
    cached = client.get(path)
    assert built.status_code == cached.status_code == 200
    assert _headers(built) == _headers(cached)
    # Without the fetch-from-cache middleware every header comes from the stack itself.
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != "pagecache.cache.PublicPageMiddleware"]
    uncached = Client().get(path)
    per_response = ("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Length")
    assert _headers(uncached, per_response) == _headers(cached, per_response)
    assert {"Content-Security-Policy", "X-Frame-Options", "Permissions-Policy", "Referrer-Policy"} <= set(
        _headers(cached)
    )


def test_the_csp_header_is_django_csps_policy_built_once(client, page, admin_client):
    from csp.utils import build_policy

    assert client.get(page.get_absolute_url())["Content-Security-Policy"] == build_policy()
    admin = admin_client.get("/admin/")["Content-Security-Policy"]
    assert admin == build_policy(update={"style-src": ["'unsafe-inline'"]})


@pytest.mark.parametrize(
    ("accept", "encoding"),
    [("gzip", "gzip"), ("gzip, deflate, br", "br"), ("br;q=0, gzip", "gzip"), ("", None), ("identity", None)],
)
def test_public_pages_are_served_compressed_by_accept_encoding(client, page, accept, encoding):
    import gzip

    import brotli

    plain = client.get(page.get_absolute_url())
    response = client.get(page.get_absolute_url(), HTTP_ACCEPT_ENCODING=accept)
    assert response["Vary"] == "Accept-Encoding"
    assert response.get("Content-Encoding") == encoding
    body = {"gzip": gzip.decompress, "br": brotli.decompress, None: bytes}[encoding](response.content)
    assert body == plain.content
    assert int(response["Content-Length"]) == len(response.content)
    if encoding:
        assert len(response.content) < len(plain.content) / 2
        assert response["ETag"] != plain["ETag"]


def test_etags_are_per_encoding_and_still_give_304s(client, page):
    url = page.get_absolute_url()
    gzipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=gzipped["ETag"]).status_code == 304
    # A copy in another encoding is another representation: not a match.
    assert client.get(url, HTTP_IF_NONE_MATCH=gzipped["ETag"]).status_code == 200
    page.save()
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=gzipped["ETag"]).status_code == 200


@pytest.mark.parametrize("which", ["feedback", "comment"])
def test_pages_with_a_csrf_token_are_never_compressed(client, page, which):
    """BREACH: a compressed response must never carry a secret next to text an attacker chooses."""
    from tests.headers import SAME_ORIGIN

    url = f"/topics/{page.slug}/feedback/"
    if which == "comment":
        url = client.post(reverse("condition:vote", args=[page.slug]), {"helpful": "no"}, **SAME_ORIGIN)["Location"]
    for _ in range(2):
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
        assert "Content-Encoding" not in response


def test_a_cached_page_still_refuses_a_host_that_is_not_allowed(client, page):
    assert client.get(page.get_absolute_url()).status_code == 200
    assert client.get(page.get_absolute_url(), HTTP_HOST="evil.example").status_code == 400


def test_a_deploy_that_changes_a_template_or_stylesheet_never_reads_pages_older_builds_cached(
    tmp_path, settings, monkeypatch
):
    from pagecache import cache as content_cache

    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    (tmp_path / "static").mkdir()
    (tmp_path / "templates" / "base.html").write_text("<p>old</p>")
    (tmp_path / "static" / "site.css").write_text("p { color: black }")
    first = content_cache._build_id()
    (tmp_path / "static" / "site.css").write_text("p { color: navy }")
    second = content_cache._build_id()
    (tmp_path / "templates" / "base.html").write_text("<p>new</p>")
    third = content_cache._build_id()
    assert len({first, second, third}) == 3
    assert content_cache._build_id() == third  # the same release, the same id on every server
    monkeypatch.setenv("DJANGO_BUILD_ID", "git-abc123")
    assert content_cache._build_id() == "git-abc123"
    assert content_cache.FORMAT.startswith("4-")

"""Handouts built ahead, their storage, and what their cache keys hold."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.templatetags.static import static
from django.urls import reverse
from pypdf import PdfReader

from condition import handout_files, handouts, shipped
from condition.models import Condition, Page
from pagecache import cache as content_cache

pytestmark = pytest.mark.django_db
GUIDE = "/conditions/oms/handout/"
GUIDE_PDF = "/conditions/oms/handout.pdf"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def build(**kwargs):
    out = io.StringIO()
    call_command("build_handouts", stdout=out, **kwargs)
    return out.getvalue()


def test_a_big_guide_not_built_yet_says_it_is_being_prepared_instead_of_holding_a_worker(
    client, oms_content, monkeypatch
):
    monkeypatch.setattr(handout_files, "SMALL_GUIDE_PAGES", 3)
    monkeypatch.setattr(handouts, "html_to_pdf", lambda *a: pytest.fail("a request made the guide PDF"))
    for url in (GUIDE, GUIDE_PDF):
        response = client.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == "60"
        assert "try again in a minute" in response.content.decode()


def test_the_timer_command_builds_the_guide_and_requests_then_read_the_stored_file(
    client, oms_content, monkeypatch, settings, django_assert_num_queries
):
    settings.SITE_URL = "https://oms.lakeside.example"
    monkeypatch.setattr(handout_files, "SMALL_GUIDE_PAGES", 3)
    output = build()
    assert "4 guide(s) built" in output  # A4 and US Letter, in English and in Spanish
    assert f"Built oms (es, letter, {len(shipped.content('es').pages)} topics)" in output
    assert "0 guide(s) built, 4 already up to date" in build()
    with django_assert_num_queries(2):  # the content version, the condition
        html = client.get(GUIDE + "?paper=letter").content.decode()
    assert static("css/handout-letter.css") in html and "oms.lakeside.example/" in html
    for page in Page.objects.live():
        assert page.title in html
    response = client.get(GUIDE_PDF)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.getvalue())).pages)
    assert "Treatment" in re.sub(r"\s+", " ", text)


def test_new_text_is_never_served_from_an_older_build(client, oms_content, monkeypatch, settings):
    settings.SITE_URL = "https://oms.lakeside.example"
    monkeypatch.setattr(handout_files, "SMALL_GUIDE_PAGES", 3)
    build()
    page = Page.objects.get(translation_of=None, slug="treatment")
    page.title = "Treatment choices, rewritten"
    page.save()
    assert client.get(GUIDE).status_code == 503  # not the old text
    build()
    assert "Treatment choices, rewritten" in client.get(GUIDE).content.decode()
    # Older builds are deleted.
    _, files = handout_files.default_storage.listdir("handouts/oms")
    version = str(content_cache.content_version())
    assert files and all(name.startswith(version) for name in files)


def test_the_build_command_needs_the_site_address(oms_content, settings):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="DJANGO_SITE_URL"):
        call_command("build_handouts")


def test_a_forged_host_never_reaches_another_visitors_handout(client, oms_content, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["portal.example.org", "other.example.org"]
    url = reverse("condition:page_handout", args=["symptoms"])
    first = client.get(url, HTTP_HOST="other.example.org").content.decode()
    second = client.get(url, HTTP_HOST="portal.example.org").content.decode()
    assert "other.example.org/topics/symptoms/" in first
    assert "portal.example.org/topics/symptoms/" in second and "other.example.org" not in second
    guide = client.get(GUIDE, HTTP_HOST="other.example.org").content.decode()
    guide_again = client.get(GUIDE, HTTP_HOST="portal.example.org").content.decode()
    assert "other.example.org" in guide and "other.example.org" not in guide_again


def test_with_a_site_address_every_host_prints_it(client, oms_content, settings):
    settings.SITE_URL = "https://oms.lakeside.example"
    settings.ALLOWED_HOSTS = ["portal.example.org", "other.example.org"]
    url = reverse("condition:page_handout", args=["symptoms"])
    for host in settings.ALLOWED_HOSTS:
        html = client.get(url, HTTP_HOST=host).content.decode()
        assert "oms.lakeside.example/topics/symptoms/" in html and host not in html


def test_odd_paper_values_share_the_default_handout_in_the_cache(client, oms_content, settings):
    settings.SITE_URL = "https://oms.lakeside.example"
    url = reverse("condition:page_handout", args=["symptoms"])
    client.get(url)
    for odd in ("A4", "zzz", "<script>", "letter2"):
        assert static("css/handout-a4.css") in client.get(url, {"paper": odd}).content.decode()
    client.get(url, {"paper": "letter"})
    kept = [key for key in content_cache._local if "/handout/" in key]
    assert len(kept) == 2, kept


def test_staff_pdfs_never_replace_the_families_pdf_in_the_cache(client, reviewer_client, oms_content, monkeypatch):
    made = []

    def fake_pdf(html, base_url):
        made.append(html)
        return b"%PDF-" + str(len(made)).encode()

    monkeypatch.setattr(handouts, "html_to_pdf", fake_pdf)
    page = Page.objects.get(translation_of=None, slug="treatment")
    staff = reviewer_client.get(reverse("admin:condition_page_pdf", args=[page.pk])).content
    public = client.get(reverse("condition:page_handout_pdf", args=["treatment"])).content
    assert staff == b"%PDF-1" and public == b"%PDF-2"
    assert client.get(reverse("condition:page_handout_pdf", args=["treatment"])).content == b"%PDF-2"


def test_the_admin_refuses_a_pdf_of_too_many_pages_with_a_message(reviewer_client, oms_content, monkeypatch):
    monkeypatch.setattr(handouts, "ADMIN_PDF_MAX_PAGES", 2)
    pks = list(Page.objects.values_list("pk", flat=True)[:3])
    response = reviewer_client.post(
        reverse("admin:condition_page_changelist"),
        {"action": "download_handout_pdfs", "_selected_action": pks},
        follow=True,
    )
    assert response["Content-Type"].startswith("text/html")
    assert "Choose at most 2 pages for one PDF" in response.content.decode()


def test_every_pdf_shares_one_font_configuration(monkeypatch):
    from weasyprint.text import fonts

    created = []
    original = fonts.FontConfiguration

    class Counting(original):
        def __init__(self, *args, **kwargs):
            created.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(fonts, "FontConfiguration", Counting)
    monkeypatch.setattr(handouts, "_fonts", [])
    html = "<!doctype html><title>t</title><p>Hello</p>"
    for _ in range(3):
        assert handouts.html_to_pdf(html, "http://127.0.0.1/").startswith(b"%PDF-")
    assert len(created) == 1


def test_robots_keep_crawlers_off_the_handout_pdfs(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /conditions/*/handout.pdf" in robots and "Disallow: /topics/*/handout.pdf" in robots


def test_a_condition_without_published_pages_has_no_guide(client, db):
    Condition.objects.create(status="published", name="Other", slug="other", summary="x")
    assert client.get("/conditions/other/handout/").status_code == 404


def _stored_guides(slug="oms"):
    from django.core.files.storage import default_storage

    try:
        return set(default_storage.listdir(f"{handout_files.FOLDER}/{slug}")[1])
    except FileNotFoundError:
        return set()


def test_forged_host_headers_never_multiply_the_guides_kept(client, oms_content, settings):
    """Production always has one site address (DJANGO_SITE_URL, or the first allowed host)."""
    assert settings.SITE_URL == "http://testserver"  # derived: the tests run with DEBUG off and no DJANGO_SITE_URL
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    before = _stored_guides()
    pages = [client.get(GUIDE, HTTP_HOST=f"localhost:{port}").content.decode() for port in range(8001, 8011)]
    kept = _stored_guides() - before
    assert len(kept) <= 2  # one guide and its ".ready" marker, whatever the host
    assert all("http://testserver/" in page and "localhost:" not in page for page in pages)


def test_without_a_site_address_in_development_a_guide_is_made_per_request_and_never_kept(
    client, oms_content, settings
):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["localhost"]
    before = _stored_guides()
    page = client.get(GUIDE, HTTP_HOST="localhost:8123")
    assert page.status_code == 200 and "http://localhost:8123/" in page.content.decode()
    assert _stored_guides() == before

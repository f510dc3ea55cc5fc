import pytest
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


def test_topic_page_html_and_css_weigh_under_40_kb(client, oms_content):
    from django.contrib.staticfiles import finders

    html = client.get("/topics/treatment/").content
    css = open(finders.find("css/portal.css"), "rb").read()
    assert len(html) + len(css) < 40 * 1024


def test_odd_query_strings_are_served_from_the_same_cached_page(client, page, django_assert_num_queries):
    client.get(page.get_absolute_url())
    with django_assert_num_queries(5):  # the content version, once per request
        for junk in range(5):
            assert client.get(page.get_absolute_url() + f"?junk={junk}").status_code == 200


def test_handouts_are_cached_per_paper_size(client, page):
    a4 = client.get(reverse("condition:page_handout", args=[page.slug]) + "?paper=a4").content.decode()
    letter = client.get(reverse("condition:page_handout", args=[page.slug]) + "?paper=letter").content.decode()
    assert "handout-a4.css" in a4 and "handout-letter.css" in letter

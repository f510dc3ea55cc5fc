import pytest
from django.test import Client
from django.urls import reverse

from condition.models import Page, PageFeedback
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    page = PageFactory(title="Cached topic")
    SectionFactory(page=page, body="First wording.")
    return page


def test_a_repeat_visit_costs_no_queries(client, page, django_assert_num_queries):
    client.get(page.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(page.get_absolute_url())
    assert "First wording." in response.content.decode()


def test_revalidation_gets_a_304_until_content_changes(client, page):
    first = client.get(page.get_absolute_url())
    assert first["ETag"] and first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"] and "private" in first["Cache-Control"]
    again = client.get(page.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    page.title = "Renamed topic"
    page.save()
    changed = client.get(page.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "Renamed topic" in changed.content.decode()


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


def test_each_visitor_gets_their_own_working_csrf_token_from_a_cached_page(page):
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        html = visitor.get(page.get_absolute_url()).content.decode()
        assert "__csrf_token_placeholder__" not in html
        token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        response = visitor.post(
            reverse("condition:feedback", args=[page.slug]), {"helpful": "yes", "csrfmiddlewaretoken": token}
        )
        assert response.status_code == 302
    assert PageFeedback.objects.count() == 2


def test_topic_page_html_and_css_weigh_under_40_kb(client, oms_content):
    from django.contrib.staticfiles import finders

    html = client.get("/topics/treatment/").content
    css = open(finders.find("css/portal.css"), "rb").read()
    assert len(html) + len(css) < 40 * 1024

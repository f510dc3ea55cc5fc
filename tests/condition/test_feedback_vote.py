"""One-tap "Was this page helpful?": a same-origin vote, then an optional comment with CSRF."""

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from condition.feedback import VOTE_SALT
from condition.models import Page, PageFeedback
from tests.factories import PageFactory, SectionFactory
from tests.headers import SAME_ORIGIN

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    page = PageFactory(slug="treatment", title="Treatment")
    SectionFactory(page=page)
    return page


def vote_url(page):
    return reverse("condition:vote", args=[page.slug])


def test_one_tap_stores_the_vote_and_offers_an_optional_comment(client, page):
    response = client.post(vote_url(page), {"helpful": "yes"}, **SAME_ORIGIN)
    assert response.status_code == 303
    assert response["Location"].startswith(reverse("condition:feedback_comment", args=[page.slug]) + "?vote=")
    feedback = PageFeedback.objects.get()
    assert (feedback.page, feedback.helpful, feedback.comment) == (page, True, "")
    html = client.get(response["Location"]).content.decode()
    assert "your answer is saved" in html and "csrfmiddlewaretoken" in html


def test_a_vote_needs_only_the_origin_or_the_fetch_site_header(client, page):
    assert client.post(vote_url(page), {"helpful": "no"}, HTTP_ORIGIN="http://testserver").status_code == 303
    assert client.post(vote_url(page), {"helpful": "no"}, HTTP_SEC_FETCH_SITE="same-origin").status_code == 303
    assert PageFeedback.objects.filter(helpful=False).count() == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://testserver.evil.example", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {},
    ],
    ids=["cross-site", "other origin", "fetch cross-site", "sibling site", "opaque origin", "lying origin", "none"],
)
def test_a_cross_site_or_unverifiable_vote_is_refused_and_stores_nothing(client, page, headers):
    response = client.post(vote_url(page), {"helpful": "yes"}, **headers)
    assert response.status_code == 403
    assert "was not saved" in response.content.decode()
    assert reverse("condition:feedback", args=[page.slug]) in response.content.decode()  # the form with a token
    assert not PageFeedback.objects.exists()


def test_the_vote_works_with_csrf_checks_on_and_no_token(page):
    client = Client(enforce_csrf_checks=True)
    assert client.post(vote_url(page), {"helpful": "yes"}, **SAME_ORIGIN).status_code == 303
    assert PageFeedback.objects.count() == 1


def test_the_cached_topic_page_carries_no_csrf_token_or_cookie(client, page):
    for _ in range(2):  # rendered, then from the cache
        response = client.get(page.get_absolute_url())
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert "csrftoken" not in response.cookies


@pytest.mark.parametrize("data", [{}, {"helpful": "maybe"}, {"helpful": "yes", "comment": "sneaky"}])
def test_a_vote_stores_nothing_but_page_and_yes_or_no(client, page, data):
    response = client.post(vote_url(page), data, **SAME_ORIGIN)
    if data.get("helpful") == "yes":
        assert PageFeedback.objects.get().comment == ""
    else:
        assert response.status_code == 400 and not PageFeedback.objects.exists()


def test_votes_only_go_to_published_pages_and_only_by_post(client):
    draft = PageFactory(status=Page.Status.DRAFT)
    assert client.post(vote_url(draft), {"helpful": "yes"}, **SAME_ORIGIN).status_code == 404
    assert client.get(vote_url(draft)).status_code == 405
    assert not PageFeedback.objects.exists()


def test_the_comment_is_attached_to_that_same_vote_once(client, page):
    location = client.post(vote_url(page), {"helpful": "no"}, **SAME_ORIGIN)["Location"]
    token = location.split("vote=")[1]
    url = reverse("condition:feedback_comment", args=[page.slug])
    response = client.post(url, {"vote": token, "comment": "Say more about IVIG."})
    assert response.status_code == 302 and response["Location"].endswith("/feedback/thanks/")
    client.post(url, {"vote": token, "comment": "Overwritten?"})
    feedback = PageFeedback.objects.get()  # counted once
    assert (feedback.helpful, feedback.comment) == (False, "Say more about IVIG.")


def test_sending_no_comment_keeps_the_vote(client, page):
    location = client.post(vote_url(page), {"helpful": "yes"}, **SAME_ORIGIN)["Location"]
    client.post(reverse("condition:feedback_comment", args=[page.slug]), {"vote": location.split("vote=")[1]})
    assert PageFeedback.objects.get().helpful is True


@pytest.mark.parametrize("kind", ["forged", "other page", "expired", "not a number"])
def test_a_comment_with_a_bad_token_is_refused_and_changes_nothing(client, page, kind, monkeypatch):
    feedback = PageFeedback.objects.create(page=page, helpful=True)
    other = PageFactory()
    token = signing.dumps(feedback.pk, salt=VOTE_SALT)
    slug = page.slug
    if kind == "forged":
        token = str(feedback.pk)
    elif kind == "other page":
        slug = other.slug
    elif kind == "expired":
        monkeypatch.setattr("condition.feedback.COMMENT_WINDOW", -1)
    elif kind == "not a number":
        token = signing.dumps("x", salt=VOTE_SALT)
    response = client.post(reverse("condition:feedback_comment", args=[slug]), {"vote": token, "comment": "Hi"})
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert PageFeedback.objects.get().comment == ""


def test_the_comment_step_keeps_csrf_protection(page):
    client = Client(enforce_csrf_checks=True)
    location = client.post(vote_url(page), {"helpful": "yes"}, **SAME_ORIGIN)["Location"]
    token = location.split("vote=")[1]
    url = reverse("condition:feedback_comment", args=[page.slug])
    assert client.post(url, {"vote": token, "comment": "No token"}).status_code == 403
    assert PageFeedback.objects.get().comment == ""


def test_a_too_long_comment_gets_a_clear_message(client, page):
    location = client.post(vote_url(page), {"helpful": "yes"}, **SAME_ORIGIN)["Location"]
    url = reverse("condition:feedback_comment", args=[page.slug])
    response = client.post(url, {"vote": location.split("vote=")[1], "comment": "x" * 501})
    assert response.status_code == 400 and "Please check your comment" in response.content.decode()


def test_votes_keep_the_rate_limit(client, page, settings):
    settings.FORM_RATE = "2/m"
    codes = [client.post(vote_url(page), {"helpful": "yes"}, **SAME_ORIGIN).status_code for _ in range(3)]
    assert codes == [303, 303, 429]
    assert PageFeedback.objects.count() == 2


def test_the_vote_and_comment_step_query_counts(client, page, django_assert_num_queries):
    with django_assert_num_queries(2):  # the page, the vote
        location = client.post(vote_url(page), {"helpful": "yes"}, **SAME_ORIGIN)["Location"]
    with django_assert_num_queries(3):  # the page, the vote, the clinic footer
        assert client.get(location).status_code == 200


def test_the_admin_page_list_counts_the_vote(admin_client, client, page):
    client.post(vote_url(page), {"helpful": "yes"}, **SAME_ORIGIN)
    html = admin_client.get(reverse("admin:condition_page_changelist")).content.decode()
    assert "1 yes / 0 no" in html

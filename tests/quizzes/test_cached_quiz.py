"""The quiz page is cached whole with no CSRF token; its answers are accepted only from this site."""

import gzip

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pagecache import cache as content_cache
from quizzes.models import Answer, Attempt
from tests.headers import CROSS_SITE, SAME_ORIGIN
from tests.quizzes.conftest import answers_for

pytestmark = pytest.mark.django_db


def take_url(quiz):
    return reverse("quizzes:take", args=[quiz.slug])


@pytest.fixture
def one_order(monkeypatch):
    """Every visitor gets choice order 3, so the second request finds the first one's page."""
    monkeypatch.setattr(content_cache, "pick_variant", lambda variants: 3)


def test_a_second_visit_is_served_from_the_page_cache_reading_only_the_content_version(
    client, quiz, one_order, django_assert_num_queries
):
    first = client.get(take_url(quiz))
    with django_assert_num_queries(1), CaptureQueriesContext(connection) as queries:
        second = client.get(take_url(quiz))
    assert queries[0]["sql"] == content_cache.VERSION_SQL
    assert second.status_code == 200 and second.content == first.content
    assert second["ETag"] == first["ETag"] and second["Cache-Control"] == "public, no-cache"


def test_the_quiz_page_holds_nothing_for_one_visitor(quiz, one_order):
    first, second = Client().get(take_url(quiz)), Client().get(take_url(quiz))
    assert first.content == second.content
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert not first.cookies and not second.cookies


def test_visitors_still_get_different_choice_orders(client, quiz):
    orders = {client.get(take_url(quiz)).content for _ in range(12)}
    assert len(orders) > 1


def test_the_cached_quiz_page_is_sent_compressed_to_browsers_that_accept_it(client, quiz, one_order):
    plain = client.get(take_url(quiz))
    zipped = client.get(take_url(quiz), HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(zipped.content) == plain.content
    assert client.get(take_url(quiz), HTTP_ACCEPT_ENCODING="br")["Content-Encoding"] == "br"


@pytest.mark.parametrize(
    "headers",
    [
        CROSS_SITE,
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://testserver.evil.example", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {},
    ],
    ids=["cross-site", "other origin", "fetch cross-site", "sibling site", "opaque origin", "lying origin", "none"],
)
def test_answers_posted_from_another_site_are_refused_with_a_clear_page_and_stored_nowhere(client, quiz, headers):
    response = client.post(take_url(quiz), answers_for(quiz), **headers)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Your answers were not saved" in html and f'href="{take_url(quiz)}"' in html
    assert not Attempt.objects.exists() and not Answer.objects.exists()


def test_answers_from_the_quiz_page_itself_are_stored(client, quiz):
    response = client.post(take_url(quiz), answers_for(quiz), **SAME_ORIGIN)
    assert response.status_code == 302 and Attempt.objects.count() == 1


def test_an_origin_naming_this_site_is_enough(client, quiz):
    response = client.post(take_url(quiz), answers_for(quiz), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302 and Attempt.objects.count() == 1


def test_sec_fetch_site_same_origin_without_an_origin_is_enough(client, quiz):
    response = client.post(take_url(quiz), answers_for(quiz), HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 302 and Attempt.objects.count() == 1


def test_a_refused_post_to_an_unknown_quiz_is_404(client, quiz):
    assert client.post("/quiz/no-such-quiz/", answers_for(quiz), **CROSS_SITE).status_code == 404


def test_the_rate_limit_counts_answers_from_this_site(client, quiz, settings):
    settings.FORM_RATE = "2/m"
    codes = [client.post(take_url(quiz), answers_for(quiz), **SAME_ORIGIN).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert Attempt.objects.count() == 2

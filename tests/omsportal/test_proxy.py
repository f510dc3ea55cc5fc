"""Behind a proxy, limits and lockouts count the family's address, not the proxy's."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from condition.models import PageFeedback
from omsportal.proxy import client_ip
from tests.factories import PageFactory, SectionFactory

PROXY = "10.0.0.1"


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.PROXY_HOPS = 1
    return settings


def via_proxy(forwarded_for):
    """A browser reaching the portal through our proxy, which appends the address it saw."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


@pytest.mark.parametrize(
    ("forwarded", "hops", "expected"),
    [
        ("203.0.113.7", 1, "203.0.113.7"),
        ("1.2.3.4, 203.0.113.7", 1, "203.0.113.7"),  # the left entry was written by the client
        ("203.0.113.7, 10.0.0.9", 2, "203.0.113.7"),  # two proxies of ours
        ("2001:db8::1", 1, "2001:db8::1"),
        ("", 1, PROXY),  # not through the proxy at all
        ("203.0.113.7", 2, PROXY),  # fewer entries than our proxies write: not trusted
        ("not-an-address", 1, PROXY),
    ],
)
def test_the_client_is_the_trusted_hops_from_the_right(behind_proxy, forwarded, hops, expected):
    behind_proxy.PROXY_HOPS = hops
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_without_a_proxy_x_forwarded_for_is_ignored(settings):
    settings.BEHIND_PROXY = False
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "198.51.100.4"


@pytest.mark.django_db
def test_an_attacker_behind_the_proxy_cannot_make_families_posts_429(behind_proxy):
    behind_proxy.FORM_RATE = "3/m"
    page = PageFactory()
    SectionFactory(page=page)
    url = reverse("condition:feedback", args=[page.slug])
    # The attacker forges a different left-hand entry each time; the proxy's entry stays theirs.
    codes = [via_proxy(f"192.0.2.{n}, 198.51.100.66").post(url, {"helpful": "no"}).status_code for n in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    family = via_proxy("203.0.113.7").post(url, {"helpful": "yes"})
    assert family.status_code == 302
    assert PageFeedback.objects.filter(helpful=True).count() == 1


@pytest.mark.django_db
def test_wrong_passwords_behind_the_proxy_do_not_lock_the_real_admin_out(behind_proxy, django_user_model):
    django_user_model.objects.create_user("staff", password="the-right-password-123", is_staff=True)
    login = reverse("admin:login")
    attacker = via_proxy("198.51.100.66")
    for _ in range(6):
        attacker.post(login, {"username": "staff", "password": "wrong"})
    assert attacker.post(login, {"username": "staff", "password": "the-right-password-123"}).status_code == 429
    admin = via_proxy("203.0.113.7")
    response = admin.post(login, {"username": "staff", "password": "the-right-password-123"})
    assert response.status_code == 302
    assert "_auth_user_id" in admin.session


@pytest.mark.django_db
def test_quiz_answers_through_the_https_proxy_pass_the_same_origin_check_and_the_family_limit(behind_proxy):
    from quizzes.models import Attempt
    from tests.factories import QuizFactory, question_with_choices

    behind_proxy.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    behind_proxy.FORM_RATE = "2/m"
    quiz = QuizFactory()
    question = question_with_choices(quiz)
    url = reverse("quizzes:take", args=[quiz.slug])
    data = {f"question_{question.pk}": question.choices.get(is_correct=True).pk}
    # The proxy passes on the Host the browser asked for and says it was reached over HTTPS.
    browser = {"HTTP_HOST": "testserver", "HTTP_X_FORWARDED_PROTO": "https", "HTTP_SEC_FETCH_SITE": "same-origin"}

    family = via_proxy("203.0.113.7")
    assert family.post(url, data, HTTP_ORIGIN="https://testserver", **browser).status_code == 302
    # The proxy says the family reached it over HTTPS: an http:// origin is another site.
    assert family.post(url, data, HTTP_ORIGIN="http://testserver", **browser).status_code == 403
    assert family.post(url, data, HTTP_ORIGIN="https://testserver", **browser).status_code == 429
    other = via_proxy("198.51.100.66").post(url, data, HTTP_ORIGIN="https://testserver", **browser)
    assert other.status_code == 302
    assert Attempt.objects.count() == 2

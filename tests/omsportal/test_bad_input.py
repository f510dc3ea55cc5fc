"""Bad input against every public URL and form: always a 4xx or a form error, never a 500, nothing stored."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from condition.models import PageFeedback
from quizzes.models import Answer, Attempt
from tests.headers import SAME_ORIGIN

pytestmark = pytest.mark.django_db

HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PUBLIC_GET = [
    "/",
    "/topics/symptoms/",
    "/glossary/",
    "/sources/",
    "/quiz/",
    "/quiz/oms-basics/",
    "/topics/symptoms/handout/",
    "/healthz",
]
FORMS = ["/topics/symptoms/feedback/", "/quiz/oms-basics/"]
odd_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATELIMIT_ENABLE = False


def assert_not_stored():
    assert not PageFeedback.objects.exists()
    assert not Attempt.objects.exists() and not Answer.objects.exists()


@HYPOTHESIS
@given(segment=odd_text)
def test_odd_unicode_and_path_tricks_in_addresses_are_4xx(oms_content, segment):
    client = Client()
    for template in ("/topics/{}/", "/quiz/{}/", "/topics/{}/handout/", "/conditions/{}/handout.pdf", "/{}"):
        response = client.get(template.format(quote(segment, safe="/.%")))
        assert response.status_code in (200, 301, 302, 400, 404)


@pytest.mark.parametrize(
    "path",
    [
        "/topics/../../etc/passwd",
        "/topics/%2e%2e%2f%2e%2e%2fetc%2fpasswd/",
        "/static/../manage.py",
        "/topics/%00/",
        "/topics/symptoms%00/",
        "/quiz/oms-basics/result/00000000-0000-0000-0000-000000000000/",
        "/admin/../manage.py",
    ],
)
def test_path_tricks_are_refused(client, oms_content, path):
    response = client.get(path)
    assert response.status_code in (400, 404, 301, 302)
    assert b"SECRET_KEY" not in response.content and b"import" not in response.content[:200]


@HYPOTHESIS
@given(data=st.dictionaries(st.text(max_size=40), st.one_of(odd_text, st.lists(odd_text, max_size=3)), max_size=8))
def test_random_form_posts_never_500_and_invalid_ones_store_nothing(oms_content, data):
    client = Client()
    for url in FORMS:
        before = (PageFeedback.objects.count(), Attempt.objects.count())
        response = client.post(url, data, **SAME_ORIGIN)
        assert response.status_code < 500
        if response.status_code != 302:
            assert (PageFeedback.objects.count(), Attempt.objects.count()) == before


@HYPOTHESIS
@given(choice=st.one_of(odd_text, st.integers(min_value=-(2**70), max_value=2**70).map(str)))
def test_tampered_quiz_choice_values_are_form_errors(oms_content, choice):
    from quizzes.models import Quiz

    quiz = Quiz.objects.get(translation_of=None, slug="oms-basics")
    data = {f"question_{q.pk}": str(q.choices.first().pk) for q in quiz.questions.all()}
    first = quiz.questions.first()
    if choice.strip() in {str(c.pk) for c in first.choices.all()}:
        return
    data[f"question_{first.pk}"] = choice
    response = Client().post("/quiz/oms-basics/", data, **SAME_ORIGIN)
    assert response.status_code == 400
    assert_not_stored()


@pytest.mark.parametrize("url", FORMS)
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_wrong_methods_are_405(client, oms_content, url, method):
    assert getattr(client, method)(url).status_code == 405
    assert_not_stored()


@pytest.mark.parametrize("url", FORMS)
def test_oversized_bodies_are_400(client, oms_content, url):
    response = client.post(url, {"comment": "x" * (400 * 1024), "helpful": "yes"}, **SAME_ORIGIN)
    assert response.status_code == 400
    assert_not_stored()


@pytest.mark.parametrize("url", FORMS)
def test_too_many_fields_are_400(client, oms_content, url):
    response = client.post(url, {f"field{i}": "1" for i in range(1000)}, **SAME_ORIGIN)
    assert response.status_code == 400
    assert_not_stored()


@pytest.mark.parametrize("url", FORMS)
def test_non_form_bodies_are_refused(client, oms_content, url):
    response = client.post(url, data=b"\xff\xfe{not json", content_type="application/json", **SAME_ORIGIN)
    assert 400 <= response.status_code < 500
    response = client.post(url, data=b"\xff\xfe\x00", content_type="application/x-www-form-urlencoded", **SAME_ORIGIN)
    assert 400 <= response.status_code < 500
    assert_not_stored()


@pytest.mark.parametrize("url", FORMS)
def test_missing_csrf_is_403(oms_content, url):
    response = Client(enforce_csrf_checks=True).post(url, {"helpful": "yes"})
    assert response.status_code == 403
    assert_not_stored()


def test_feedback_with_odd_unicode_is_stored_as_plain_text_and_shown_escaped(client, oms_content, admin_client):
    comment = "<script>alert(1)</script> \u202e RTL \U0001f600 ok"
    response = client.post("/topics/symptoms/feedback/", {"helpful": "yes", "comment": comment})
    assert response.status_code == 302
    stored = PageFeedback.objects.get().comment
    assert "\u202e" not in stored and "\U0001f600" in stored
    html = admin_client.get("/admin/condition/pagefeedback/").content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW"])
def test_unknown_methods_are_405_everywhere(client, oms_content, method):
    for url in ["/", "/topics/treatment/", "/glossary/", "/quiz/", "/admin/login/"]:
        response = client.generic(method, url)
        assert response.status_code == 405, (method, url)
        assert b"<h1>" not in response.content  # never the page itself


def test_posts_to_read_only_pages_are_405(client, oms_content):
    from quizzes.models import Quiz

    urls = ["/", "/topics/treatment/", "/glossary/", "/sources/", "/topics/treatment/handout/"]
    urls += ["/topics/treatment/handout.pdf", "/conditions/oms/handout.pdf"]
    data = {
        f"question_{q.pk}": str(q.choices.first().pk) for q in Quiz.objects.get(translation_of=None).questions.all()
    }
    result = client.post("/quiz/oms-basics/", data, **SAME_ORIGIN)
    urls.append(result["Location"])
    attempts = Attempt.objects.count()
    for url in urls:
        assert client.post(url, {}).status_code == 405, url
    assert Attempt.objects.count() == attempts


def _multipart(size):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"question_1": "1", "file": SimpleUploadedFile("big.bin", b"x" * size)}


def test_a_30_mb_multipart_post_to_the_quiz_is_refused_before_it_is_read(client, oms_content, monkeypatch):
    from django.http import multipartparser

    def never(self):
        raise AssertionError("the body was read")

    monkeypatch.setattr(multipartparser.MultiPartParser, "parse", never)
    response = client.post("/quiz/oms-basics/", _multipart(30 * 1024 * 1024), **SAME_ORIGIN)
    assert response.status_code == 400
    html = response.content.decode()
    assert "more than the form accepts (256" in html and "Nothing was saved" in html
    assert_not_stored()


def test_a_body_just_past_the_limit_is_refused_on_every_family_form(client, oms_content):
    for url in FORMS:
        response = client.post(url, _multipart(257 * 1024), **SAME_ORIGIN)
        assert response.status_code == 400, url
    assert_not_stored()


def test_the_admin_takes_a_picture_upload_up_to_its_own_limit(admin_client):
    from django.conf import settings as django_settings

    url = "/admin/condition/sectionimage/add/"  # closed (pictures are added on their section): a 403 past the limit
    allowed = admin_client.post(url, _multipart(7 * 1024 * 1024))
    assert allowed.status_code == 403 and "more than the form accepts" not in allowed.content.decode()
    refused = admin_client.post(url, _multipart(django_settings.ADMIN_UPLOAD_MAX_SIZE + 1))
    assert refused.status_code == 400 and "more than the form accepts (8" in refused.content.decode()

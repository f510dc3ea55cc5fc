import re

import pytest
from django.urls import reverse

from quizzes.models import Answer, Attempt, Quiz
from tests.factories import question_with_choices
from tests.headers import SAME_ORIGIN
from tests.quizzes.conftest import answers_for

pytestmark = pytest.mark.django_db


def take_url(quiz):
    return reverse("quizzes:take", args=[quiz.slug])


def test_quiz_page_shows_every_question_as_radio_buttons_with_a_progress_hint(client, quiz):
    html = client.get(take_url(quiz)).content.decode()
    assert html.count('type="radio"') == 9
    assert "Question 1 of 3" in html and "Question 3 of 3" in html
    assert "<fieldset" in html and "<legend" in html


def test_finishing_the_quiz_stores_an_anonymous_attempt_and_shows_the_result(client, quiz):
    response = client.post(take_url(quiz), answers_for(quiz, wrong={1}), **SAME_ORIGIN)
    attempt = Attempt.objects.get()
    assert response.status_code == 302 and response["Location"] == attempt.get_absolute_url()
    assert (attempt.correct_count, attempt.score_percent, attempt.passed) == (2, 67, False)
    assert {f.name for f in Attempt._meta.fields} == {
        "id",
        "public_id",
        "quiz",
        "created_at",
        "correct_count",
        "question_count",
        "score_percent",
        "passed",
        "language",
    }
    assert attempt.language == "en"
    html = client.get(attempt.get_absolute_url()).content.decode()
    assert "2 out of 3 right (67%)" in html
    assert "Our goal is 70%" in html
    assert "You chose: Wrong 1a" in html and "The right answer:</span> Right 1" in html
    assert "Because that is what the page says." in html
    assert 'href="/topics/symptoms/#part-1"' in html
    assert f'href="{take_url(quiz)}"' in html  # try again


def test_meeting_the_pass_mark_says_so(client, quiz):
    client.post(take_url(quiz), answers_for(quiz), **SAME_ORIGIN)
    html = client.get(Attempt.objects.get().get_absolute_url()).content.decode()
    assert "3 out of 3 right (100%)" in html and "That meets our goal of 70%" in html


def test_an_unanswered_question_is_flagged_at_the_top_and_beside_it_keeping_other_answers(client, quiz):
    data = answers_for(quiz)
    first = quiz.questions.first()
    missing = quiz.questions.all()[1]
    del data[f"question_{missing.pk}"]
    response = client.post(take_url(quiz), data, **SAME_ORIGIN)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Please answer every question" in html
    assert html.count("Question 2: please choose an answer.") == 2  # summary and beside the question
    assert f'href="#id_question_{missing.pk}_0"' in html
    kept = data[f"question_{first.pk}"]
    assert (
        f'value="{kept}" checked' in html
        or f'checked value="{kept}"' in html
        or re.search(rf'value="{kept}"[^>]*checked', html)
    )
    assert not Attempt.objects.exists()


@pytest.mark.parametrize(
    "tamper",
    ["other_question", "other_quiz", "not_a_number", "huge_number", "empty"],
)
def test_tampered_answers_get_a_form_error_and_store_nothing(client, quiz, tamper):
    other_quiz_question = question_with_choices(
        Quiz.objects.create(
            title="Other", slug="other", condition=quiz.condition, intro="x", status=Quiz.Status.PUBLISHED
        )
    )
    data = answers_for(quiz)
    first, second = quiz.questions.all()[:2]
    key = f"question_{first.pk}"
    if tamper == "other_question":
        data[key] = str(second.choices.first().pk)
    elif tamper == "other_quiz":
        data[key] = str(other_quiz_question.choices.first().pk)
    elif tamper == "not_a_number":
        data[key] = "'; DROP TABLE quizzes_attempt; --"
    elif tamper == "huge_number":
        data[key] = "9" * 400
    else:
        data[key] = ""
    response = client.post(take_url(quiz), data, **SAME_ORIGIN)
    assert response.status_code == 400
    assert "Question 1: please choose one of the answers shown." in response.content.decode() or tamper == "empty"
    assert not Attempt.objects.exists() and not Answer.objects.exists()


def test_an_empty_post_asks_for_every_answer(client, quiz):
    response = client.post(take_url(quiz), {}, **SAME_ORIGIN)
    assert response.status_code == 400
    assert response.content.decode().count("please choose an answer") == 6
    assert not Attempt.objects.exists()


def test_a_bad_seed_is_ignored_not_an_error(client, quiz):
    data = answers_for(quiz)
    data["seed"] = "banana"
    assert client.post(take_url(quiz), data, **SAME_ORIGIN).status_code == 302


def test_a_huge_body_is_refused_with_400_and_stores_nothing(client, quiz):
    data = answers_for(quiz)
    data["padding"] = "x" * (300 * 1024)
    response = client.post(take_url(quiz), data, **SAME_ORIGIN)
    assert response.status_code == 400
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("status", [Quiz.Status.DRAFT, Quiz.Status.REVIEW])
def test_an_unpublished_quiz_is_404_for_viewing_and_answering(client, quiz, status):
    data = answers_for(quiz)
    Quiz.objects.filter(pk=quiz.pk).update(status=status)
    assert client.get(take_url(quiz)).status_code == 404
    assert client.post(take_url(quiz), data, **SAME_ORIGIN).status_code == 404
    assert not Attempt.objects.exists()


def test_wrong_methods_are_refused(client, quiz):
    assert client.put(take_url(quiz)).status_code == 405
    assert client.delete(take_url(quiz)).status_code == 405


def test_result_of_another_quiz_or_unknown_id_is_404(client, quiz):
    client.post(take_url(quiz), answers_for(quiz), **SAME_ORIGIN)
    attempt = Attempt.objects.get()
    assert client.get(reverse("quizzes:result", args=["other", attempt.public_id])).status_code == 404
    assert client.get(f"/quiz/{quiz.slug}/result/not-a-uuid/").status_code == 404


def test_try_again_shows_the_questions_afresh_with_choices_shuffled(client, quiz):
    orders = set()
    for _ in range(12):
        html = client.get(take_url(quiz)).content.decode()
        orders.add(tuple(re.findall(r'name="question_\d+" value="(\d+)"', html)))
    assert len(orders) > 1
    assert "checked" not in html


@pytest.mark.parametrize("questions", [3, 15])
def test_quiz_page_and_submission_query_counts_do_not_grow_with_questions(
    client, django_assert_num_queries, quiz, questions, monkeypatch
):
    from django.core.cache import cache

    from pagecache import cache as content_cache

    monkeypatch.setattr(content_cache, "pick_variant", lambda variants: 5)
    for _ in range(questions - 3):
        question_with_choices(quiz)
    with django_assert_num_queries(5):  # content version, quiz, questions, choices, clinic footer
        assert client.get(take_url(quiz)).status_code == 200
    with django_assert_num_queries(1):  # from the page cache: the content version only
        assert client.get(take_url(quiz)).status_code == 200
    data = answers_for(quiz)
    # The quiz is cached now: content version, savepoint, the attempt, all answers in one insert, release.
    with django_assert_num_queries(5):
        assert client.post(take_url(quiz), data, **SAME_ORIGIN).status_code == 302
    cache.clear()
    content_cache._local.clear()
    with django_assert_num_queries(8):  # and from cold: quiz, questions, choices first
        assert client.post(take_url(quiz), data, **SAME_ORIGIN).status_code == 302


def test_answers_need_no_csrf_token_when_the_browser_says_they_came_from_the_quiz_page(quiz):
    from django.test import Client

    for _ in range(3):
        visitor = Client(enforce_csrf_checks=True)
        html = visitor.get(take_url(quiz)).content.decode()
        assert "csrfmiddlewaretoken" not in html
        assert visitor.post(take_url(quiz), answers_for(quiz), **SAME_ORIGIN).status_code == 302
    assert Attempt.objects.count() == 3


def test_publishing_a_change_to_the_quiz_shows_at_once(client, quiz):
    client.get(take_url(quiz))
    question = quiz.questions.first()
    question.prompt = "A reworded question?"
    question.save()
    assert "A reworded question?" in client.get(take_url(quiz)).content.decode()
    quiz.status = Quiz.Status.DRAFT
    quiz.save()
    assert client.get(take_url(quiz)).status_code == 404


def test_result_page_query_count_is_constant(client, django_assert_num_queries, quiz):
    client.post(take_url(quiz), answers_for(quiz), **SAME_ORIGIN)
    url = Attempt.objects.select_related("quiz").get().get_absolute_url()
    with django_assert_num_queries(3):  # attempt, answers with sections, clinic footer
        assert client.get(url).status_code == 200


def test_quiz_index_lists_only_published_quizzes(client, django_assert_num_queries, quiz):
    Quiz.objects.create(title="Hidden quiz", slug="hidden", condition=quiz.condition, intro="x")
    Quiz.objects.create(title="Second quiz", slug="second", condition=quiz.condition, intro="x", status="published")
    with django_assert_num_queries(2):
        html = client.get(reverse("quizzes:index")).content.decode()
    assert quiz.title in html and "Second quiz" in html and "Hidden quiz" not in html


def test_check_your_understanding_goes_straight_to_the_only_published_quiz(client, django_assert_num_queries, quiz):
    Quiz.objects.create(title="Hidden quiz", slug="hidden", condition=quiz.condition, intro="x")
    with django_assert_num_queries(1):
        response = client.get(reverse("quizzes:index"))
    assert response.status_code == 302 and response["Location"] == take_url(quiz)


def test_a_published_quiz_whose_questions_were_all_deleted_is_404_not_500(client, quiz):
    quiz.questions.all().delete()
    assert client.get(take_url(quiz)).status_code == 404
    assert client.post(take_url(quiz), {"seed": "1"}, **SAME_ORIGIN).status_code == 404
    assert not Attempt.objects.exists()


def test_results_open_with_the_sections_to_read_again_once_each_in_page_order(client, quiz):
    from condition.models import Page
    from tests.factories import PageFactory, SectionFactory

    first_page = PageFactory(slug="what-is", order=0, title="What is it")
    Page.objects.filter(translation_of=None, slug="symptoms").update(order=5)
    early = SectionFactory(page=first_page, anchor="early", heading="Early section")
    question_with_choices(quiz, section=early)
    # A second question on Part 2 must not list it twice.
    question_with_choices(quiz, section=quiz.questions.get(section__anchor="part-2").section)
    questions = list(quiz.questions.all())  # part-0, part-1, part-2, early, part-2 again
    wrong = {index for index, question in enumerate(questions) if question.section.anchor in ("part-2", "early")}
    response = client.post(take_url(quiz), answers_for(quiz, wrong=wrong), **SAME_ORIGIN)
    html = client.get(response["Location"]).content.decode()
    block = html[html.index("Read these again") : html.index('<ol class="results">')]
    links = re.findall(r'<a href="([^"]+)">', block)
    assert links == ["/topics/what-is/#early", "/topics/symptoms/#part-2"]


def test_a_perfect_score_has_nothing_to_read_again(client, quiz):
    response = client.post(take_url(quiz), answers_for(quiz), **SAME_ORIGIN)
    assert "Read these again" not in client.get(response["Location"]).content.decode()

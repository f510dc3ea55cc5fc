"""The quiz in Spanish: the translation families read is the one their answers are scored against."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from condition import drafts
from condition.models import Section
from quizzes import views
from quizzes.models import Answer, Attempt, Quiz
from tests.factories import QuizFactory, question_with_choices, translate
from tests.headers import SAME_ORIGIN
from tests.quizzes.conftest import answers_for, in_spanish_words

pytestmark = pytest.mark.django_db

factory = RequestFactory()


def get(view, language, **kwargs):
    """A view answered in `language`, as LocaleMiddleware would activate it (its /es/ prefix aside)."""
    with translation.override(language):
        response = view(factory.get("/"), **kwargs)
    return response


def post(language, slug, data):
    with translation.override(language):
        return views.take(factory.post("/", data, **SAME_ORIGIN), slug=slug)


def html_of(response):
    return response.content.decode()


def test_the_spanish_quiz_page_shows_the_translation_with_its_own_questions_and_choices(quiz, spanish_quiz):
    english = html_of(get(views.take, "en", slug=quiz.slug))
    spanish = html_of(get(views.take, "es", slug=quiz.slug))
    assert quiz.title in english and "Right 0" in english and "Pregunta 0" not in english
    assert "Comprueba lo que has entendido" in spanish
    assert "Estas preguntas nos dicen si lo explicamos bien." in spanish
    assert "Pregunta 0 en español" in spanish and "Pregunta 2 en español" in spanish
    assert "Correcta 0" in spanish and "Incorrecta 1a" in spanish
    assert "Right 0" not in spanish and quiz.questions.first().prompt not in spanish
    assert spanish.count('type="radio"') == 9
    for choice_id in spanish_quiz.questions.values_list("choices__pk", flat=True):
        assert f'value="{choice_id}"' in spanish  # the Spanish quiz's own choices are offered
    assert 'id="quiz-language-notice"' not in spanish
    assert not re.search(r"<h1[^>]*lang=", spanish)


def test_without_a_spanish_quiz_the_english_one_is_shown_with_a_notice_and_marked_english(quiz):
    html = html_of(get(views.take, "es", slug=quiz.slug))
    assert 'data-notice="original"' in html
    assert f'<h1 lang="en">{quiz.title}</h1>' in html
    assert '<div class="quiz-question-list" lang="en">' in html
    assert "Right 0" in html


def test_a_translation_made_before_the_english_quiz_changed_says_so_with_the_date_and_a_link(
    quiz, spanish_quiz, editor, reviewer
):
    draft = drafts.start_draft(quiz, editor)
    draft.intro = "A newer English introduction."
    draft.save()
    drafts.submit(draft, editor)
    drafts.approve(draft, reviewer)
    changed = drafts.Revision.of(quiz).first().created_at

    html = html_of(get(views.take, "es", slug=quiz.slug))
    assert 'data-notice="out-of-date"' in html
    assert f'<time datetime="{changed:%Y-%m-%d}">' in html
    with translation.override("en"):
        english_url = reverse("quizzes:take", args=[quiz.slug])
    assert f'<a href="{english_url}" hreflang="en">' in html
    assert "Pregunta 0 en español" in html  # still the translation, with the notice
    assert 'id="quiz-language-notice"' not in html_of(get(views.take, "en", slug=quiz.slug))


def spanish_answers(spanish_quiz, *, wrong=()):
    return answers_for(spanish_quiz, wrong=wrong)


def test_spanish_answers_are_scored_against_the_spanish_quiz_and_stored_in_spanish(quiz, spanish_quiz):
    response = post("es", quiz.slug, spanish_answers(spanish_quiz, wrong={0}))
    attempt = Attempt.objects.get()
    assert response.status_code == 302
    with translation.override("es"):
        assert response["Location"] == reverse("quizzes:result", args=[quiz.slug, attempt.public_id])
    assert (attempt.quiz, attempt.language, attempt.correct_count, attempt.question_count) == (
        spanish_quiz,
        "es",
        2,
        3,
    )
    first = attempt.answers.get(position=1)
    assert (first.question_text, first.choice_text, first.correct_text) == (
        "Pregunta 0 en español",
        "Incorrecta 0a",
        "Correcta 0",
    )
    assert first.question.quiz == spanish_quiz


def test_english_choices_posted_to_the_spanish_quiz_are_a_form_error_and_store_nothing(quiz, spanish_quiz):
    response = post("es", quiz.slug, answers_for(quiz))
    assert response.status_code == 400
    assert "Pregunta 0 en español" in html_of(response)  # the form comes back as the family saw it
    assert not Attempt.objects.exists() and not Answer.objects.exists()


def test_english_answers_are_still_recorded_in_english_beside_spanish_ones(quiz, spanish_quiz):
    post("en", quiz.slug, answers_for(quiz))
    post("es", quiz.slug, spanish_answers(spanish_quiz))
    assert sorted(Attempt.objects.values_list("quiz__language", "language")) == [("en", "en"), ("es", "es")]


def spanish_page(page, reviewer):
    def in_spanish(draft):
        draft.title = "Síntomas"
        draft.save()
        for section in draft.sections.all():
            section.heading = section.heading.replace("Part", "Parte")
            section.save()

    return translate(page, reviewer, change=in_spanish)


def test_result_links_lead_to_the_section_in_the_same_language_named_in_spanish(quiz, spanish_quiz, reviewer):
    page = quiz.questions.first().section.page
    spanish_page(page, reviewer)
    post("es", quiz.slug, spanish_answers(spanish_quiz, wrong={1}))
    attempt = Attempt.objects.get()
    html = html_of(get(views.result, "es", slug=quiz.slug, public_id=attempt.public_id))
    section = Section.objects.get(page=page, anchor="part-1")
    with translation.override("es"):
        link = reverse("condition:page", args=[page.slug]) + "#part-1"
        again = reverse("quizzes:take", args=[quiz.slug])
    assert f'<a href="{link}">Lea más: Parte 1</a>' in html
    assert f'<a href="{link}">Parte 1</a> <span class="read-again-page">(Síntomas)</span>' in html
    assert section.heading not in html  # "Part 1": the English heading is not shown
    assert "Explicación 1: eso dice la página." in html and "Incorrecta 1a" in html
    assert f'href="{again}"' in html
    assert ' lang="' not in html.split("<main", 1)[-1]  # every word on it is Spanish


def test_result_names_a_section_with_no_spanish_page_in_english_and_marks_it(quiz, spanish_quiz):
    post("es", quiz.slug, spanish_answers(spanish_quiz, wrong={1}))
    attempt = Attempt.objects.get()
    html = html_of(get(views.result, "es", slug=quiz.slug, public_id=attempt.public_id))
    assert 'Lea más: <span lang="en">Part 1</span>' in html
    assert '<span class="read-again-page" lang="en">' in html


def test_an_english_attempt_read_on_a_spanish_page_marks_its_stored_words_english(quiz):
    post("en", quiz.slug, answers_for(quiz, wrong={0}))
    attempt = Attempt.objects.get()
    html = html_of(get(views.result, "es", slug=quiz.slug, public_id=attempt.public_id))
    assert f'<h2 lang="en">{quiz.questions.first().prompt}</h2>' in html
    assert '<span lang="en">Wrong 0a</span>' in html


@pytest.mark.parametrize("extra_questions", [0, 4])
def test_quiz_page_and_result_take_the_same_queries_in_english_and_spanish_whatever_the_questions(
    quiz, reviewer, settings, django_assert_num_queries, extra_questions
):
    for _ in range(extra_questions):
        question_with_choices(quiz, section=quiz.questions.first().section)
    settings.OMS_ALLOW_SELF_APPROVAL = True
    spanish = translate(quiz, reviewer, change=in_spanish_words)
    spanish_page(quiz.questions.first().section.page, reviewer)
    # content version, quiz, questions, choices, clinic footer
    with django_assert_num_queries(5):
        assert get(views.take, "en", slug=quiz.slug).status_code == 200
    # content version, the English quiz, its live translation (with its freshness), questions, choices, footer
    with django_assert_num_queries(6):
        assert get(views.take, "es", slug=quiz.slug).status_code == 200
    for language in ("en", "es"):  # each language's quiz is cached now: content version, clinic footer
        with django_assert_num_queries(2):
            assert get(views.take, language, slug=quiz.slug).status_code == 200
    post("en", quiz.slug, answers_for(quiz, wrong={0}))
    post("es", quiz.slug, answers_for(spanish, wrong={0}))
    english, in_spanish = Attempt.objects.order_by("pk")
    with django_assert_num_queries(3):  # attempt, answers with sections, clinic footer
        assert get(views.result, "en", slug=quiz.slug, public_id=english.public_id).status_code == 200
    with django_assert_num_queries(4):  # and the sections of the pages' Spanish translations
        assert get(views.result, "es", slug=quiz.slug, public_id=in_spanish.public_id).status_code == 200


def test_the_quiz_list_shows_each_quiz_in_spanish_where_translated_at_its_own_address(
    quiz, spanish_quiz, django_assert_num_queries
):
    other = QuizFactory(title="Second quiz", slug="second")
    question_with_choices(other)
    with django_assert_num_queries(3):  # quizzes, their Spanish translations, clinic footer
        html = html_of(get(views.index, "es"))
    with translation.override("es"):
        address, second = reverse("quizzes:take", args=[quiz.slug]), reverse("quizzes:take", args=["second"])
    assert f'<h2><a href="{address}">Comprueba lo que has entendido</a></h2>' in html
    assert f'<h2 lang="en"><a href="{second}">Second quiz</a></h2>' in html  # not translated: marked English
    assert Quiz.objects.live("es").get() == spanish_quiz

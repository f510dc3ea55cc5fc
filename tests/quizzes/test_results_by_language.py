"""Staff results split by language, each question paired with its translation."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from quizzes.language_results import MIN_ANSWERS, Cell, misses_more, results_by_language
from quizzes.models import Answer, Attempt, DailyResults, attempt_submit

pytestmark = pytest.mark.django_db


def answer(quiz, times, *, right):
    """`times` attempts of `quiz`, each answering its questions right where `right[n]` (by position) says so."""
    questions = list(quiz.questions.prefetch_related("choices"))
    for _ in range(times):
        picks = []
        for question, is_right in zip(questions, right, strict=False):
            choices = list(question.choices.all())
            picks.append((question, next(c for c in choices if c.is_correct == is_right)))
        attempt_submit(quiz=quiz, answers=picks)


@pytest.fixture
def answered(quiz, spanish_quiz):
    """Question 1: English readers right, Spanish readers mostly wrong. Question 2: alike. Question 3: few answers."""
    answer(quiz, 40, right=[True, True, True])
    answer(spanish_quiz, 30, right=[False, True])
    answer(spanish_quiz, 10, right=[True, True, False])
    return quiz, spanish_quiz


def test_each_language_is_summed_from_its_own_quiz_and_questions_pair_by_position(answered):
    quiz, spanish_quiz = answered
    by_language = results_by_language(quiz)
    english, spanish = by_language.languages
    assert (english.code, english.quiz, english.results["attempts"]) == ("en", quiz, 40)
    assert (spanish.code, spanish.quiz, spanish.results["attempts"]) == ("es", spanish_quiz, 40)
    assert spanish.results["average"] == round((30 * 50 + 10 * 67) / 40, 1)  # 2 of 2, and 2 of 3 right
    first, second, third = by_language.questions
    assert [cell.question for cell in first.cells] == [quiz.questions.all()[0], spanish_quiz.questions.all()[0]]
    assert [(cell.answered, cell.percent_correct) for cell in first.cells] == [(40, 100), (40, 25)]
    assert first.cells[1].top_wrong == "Incorrecta 0a" and first.cells[1].top_wrong_count == 30
    assert [(cell.answered, cell.percent_correct) for cell in second.cells] == [(40, 100), (40, 100)]
    assert [(cell.answered, cell.percent_correct) for cell in third.cells] == [(40, 100), (10, 0)]
    assert [row.position for row in by_language.flagged] == [1]  # third: below the minimum of answers
    assert not by_language.counts_differ


def cell(answered, correct):
    return Cell("xx", None, answered, correct)


@pytest.mark.parametrize(
    "english,spanish,flagged",
    [
        ((100, 90), (100, 60), True),  # 90% against 60%
        ((100, 90), (100, 80), False),  # a 10-point gap: within what wording alone moves
        ((MIN_ANSWERS - 1, MIN_ANSWERS - 1), (100, 0), False),  # too few English answers to compare
        ((100, 90), (MIN_ANSWERS - 1, 0), False),  # too few Spanish answers
        ((30, 18), (30, 13), False),  # 60% against 43%: 17 points, but with 30 a side it may be chance
        ((100, 60), (100, 90), False),  # Spanish readers doing better is not a translation problem
        ((100, 100), (100, 100), False),
    ],
)
def test_a_question_is_flagged_only_on_enough_answers_and_a_clear_gap(english, spanish, flagged):
    assert misses_more(cell(*english), cell(*spanish)) is flagged


def test_the_results_page_shows_languages_side_by_side_and_flags_the_question(editor_client, answered):
    quiz, spanish_quiz = answered
    response = editor_client.get(reverse("admin:quizzes_quiz_results", args=[quiz.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<td id="attempt-count">40</td>' in html and '<td id="attempt-count-es">40</td>' in html
    assert '<td id="pass-rate-es">' in html
    table = html[html.index('id="results-by-language"') :]
    assert table.count('class="may-point-at-translation"') == 1
    assert "1 question missed clearly more in translation: may point at the translation" in table
    assert '<p lang="es">Pregunta 0 en español</p>' in table
    assert "<strong>25%</strong> right of 40" in table and "most chosen wrong: Incorrecta 0a (30)" in table
    # The Spanish quiz's own results link leads to the same page, every language on it.
    spanish_page = editor_client.get(reverse("admin:quizzes_quiz_results", args=[spanish_quiz.pk]))
    assert spanish_page.status_code == 200 and '<td id="attempt-count-es">40</td>' in spanish_page.content.decode()


def test_a_quiz_without_translations_keeps_its_one_column_page(editor_client, quiz):
    answer(quiz, 2, right=[True, False, True])
    html = editor_client.get(reverse("admin:quizzes_quiz_results", args=[quiz.pk])).content.decode()
    assert '<td id="attempt-count">2</td>' in html
    assert 'id="results-by-language"' not in html and "attempt-count-" not in html


def test_a_translation_with_a_different_number_of_questions_is_pointed_out(editor_client, answered, reviewer):
    from condition import drafts
    from tests.factories import question_with_choices

    quiz, _ = answered
    draft = drafts.start_draft(quiz, reviewer)
    question_with_choices(draft, right="New right", wrong=("New wrong",))
    drafts.submit(draft, reviewer)
    drafts.approve(draft, reviewer)
    by_language = results_by_language(quiz)
    assert by_language.counts_differ and [lang.out_of_date for lang in by_language.languages] == [False, True]
    fourth = by_language.questions[3]
    assert fourth.cells[0].question.prompt.startswith("Question") and fourth.cells[1].question is None
    html = editor_client.get(reverse("admin:quizzes_quiz_results", args=[quiz.pk])).content.decode()
    assert "different numbers of questions" in html and "it needs updating" in html


def test_daily_sums_keep_languages_apart(answered):
    quiz, spanish_quiz = answered
    before = results_by_language(quiz, start=None)
    old = timezone.now() - datetime.timedelta(days=3)
    Attempt.objects.update(created_at=old)
    Answer.objects.update(created_at=old)
    call_command("rollup_quiz_results", stdout=io.StringIO())
    assert set(DailyResults.objects.values_list("quiz", flat=True)) == {quiz.pk, spanish_quiz.pk}
    after = results_by_language(quiz)
    assert [lang.results["attempts"] for lang in after.languages] == [40, 40]
    assert [[c.percent_correct for c in row.cells] for row in after.questions] == [
        [c.percent_correct for c in row.cells] for row in before.questions
    ]
    assert [row.position for row in after.flagged] == [1]


def test_the_attempts_list_filters_by_language_without_reading_every_attempt(editor_client, answered):
    url = reverse("admin:quizzes_attempt_changelist")
    spanish = editor_client.get(url + "?language=es").content.decode()
    english = editor_client.get(url + "?language=en").content.decode()
    assert spanish.count('<td class="field-language">es</td>') == 40 and 'field-language">en<' not in spanish
    assert english.count('<td class="field-language">en</td>') == 40 and 'field-language">es<' not in english
    assert 'href="?language=es"' in editor_client.get(url).content.decode()

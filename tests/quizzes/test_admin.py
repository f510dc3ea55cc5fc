import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, Choice, Question, Quiz, attempt_submit
from quizzes.results import quiz_results
from tests.admin_forms import inline_rows
from tests.factories import QuestionFactory, QuizFactory, question_with_choices

pytestmark = pytest.mark.django_db


def question_form(question, choices):
    data = {
        "quiz": question.quiz_id,
        "order": 1,
        "prompt": question.prompt,
        "explanation": question.explanation,
        "section": "",
    }
    rows = [
        {"text": text, "order": index, **({"is_correct": "on"} if correct else {})}
        for index, (text, correct) in enumerate(choices)
    ]
    data.update(inline_rows("choices", rows, initial=0))
    return data


@pytest.mark.parametrize(
    "choices,message",
    [
        ([("Only one", True)], "at least two choices"),
        ([("A", False), ("B", False)], "exactly one correct"),
        ([("A", True), ("B", True)], "exactly one correct"),
    ],
    ids=["one choice", "no right answer", "two right answers"],
)
def test_admin_refuses_a_question_without_exactly_one_right_answer(reviewer_client, choices, message):
    question = QuestionFactory(prompt="Unsaved?", quiz__status=Quiz.Status.DRAFT)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    response = reviewer_client.post(url, question_form(question, choices))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Choice.objects.filter(question=question).exists()


def test_admin_saves_a_question_with_one_right_answer(reviewer_client):
    question = QuestionFactory(quiz__status=Quiz.Status.DRAFT)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    response = reviewer_client.post(url, question_form(question, [("Right", True), ("Wrong", False)]))
    assert response.status_code == 302
    assert list(question.choices.values_list("text", "is_correct")) == [("Right", True), ("Wrong", False)]


def quiz_form(quiz, **changes):
    data = {
        "title": quiz.title,
        "slug": quiz.slug,
        "condition": quiz.condition_id,
        "intro": quiz.intro,
        "pass_mark": quiz.pass_mark,
    }
    rows = [{"id": q.pk, "quiz": quiz.pk, "order": q.order} for q in quiz.questions.all()]
    data.update(inline_rows("questions", rows))
    data.update(changes)
    return data


def results_fixture():
    quiz = QuizFactory(pass_mark=50)
    easy = question_with_choices(quiz, right="Easy right", wrong=("Easy wrong",))
    hard = question_with_choices(quiz, right="Hard right", wrong=("Popular wrong", "Rare wrong"))

    def pick(question, text):
        return question, question.choices.get(text=text)

    attempt_submit(quiz=quiz, answers=[pick(easy, "Easy right"), pick(hard, "Popular wrong")])
    attempt_submit(quiz=quiz, answers=[pick(easy, "Easy right"), pick(hard, "Popular wrong")])
    attempt_submit(quiz=quiz, answers=[pick(easy, "Easy right"), pick(hard, "Rare wrong")])
    attempt_submit(quiz=quiz, answers=[pick(easy, "Easy wrong"), pick(hard, "Hard right")])
    return quiz, easy, hard


def test_results_show_attempts_average_pass_rate_and_most_missed_questions_first():
    quiz, easy, hard = results_fixture()
    results = quiz_results(quiz)
    assert results["attempts"] == 4
    assert results["average"] == 50.0
    assert results["pass_rate"] == 100.0  # every attempt scored 50%, the pass mark
    first, second = results["questions"]
    assert (first.question, first.percent_correct, first.top_wrong, first.top_wrong_count) == (
        hard,
        25,
        "Popular wrong",
        2,
    )
    assert (second.question, second.percent_correct, second.top_wrong) == (easy, 75, "Easy wrong")


def test_results_filter_by_date_range():
    quiz, _, _ = results_fixture()
    old = timezone.now() - datetime.timedelta(days=40)
    first = Attempt.objects.order_by("pk").first()
    Attempt.objects.filter(pk=first.pk).update(created_at=old)
    first.answers.update(created_at=old)
    today = timezone.localdate()
    recent = quiz_results(quiz, start=today - datetime.timedelta(days=7), end=today)
    assert recent["attempts"] == 3
    assert sum(row.answered for row in recent["questions"]) == 6
    assert quiz_results(quiz, end=today - datetime.timedelta(days=30))["attempts"] == 1


def test_results_page_in_the_admin(editor_client):
    quiz, easy, hard = results_fixture()
    url = reverse("admin:quizzes_quiz_results", args=[quiz.pk])
    response = editor_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<td id="attempt-count">4</td>' in html and '<td id="pass-rate">100.0%</td>' in html
    assert html.index(hard.prompt) < html.index(easy.prompt)  # most missed first
    assert "Popular wrong (2)" in html
    bad = editor_client.get(url + "?start=2026-05-01&end=2026-01-01")
    assert bad.status_code == 400 and "start date must be on or before" in bad.content.decode()
    assert editor_client.get(url + "?start=not-a-date").status_code == 400


def test_results_keep_questions_staff_have_since_deleted():
    quiz, easy, _ = results_fixture()
    easy.delete()
    labels = [row.label for row in quiz_results(quiz)["questions"]]
    assert "Questions deleted since they were answered" in labels
    assert Question.objects.filter(quiz=quiz).count() == 1


def test_editors_cannot_change_questions_of_a_published_quiz(editor_client):
    quiz = QuizFactory(status=Quiz.Status.PUBLISHED)
    question = question_with_choices(quiz)
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    response = editor_client.post(url, question_form(question, [("Changed", True), ("Other", False)]))
    assert response.status_code == 403
    assert question.choices.filter(text="Changed").count() == 0
    add_form = editor_client.get(reverse("admin:quizzes_question_add")).content.decode()
    assert f'<option value="{quiz.pk}"' not in add_form


def test_dashboard_shows_the_questions_families_miss_most_and_the_section_to_rewrite(editor_client):
    from tests.factories import PageFactory, SectionFactory

    quiz = QuizFactory(pass_mark=50)
    section = SectionFactory(page=PageFactory(title="Treatment"), heading="Medicines")
    hard = question_with_choices(quiz, right="Right", wrong=("Wrong",), section=section)
    easy = question_with_choices(quiz, right="Also right", wrong=("Also wrong",))
    for _ in range(2):
        attempt_submit(
            quiz=quiz, answers=[(hard, hard.choices.get(text="Wrong")), (easy, easy.choices.get(text="Also right"))]
        )
    html = editor_client.get(reverse("admin:index")).content.decode()
    panel = html[html.index('id="missed-questions"') : html.index("</table>", html.index('id="missed-questions"'))]
    assert hard.prompt in panel and "0% right of 2" in panel and "Treatment: Medicines" in panel
    assert easy.prompt not in panel  # always answered right


def test_a_quiz_with_a_broken_question_cannot_be_approved(editor, reviewer, settings):
    from condition import drafts

    quiz = QuizFactory(status=Quiz.Status.DRAFT)
    question_with_choices(quiz)
    QuestionFactory(quiz=quiz, prompt="Has no choices yet?")
    drafts.submit(quiz, editor)
    with pytest.raises(drafts.WorkflowError, match="Has no choices yet"):
        drafts.approve(quiz, reviewer)
    quiz.refresh_from_db()
    assert quiz.status == Quiz.Status.REVIEW

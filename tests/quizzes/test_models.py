import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from quizzes.models import Answer, Attempt, Question, attempt_submit
from tests.factories import ChoiceFactory, QuestionFactory, QuizFactory, question_with_choices

pytestmark = pytest.mark.django_db


def test_a_question_cannot_have_two_correct_choices_in_the_database():
    question = QuestionFactory()
    ChoiceFactory(question=question, is_correct=True)
    with pytest.raises(IntegrityError):
        ChoiceFactory(question=question, is_correct=True)


@pytest.mark.parametrize(
    "correct_flags,problem",
    [([True], "at least two"), ([False, False], "exactly one"), ([True, False], "")],
)
def test_choice_problem_explains_what_is_missing(correct_flags, problem):
    choices = [ChoiceFactory.build(is_correct=flag) for flag in correct_flags]
    assert problem in Question.choice_problem(choices)
    assert bool(Question.choice_problem(choices)) == bool(problem)


def test_quiz_lists_why_it_cannot_be_published():
    quiz = QuizFactory()
    assert quiz.approval_problems() == ["The quiz has no questions."]
    question_with_choices(quiz)
    assert quiz.approval_problems() == []
    QuestionFactory(quiz=quiz, prompt="Lonely question?")
    assert "Lonely question?" in quiz.approval_problems()[0]


def test_attempt_submit_scores_and_snapshots_every_answer():
    quiz = QuizFactory(pass_mark=50)
    questions = [question_with_choices(quiz, right=f"R{i}", wrong=(f"W{i}",)) for i in range(4)]
    picks = [(q, q.choices.get(is_correct=i < 3)) for i, q in enumerate(questions)]
    attempt = attempt_submit(quiz=quiz, answers=picks)
    assert (attempt.correct_count, attempt.question_count, attempt.score_percent, attempt.passed) == (3, 4, 75, True)
    last = attempt.answers.get(position=4)
    assert (last.question_text, last.choice_text, last.correct_text, last.is_correct) == (
        questions[3].prompt,
        "W3",
        "R3",
        False,
    )


def test_past_results_survive_staff_editing_and_deleting_questions():
    quiz = QuizFactory()
    question = question_with_choices(quiz, right="Original right")
    attempt = attempt_submit(quiz=quiz, answers=[(question, question.choices.get(is_correct=True))])
    question.prompt = "Reworded"
    question.save()
    question.choices.update(text="Changed")
    question.delete()
    answer = Answer.objects.get(attempt=attempt)
    assert answer.question is None
    assert answer.choice_text == answer.correct_text == "Original right"
    assert Attempt.objects.get().score_percent == 100


def test_an_answer_from_another_question_is_refused_and_nothing_is_stored():
    quiz = QuizFactory()
    first, second = question_with_choices(quiz), question_with_choices(quiz)
    with pytest.raises(ValidationError):
        attempt_submit(quiz=quiz, answers=[(first, second.choices.first())])
    assert not Attempt.objects.exists() and not Answer.objects.exists()


@pytest.mark.parametrize("count", [2, 30])
def test_storing_an_attempt_takes_the_same_queries_whatever_the_number_of_questions(django_assert_num_queries, count):
    quiz = QuizFactory()
    for _ in range(count):
        question_with_choices(quiz)
    questions = list(quiz.questions.prefetch_related("choices"))
    picks = [(q, q.choices.all()[0]) for q in questions]
    # savepoint, the attempt, all its answers in one insert, release savepoint
    with django_assert_num_queries(4):
        attempt_submit(quiz=quiz, answers=picks)
    assert Answer.objects.count() == count

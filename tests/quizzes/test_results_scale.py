"""Quiz results and the attempts list stay quick at a million attempts."""

import datetime
import io
import random

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Answer, Attempt, DailyResults
from quizzes.results import quiz_results, roll_up
from tests.factories import QuizFactory, question_with_choices

pytestmark = pytest.mark.django_db


def spread_attempts(count=60, days=20):
    """`count` attempts spread over the last `days` days, today included."""
    quiz = QuizFactory(pass_mark=50)
    questions = [
        question_with_choices(quiz, right=f"Right {n}", wrong=(f"Wrong {n}a", f"Wrong {n}b")) for n in range(3)
    ]
    rng = random.Random(3)
    now = timezone.now()
    for index in range(count):
        created = now - datetime.timedelta(hours=rng.randrange(days * 24)) if index else now
        chosen = [rng.choice(list(question.choices.all())) for question in questions]
        correct = sum(choice.is_correct for choice in chosen)
        score = round(100 * correct / 3)
        attempt = Attempt(quiz=quiz, correct_count=correct, question_count=3, score_percent=score, passed=score >= 50)
        attempt.save()
        Attempt.objects.filter(pk=attempt.pk).update(created_at=created)
        attempt.created_at = created
        right = {question.pk: next(c for c in question.choices.all() if c.is_correct) for question in questions}
        Answer.objects.bulk_create(
            Answer.snapshot(attempt=attempt, position=n, question=question, choice=choice, correct=right[question.pk])
            for n, (question, choice) in enumerate(zip(questions, chosen, strict=True), start=1)
        )
    return quiz


def figures(results):
    return (
        results["attempts"],
        results["average"],
        results["pass_rate"],
        [(row.question, row.answered, row.correct, row.top_wrong, row.top_wrong_count) for row in results["questions"]],
    )


def ranges():
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    return [
        {},
        {"start": today - 90 * day},
        {"start": today - 5 * day, "end": today},
        {"start": today - 12 * day, "end": today - 3 * day},
        {"end": today - 8 * day},
        {"start": today, "end": today},
    ]


def test_results_read_from_daily_sums_equal_results_read_from_every_attempt():
    quiz = spread_attempts()
    before = [figures(quiz_results(quiz, sum_days=False, **kwargs)) for kwargs in ranges()]
    assert before[0][0] == 60 and not DailyResults.objects.exists()
    days = roll_up(quiz)
    assert days >= 19 and DailyResults.objects.filter(quiz=quiz).count() == days
    after = [figures(quiz_results(quiz, sum_days=False, **kwargs)) for kwargs in ranges()]
    assert after == before
    assert roll_up(quiz) == 0  # nothing new to sum until a day is over


def test_results_sum_the_days_not_summed_yet_even_without_the_timer(admin_client):
    quiz = spread_attempts(count=10, days=5)
    assert admin_client.get(reverse("admin:quizzes_quiz_results", args=[quiz.pk])).status_code == 200
    assert DailyResults.objects.filter(quiz=quiz).count() >= 4
    assert roll_up(quiz) == 0


def test_the_daily_timer_command_sums_every_quiz():
    quiz = spread_attempts(count=10, days=5)
    out = io.StringIO()
    call_command("rollup_quiz_results", stdout=out)
    assert f"{quiz.slug}: summed" in out.getvalue()
    out = io.StringIO()
    call_command("rollup_quiz_results", stdout=out)
    assert "Summed 0 quiz-day(s)." in out.getvalue()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_the_last_90_days_of_answers_are_one_range_scan_of_an_index():
    quiz = spread_attempts(count=5, days=3)
    with CaptureQueriesContext(connection) as queries:
        quiz_results(quiz, start=timezone.localdate() - datetime.timedelta(days=90), sum_days=False)
    answers = next(q["sql"] for q in queries.captured_queries if 'FROM "quizzes_answer"' in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + answers)
        steps = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert "COVERING INDEX answer_recent (quiz_id=? AND created_at>?)" in steps


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_the_attempts_list_reads_newest_first_from_an_index_with_no_date_bar(admin_client):
    spread_attempts(count=5, days=3)
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(reverse("admin:quizzes_attempt_changelist"))
    assert response.status_code == 200
    assert 'class="toplinks"' not in response.content.decode()  # no date_hierarchy bar
    listing = [q["sql"] for q in queries.captured_queries if "ORDER BY" in q["sql"] and "quizzes_attempt" in q["sql"]]
    assert listing
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + listing[-1])
        steps = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert "attempt_newest" in steps and "TEMP B-TREE" not in steps
    counts = [q for q in queries.captured_queries if "COUNT(*)" in q["sql"] and "quizzes_attempt" in q["sql"]]
    assert len(counts) == 1  # no second count of every attempt

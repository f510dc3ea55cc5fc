"""Staff pages with a million stored quiz attempts.

Run: `.venv/bin/python bench/quiz_results.py [--attempts N]` (bench/scale.py
runs it, so `make bench` does). It builds a throwaway SQLite database with the
default content and a Spanish translation of its quiz (approved through the
workflow), and stores N attempts (default 1,000,000, spread over a year, one
answer per question each: 12 million answers; --spanish of them, default 20%,
answer the Spanish quiz, whose first question they miss more) with bulk
inserts. It times quiz_results() from the attempts themselves, then runs the
daily `rollup_quiz_results` and times the admin home, the attempts list and
the results page (every language side by side), all time and for date ranges.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scale import staff_client  # noqa: E402
from bench.scratch import remove, scratch_portal  # noqa: E402


def spanish_quiz(quiz, user):
    """The quiz translated into Spanish as a translator would (start_translation, words, review)."""
    from django.conf import settings

    from condition import drafts
    from condition.translations import start_translation

    draft = start_translation(quiz, "es", user)
    draft.title = "Comprueba lo que has entendido"
    draft.save()
    for number, question in enumerate(draft.questions.all(), start=1):
        question.prompt = f"Pregunta {number}: {question.prompt}"[:300]
        question.save()
        for choice in question.choices.all():
            choice.text = f"ES {choice.text}"[:200]
            choice.save()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # no mail server here
    drafts.submit(draft, user)
    settings.OMS_ALLOW_SELF_APPROVAL = True  # one bench user translates and approves
    return drafts.approve(draft, user)


def store_attempts(quiz, count, *, miss_first=0.0):
    """`count` attempts and their answers, inserted in bulk (plain SQL: the ORM would take an hour).

    `miss_first`: the share of attempts that answer the first question wrong whatever they would have picked.
    """
    from django.db import connection, transaction
    from django.utils import timezone

    from quizzes.models import Answer, Attempt

    questions = list(quiz.questions.prefetch_related("choices"))
    rights = {q.pk: next(c for c in q.choices.all() if c.is_correct) for q in questions}
    rng = random.Random(1)
    now = timezone.now()
    attempt_table, answer_table = Attempt._meta.db_table, Answer._meta.db_table
    next_id = (Attempt.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    batch = 20_000
    for offset in range(0, count, batch):
        attempts, answers = [], []
        for attempt_id in range(next_id + offset, next_id + min(offset + batch, count)):
            created = now - timedelta(seconds=rng.randrange(365 * 24 * 3600))
            chosen = [rng.choice(list(q.choices.all())) for q in questions]
            if rng.random() < miss_first:
                chosen[0] = next(c for c in questions[0].choices.all() if not c.is_correct)
            correct = sum(c.is_correct for c in chosen)
            score = round(100 * correct / len(questions))
            attempts.append(
                (
                    attempt_id,
                    os.urandom(16).hex(),
                    quiz.pk,
                    quiz.language,
                    created,
                    correct,
                    len(questions),
                    score,
                    score >= 70,
                )
            )
            for position, (question, choice) in enumerate(zip(questions, chosen, strict=True), start=1):
                answers.append(
                    (
                        attempt_id,
                        quiz.pk,
                        created,
                        position,
                        question.pk,
                        question.prompt,
                        question.explanation,
                        choice.pk,
                        choice.text,
                        rights[question.pk].text,
                        choice.is_correct,
                        question.section_id,
                    )
                )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {attempt_table} (id, public_id, quiz_id, language, created_at, correct_count, "
                "question_count, score_percent, passed) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                attempts,
            )
            cursor.executemany(
                f"INSERT INTO {answer_table} (attempt_id, quiz_id, created_at, position, question_id, question_text, "
                "explanation, choice_id, choice_text, correct_text, is_correct, section_id) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                answers,
            )


def timed(action, rounds=5):
    times = []
    result = None
    for _ in range(rounds):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--attempts", type=int, default=1_000_000)
    parser.add_argument("--spanish", type=float, default=0.2, help="share of attempts in Spanish")
    args = parser.parse_args()
    scratch = scratch_portal("omsportal-results-")
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from quizzes.language_results import results_by_language
    from quizzes.models import Answer, Attempt, Quiz
    from quizzes.results import quiz_results

    quiz = Quiz.objects.live().get(slug="oms-basics")
    admin = staff_client()
    spanish = Quiz.objects.live("es").filter(translation_of=quiz).first() or spanish_quiz(
        quiz, User.objects.get(username="bench")
    )
    in_spanish = round(args.attempts * args.spanish)
    start = time.perf_counter()
    store_attempts(quiz, args.attempts - in_spanish)
    store_attempts(spanish, in_spanish, miss_first=0.6)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"\nStored {Attempt.objects.count():,} attempts ({in_spanish:,} in Spanish) and "
        f"{Answer.objects.count():,} answers in {time.perf_counter() - start:.0f} s (scratch SQLite)"
    )
    today = timezone.localdate()
    ranges = {
        "all time": {},
        "last 90 days": {"start": today - timedelta(days=90)},
        "last 30 days": {"start": today - timedelta(days=30), "end": today},
    }
    print("\nquiz_results() before any daily sums (every attempt read):")
    for label, kwargs in ranges.items():
        ms, results = timed(lambda kwargs=kwargs: quiz_results(quiz, sum_days=False, **kwargs), rounds=3)
        print(f"  {label:<14}{ms:>8.0f} ms  ({results['attempts']:,} attempts)")

    start = time.perf_counter()
    call_command("rollup_quiz_results", stdout=open(os.devnull, "w"))
    print(
        f"\nrollup_quiz_results (the daily timer; first run sums the whole year): {time.perf_counter() - start:.1f} s"
    )
    start = time.perf_counter()
    call_command("rollup_quiz_results", stdout=open(os.devnull, "w"))
    print(f"rollup_quiz_results again (nothing new): {(time.perf_counter() - start) * 1000:.0f} ms")

    print("\nquiz_results() with the daily sums:")
    for label, kwargs in ranges.items():
        ms, results = timed(lambda kwargs=kwargs: quiz_results(quiz, **kwargs))
        print(f"  {label:<14}{ms:>8.0f} ms  ({results['attempts']:,} attempts)")
    print("\nresults_by_language() (English and Spanish side by side), with the daily sums:")
    for label, kwargs in ranges.items():
        ms, by_language = timed(lambda kwargs=kwargs: results_by_language(quiz, **kwargs))
        flagged = [row.position for row in by_language.flagged]
        print(f"  {label:<14}{ms:>8.0f} ms  (questions flagged for the translation: {flagged})")

    since = (today - timedelta(days=7)).isoformat()
    pages = {
        "admin home (90-day lists)": "/admin/",
        "quiz attempts list": "/admin/quizzes/attempt/",
        "quiz attempts, past 7 days": f"/admin/quizzes/attempt/?created_at__gte={since}",
        "quiz attempts, passed only": "/admin/quizzes/attempt/?passed__exact=1",
        "quiz attempts, page 500": "/admin/quizzes/attempt/?p=500",
        "quiz results, all time": f"/admin/quizzes/quiz/{quiz.pk}/results/",
        "quiz results, 30 days": f"/admin/quizzes/quiz/{quiz.pk}/results/?start={today - timedelta(days=30)}",
        "quiz results, from the Spanish quiz": f"/admin/quizzes/quiz/{spanish.pk}/results/",
        "quiz attempts, Spanish only": "/admin/quizzes/attempt/?language=es",
        "page feedback list": "/admin/condition/pagefeedback/",
    }
    print(f"\nAdmin pages at {args.attempts:,} attempts (median of 5, ms):")
    worst = 0
    for label, url in pages.items():
        ms, response = timed(lambda url=url: admin.get(url))
        worst = max(worst, ms)
        status = "" if response.status_code == 200 else f" [{response.status_code}]"
        print(f"  {label:<38}{ms:>8.0f}{status}")
    print(f"[{'met' if worst < 300 else 'MISSED'}] every admin page under 300 ms: slowest {worst:.0f} ms")
    connection.close()
    remove(scratch)  # a million attempts take about 6 GB


if __name__ == "__main__":
    main()

"""How long the staff results page's numbers take with 100,000 stored attempts (issue 3).

Run: `.venv/bin/python bench/quiz_results.py` (part of `make bench`). It builds
a throwaway SQLite database with the default content, stores 100,000 attempts
(one answer per question each), and times quiz_results() for all time and for
a 30-day range, several times each.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ATTEMPTS = 100_000


def main():
    scratch = Path(tempfile.mkdtemp(prefix="omsportal-results-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="omsportal.settings",
        DJANGO_DEBUG="true",
        DATABASE_URL=f"sqlite:///{scratch / 'db.sqlite3'}",
        DJANGO_CACHE_DIR=str(scratch / "cache"),
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from quizzes.models import Answer, Attempt, Quiz
    from quizzes.results import quiz_results

    call_command("migrate", verbosity=0)
    # Spread attempts over a year, as in real use: let created_at be set here.
    Attempt._meta.get_field("created_at").auto_now_add = False
    call_command("load_oms_content", stdout=open(os.devnull, "w"))
    quiz = Quiz.objects.get(slug="oms-basics")
    questions = list(quiz.questions.prefetch_related("choices"))
    rng = random.Random(1)
    now = timezone.now()
    start = time.perf_counter()
    batch = 5_000
    for _ in range(ATTEMPTS // batch):
        with transaction.atomic():
            attempts = []
            picks = []
            for _ in range(batch):
                created = now - timedelta(minutes=rng.randrange(365 * 24 * 60))
                chosen = [rng.choice(list(q.choices.all())) for q in questions]
                correct = sum(c.is_correct for c in chosen)
                score = round(100 * correct / len(questions))
                attempts.append(
                    Attempt(
                        quiz=quiz,
                        created_at=created,
                        correct_count=correct,
                        question_count=len(questions),
                        score_percent=score,
                        passed=score >= quiz.pass_mark,
                    )
                )
                picks.append(chosen)
            Attempt.objects.bulk_create(attempts, batch_size=1000)
            answers = []
            for attempt, chosen in zip(attempts, picks, strict=True):
                for position, (question, choice) in enumerate(zip(questions, chosen, strict=True), start=1):
                    right = next(c for c in question.choices.all() if c.is_correct)
                    answers.append(
                        Answer.snapshot(
                            attempt=attempt, position=position, question=question, choice=choice, correct=right
                        )
                    )
            Answer.objects.bulk_create(answers, batch_size=2000)
    print(
        f"Stored {Attempt.objects.count():,} attempts and {Answer.objects.count():,} answers "
        f"in {time.perf_counter() - start:.0f} s"
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    today = timezone.localdate()
    for label, kwargs in [("all time", {}), ("last 30 days", {"start": today - timedelta(days=30), "end": today})]:
        times = []
        for _ in range(5):
            begin = time.perf_counter()
            results = quiz_results(quiz, **kwargs)
            times.append(time.perf_counter() - begin)
        print(
            f"quiz_results, {label}: {statistics.median(times) * 1000:.0f} ms median of 5 "
            f"({results['attempts']:,} attempts, {len(results['questions'])} questions)"
        )


if __name__ == "__main__":
    main()

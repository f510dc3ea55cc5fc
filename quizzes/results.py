"""Aggregate quiz results for staff, computed in the database.

The most chosen wrong answer is shown in the choice's current wording, so a
choice that staff reworded counts as one choice.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min, Q, Sum
from django.utils import timezone

from quizzes.models import Answer, Attempt, Choice, DailyAnswers, DailyResults, Question


@dataclass
class QuestionResult:
    question: Question | None
    label: str
    answered: int
    correct: int
    top_wrong: str
    top_wrong_count: int

    @property
    def percent_correct(self):
        return round(100 * self.correct / self.answered) if self.answered else 0


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


ONE_DAY = datetime.timedelta(days=1)


def roll_up(quiz, *, today=None):
    """Sum every whole day of `quiz` not summed yet, up to yesterday; returns how many days.

    Attempts are stored as they happen, so a day once over never changes. Two
    runs at once cannot both write a day (a unique constraint): the second gives up.
    """
    today = today or timezone.localdate()
    last = DailyResults.objects.filter(quiz=quiz).aggregate(last=Max("day"))["last"]
    if last is None:
        first = Attempt.objects.filter(quiz=quiz).aggregate(first=Min("created_at"))["first"]
        if first is None:
            return 0
        begin = timezone.localtime(first).date()
    else:
        begin = last + ONE_DAY
    if begin >= today:
        return 0
    summed, answers = [], []
    day = begin
    while day < today:  # every day, with or without attempts, so the next run starts after it
        # One index range scan per day: no per-row date conversion.
        window = {"quiz": quiz, "created_at__gte": _day_start(day), "created_at__lt": _day_start(day + ONE_DAY)}
        row = Attempt.objects.filter(**window).aggregate(
            attempts=Count("id"), score_sum=Sum("score_percent"), passed=Count("id", filter=Q(passed=True))
        )
        summed.append(
            DailyResults(
                quiz=quiz, day=day, attempts=row["attempts"], score_sum=row["score_sum"] or 0, passed=row["passed"]
            )
        )
        if row["attempts"]:
            groups = (
                Answer.objects.filter(**window)
                .values("question_id", "choice_id", "is_correct")
                .annotate(times=Count("id"))
                .order_by()
            )
            answers.extend(DailyAnswers(quiz=quiz, day=day, **group) for group in groups)
        day += ONE_DAY
    try:
        with transaction.atomic():
            DailyResults.objects.bulk_create(summed, batch_size=500)
            DailyAnswers.objects.bulk_create(answers, batch_size=2000)
    except IntegrityError:
        return 0  # another run summed these days first
    return len(summed)


def _summed_part(quiz, start, end):
    """The range's whole days already summed: (summary, groups, first day not summed)."""
    last = DailyResults.objects.filter(quiz=quiz).aggregate(last=Max("day"))["last"]
    if last is None or (start and start > last):
        return None, [], start
    days = {"quiz": quiz, "day__lte": min(end, last) if end else last}
    if start:
        days["day__gte"] = start
    summary = DailyResults.objects.filter(**days).aggregate(
        count=Sum("attempts"), score_sum=Sum("score_sum"), passed=Sum("passed")
    )
    groups = (
        DailyAnswers.objects.filter(**days)
        .values("question_id", "choice_id", "is_correct")
        .annotate(times=Sum("times"))
        .order_by()
    )
    return summary, list(groups), last + ONE_DAY


def quiz_results(quiz, *, start=None, end=None, sum_days=True):
    """Summary and per-question figures for `quiz`, between two dates inclusive (local time).

    Whole days already summed (roll_up) come from one row per day; the days
    after them from the attempts themselves, read through indexes that start
    with the date, so neither "all time" nor "the last 90 days" reads every
    attempt. `sum_days` first sums any whole day not summed yet: a few
    milliseconds when the daily timer runs, and without the timer the first
    call of a day does its work (5 s for a year of a million attempts, once).
    """
    if sum_days:
        roll_up(quiz)
    summary, groups, raw_start = _summed_part(quiz, start, end)
    count = (summary or {}).get("count") or 0
    score_sum = (summary or {}).get("score_sum") or 0
    passed = (summary or {}).get("passed") or 0
    if not (end and raw_start and raw_start > end):
        attempts = Attempt.objects.filter(quiz=quiz)
        answers = Answer.objects.filter(quiz=quiz)
        # Compare the stored times with the day's bounds, so the indexes apply.
        if raw_start:
            attempts = attempts.filter(created_at__gte=_day_start(raw_start))
            answers = answers.filter(created_at__gte=_day_start(raw_start))
        if end:
            attempts = attempts.filter(created_at__lt=_day_start(end + ONE_DAY))
            answers = answers.filter(created_at__lt=_day_start(end + ONE_DAY))
        recent = attempts.aggregate(
            count=Count("id"), score_sum=Sum("score_percent"), passed=Count("id", filter=Q(passed=True))
        )
        count += recent["count"]
        score_sum += recent["score_sum"] or 0
        passed += recent["passed"]
        groups += list(answers.values("question_id", "choice_id", "is_correct").annotate(times=Count("id")).order_by())
    per_question = {}
    for row in groups:
        stats = per_question.setdefault(row["question_id"], {"answered": 0, "correct": 0, "wrong": {}})
        stats["answered"] += row["times"]
        if row["is_correct"]:
            stats["correct"] += row["times"]
        else:
            stats["wrong"][row["choice_id"]] = stats["wrong"].get(row["choice_id"], 0) + row["times"]
    top_wrong = {
        qid: max(((times, choice) for choice, times in stats["wrong"].items()), key=lambda w: (w[0], -(w[1] or 0)))
        for qid, stats in per_question.items()
        if stats["wrong"]
    }
    choice_text = dict(Choice.objects.filter(pk__in=[c for _, c in top_wrong.values() if c]).values_list("pk", "text"))
    questions = Question.objects.select_related("section__page", "section__care_advice").in_bulk(
        [qid for qid in per_question if qid]
    )
    rows = []
    for question_id, stats in per_question.items():
        question = questions.get(question_id)
        times, choice_id = top_wrong.get(question_id, (0, None))
        rows.append(
            QuestionResult(
                question=question,
                label=question.prompt if question else "Questions deleted since they were answered",
                answered=stats["answered"],
                correct=stats["correct"],
                top_wrong=choice_text.get(choice_id, "A choice deleted since") if times else "",
                top_wrong_count=times,
            )
        )
    rows.sort(key=lambda result: (result.percent_correct, -result.answered))
    return {
        "attempts": count,
        "average": round(score_sum / count, 1) if count else 0,
        "pass_rate": round(100 * passed / count, 1) if count else 0,
        "questions": rows,
    }

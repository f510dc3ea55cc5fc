"""Aggregate quiz results for staff, computed in the database.

The most chosen wrong answer is shown in the choice's current wording, so a
choice that staff reworded counts as one choice.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.utils import timezone

from quizzes.models import Answer, Attempt, Choice, Question


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


def quiz_results(quiz, *, start=None, end=None):
    """Summary and per-question figures for `quiz`, between two dates inclusive (local time)."""
    attempts = Attempt.objects.filter(quiz=quiz)
    answers = Answer.objects.filter(quiz=quiz)
    # Compare the stored times with the day's bounds, so the indexes apply.
    if start:
        attempts = attempts.filter(created_at__gte=_day_start(start))
        answers = answers.filter(created_at__gte=_day_start(start))
    if end:
        attempts = attempts.filter(created_at__lt=_day_start(end + datetime.timedelta(days=1)))
        answers = answers.filter(created_at__lt=_day_start(end + datetime.timedelta(days=1)))

    summary = attempts.aggregate(
        count=Count("id"), average=Avg("score_percent"), passed=Count("id", filter=Q(passed=True))
    )
    # One pass over the answers, read from a covering index: per question and choice.
    groups = answers.values("question_id", "choice_id", "is_correct").annotate(times=Count("id")).order_by()
    per_question = {}
    for row in groups:
        stats = per_question.setdefault(row["question_id"], {"answered": 0, "correct": 0, "wrong": []})
        stats["answered"] += row["times"]
        if row["is_correct"]:
            stats["correct"] += row["times"]
        else:
            stats["wrong"].append((row["times"], row["choice_id"]))
    top_wrong = {
        qid: max(stats["wrong"], key=lambda w: (w[0], -(w[1] or 0)))
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
    count = summary["count"]
    return {
        "attempts": count,
        "average": round(summary["average"] or 0, 1),
        "pass_rate": round(100 * summary["passed"] / count, 1) if count else 0,
        "questions": rows,
    }

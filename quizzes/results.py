"""Aggregate quiz results for staff, computed in the database."""

from dataclasses import dataclass

from django.db.models import Avg, Count, Q

from quizzes.models import Answer, Attempt, Question


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


def quiz_results(quiz, *, start=None, end=None):
    attempts = Attempt.objects.filter(quiz=quiz)
    answers = Answer.objects.filter(quiz=quiz)
    if start:
        attempts = attempts.filter(created_at__date__gte=start)
        answers = answers.filter(created_at__date__gte=start)
    if end:
        attempts = attempts.filter(created_at__date__lte=end)
        answers = answers.filter(created_at__date__lte=end)

    summary = attempts.aggregate(
        count=Count("id"), average=Avg("score_percent"), passed=Count("id", filter=Q(passed=True))
    )
    per_question = answers.values("question_id").annotate(
        answered=Count("id"), correct=Count("id", filter=Q(is_correct=True))
    )
    wrong = (
        answers.filter(is_correct=False)
        .values("question_id", "choice_text")
        .annotate(times=Count("id"))
        .order_by("question_id", "-times", "choice_text")
    )
    top_wrong = {}
    for row in wrong:
        top_wrong.setdefault(row["question_id"], (row["choice_text"], row["times"]))
    questions = Question.objects.select_related("section__page").in_bulk(
        [row["question_id"] for row in per_question if row["question_id"]]
    )
    rows = []
    for row in per_question:
        question = questions.get(row["question_id"])
        text, times = top_wrong.get(row["question_id"], ("", 0))
        rows.append(
            QuestionResult(
                question=question,
                label=question.prompt if question else "Questions deleted since they were answered",
                answered=row["answered"],
                correct=row["correct"],
                top_wrong=text,
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

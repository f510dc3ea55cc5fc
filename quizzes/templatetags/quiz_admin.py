import datetime

from django import template
from django.utils import timezone

from quizzes.models import Quiz
from quizzes.results import quiz_results

register = template.Library()


@register.simple_tag
def questions_families_miss(days=90, limit=3):
    """For each published quiz, the questions answered wrong most often lately, and the section they check."""
    start = timezone.localdate() - datetime.timedelta(days=days)
    return [
        (quiz, [row for row in quiz_results(quiz, start=start)["questions"] if row.percent_correct < 100][:limit])
        for quiz in Quiz.objects.live()
    ]

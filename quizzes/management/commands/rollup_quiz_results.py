from django.core.management.base import BaseCommand

from quizzes.models import Quiz
from quizzes.results import roll_up


class Command(BaseCommand):
    help = (
        "Sum each quiz's attempts per whole day, up to yesterday, so results for long ranges stay quick. "
        "Run it daily (it only sums days not summed yet)."
    )

    def handle(self, *args, **options):
        total = 0
        for quiz in Quiz.objects.order_by("pk"):
            days = roll_up(quiz)
            total += days
            if days:
                self.stdout.write(f"{quiz.slug}: summed {days} day(s)")
        self.stdout.write(self.style.SUCCESS(f"Summed {total} quiz-day(s)."))

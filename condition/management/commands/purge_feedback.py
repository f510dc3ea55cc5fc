from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Count, Q

from condition.models import PageFeedback


class Command(BaseCommand):
    help = (
        "Delete page feedback older than DJANGO_FEEDBACK_RETENTION_DAYS and keep at most "
        "DJANGO_FEEDBACK_COMMENTS_PER_PAGE comment texts per page (older ones keep their yes/no). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.FEEDBACK_RETENTION_DAYS)
        parser.add_argument("--comments-per-page", type=int, default=settings.FEEDBACK_COMMENTS_PER_PAGE)

    def handle(self, *args, days, comments_per_page, **options):
        deleted, _ = PageFeedback.objects.expired(days).delete()
        crowded = (
            PageFeedback.objects.values("page_id")
            .annotate(comments=Count("id", filter=~Q(comment="")))
            .filter(comments__gt=comments_per_page)
            .order_by()
        )
        cleared = sum(PageFeedback.objects.trim_comments(row["page_id"], comments_per_page) for row in crowded)
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {deleted} answer(s) older than {days} days; "
                f"cleared {cleared} comment(s) beyond the newest {comments_per_page} per page."
            )
        )

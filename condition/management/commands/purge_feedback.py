from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Count, Q

from condition.models import PageFeedback
from condition.search import misses


class Command(BaseCommand):
    help = (
        "Delete page feedback older than DJANGO_FEEDBACK_RETENTION_DAYS and keep at most "
        "DJANGO_FEEDBACK_COMMENTS_PER_PAGE comment texts per page (older ones keep their yes/no), and the counts "
        "of searches that found nothing older than DJANGO_SEARCH_MISS_RETENTION_DAYS. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.FEEDBACK_RETENTION_DAYS)
        parser.add_argument("--comments-per-page", type=int, default=settings.FEEDBACK_COMMENTS_PER_PAGE)
        parser.add_argument("--search-days", type=int, default=settings.SEARCH_MISS_RETENTION_DAYS)

    def handle(self, *args, days, comments_per_page, search_days, **options):
        deleted, _ = PageFeedback.objects.expired(days).delete()
        crowded = (
            PageFeedback.objects.values("page_id")
            .annotate(comments=Count("id", filter=~Q(comment="")))
            .filter(comments__gt=comments_per_page)
            .order_by()
        )
        cleared = sum(PageFeedback.objects.trim_comments(row["page_id"], comments_per_page) for row in crowded)
        searches = misses.purge(search_days)
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {deleted} answer(s) older than {days} days; "
                f"cleared {cleared} comment(s) beyond the newest {comments_per_page} per page; "
                f"deleted {searches} count(s) of searches that found nothing older than {search_days} days."
            )
        )

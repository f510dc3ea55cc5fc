import json

from django.core import serializers
from django.core.management.base import BaseCommand
from django.utils import timezone

from condition.contributors import Contributor
from condition.drafts import Revision, content_models
from condition.models import PageSlugRedirect

FORMAT = "omsportal-content"
# 3: staff and content types named by their natural keys (a username, an app and model), not by ids
# another database does not share; approved versions before the content (translations point to them).
VERSION = 3
READS = (2, 3)


def export_models():
    """Approved versions, then content (parents before children, so a restore loads them in order),
    old addresses, and who changed each draft (the two-person rule)."""
    return [Revision, *content_models(), PageSlugRedirect, Contributor]


def _jsonable(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class Command(BaseCommand):
    help = "Export all content (clinic profile, pages, sections, sources, glossary, quizzes) to a JSON file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="File to write, e.g. content-backup.json")

    def handle(self, *args, path, **options):
        objects = []
        counts = {}
        for model in export_models():
            # The python serializer + isoformat keeps microseconds that "json" drops.
            rows = serializers.serialize("python", model.objects.order_by("pk"), use_natural_foreign_keys=True)
            counts[model._meta.label] = len(rows)
            objects.extend(rows)
        document = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": timezone.now().isoformat(),
            "counts": counts,
            "objects": objects,
        }
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1, default=_jsonable)
        summary = ", ".join(f"{count} {label}" for label, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Exported {len(objects)} objects to {path}: {summary}"))

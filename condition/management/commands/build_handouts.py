import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from condition import handout_files, handouts
from condition.models import Condition


class Command(BaseCommand):
    help = (
        "Build the printable guide with every topic (HTML and PDF, A4 and US Letter) for the current content, "
        "if it is not built yet, and delete older builds. Run it from a timer, e.g. every minute."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            default=settings.SITE_URL,
            help="Address printed on the handouts and in their QR codes (default: DJANGO_SITE_URL).",
        )

    def handle(self, *args, site, **options):
        site = (site or "").rstrip("/")
        if not site.startswith(("https://", "http://")):
            raise CommandError("Set DJANGO_SITE_URL (or pass --site https://...): the handouts print the address.")
        built = fresh = 0
        for condition in Condition.objects.live().order_by("slug"):
            for language, _name in settings.LANGUAGES:
                rendered = None
                for paper in handouts.PAPERS:
                    names = [
                        handout_files.stored_name(condition, paper=paper, site=site, kind=k, language=language)
                        for k in handout_files.KINDS
                    ]
                    if all(handout_files.ready(name) for name in names):
                        fresh += 1
                        continue
                    rendered = handout_files.guide_pages(condition, language) if rendered is None else rendered
                    started = time.perf_counter()
                    if handout_files.build(condition, paper=paper, site=site, rendered=rendered, language=language):
                        built += 1
                        took = time.perf_counter() - started
                        self.stdout.write(
                            f"Built {condition.slug} ({language}, {paper}, {len(rendered.entries)} topics) in {took:.1f} s"
                        )
            handout_files.remove_old(condition)
        self.stdout.write(self.style.SUCCESS(f"{built} guide(s) built, {fresh} already up to date."))

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

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
        for condition in Condition.objects.order_by("slug"):
            pages = None
            for paper in handouts.PAPERS:
                # One guide per paper, in every interface language (issue 13).
                missing = [code for code, _name in settings.LANGUAGES if not self._ready(condition, paper, site, code)]
                if not missing:
                    fresh += 1
                    continue
                pages = handout_files.guide_pages(condition) if pages is None else pages
                started = time.perf_counter()
                done = []
                for code in missing:
                    with translation.override(code):
                        if handout_files.build(condition, paper=paper, site=site, pages=pages):
                            done.append(code)
                if done:
                    built += 1
                    self.stdout.write(
                        f"Built {condition.slug} ({paper}, {len(pages)} topics, {', '.join(done)})"
                        f" in {time.perf_counter() - started:.1f} s"
                    )
            handout_files.remove_old(condition)
        self.stdout.write(self.style.SUCCESS(f"{built} guide(s) built, {fresh} already up to date."))

    @staticmethod
    def _ready(condition, paper, site, code):
        with translation.override(code):
            names = [handout_files.stored_name(condition, paper=paper, site=site, kind=k) for k in handout_files.KINDS]
            return all(handout_files.ready(name) for name in names)

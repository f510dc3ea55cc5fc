"""Search speed with 100 and 1,000 topic pages, next to the topic page (issue 12).

Run: `.venv/bin/python bench/search.py` (part of `make bench`). For each size it
builds a throwaway SQLite database with the default content plus generated
pages (the default sections again, each with ten made-up words from a pool of
20,000, so the vocabulary the spelling step scans is large), rebuilds the
index, then times in one process, through Django's full request path (test
client, no network): search pages with a plain query, another name, and a
misspelling, and the cached and uncached topic page. It prints requests per
second and p50 / p99 latency, and what a content change costs the index.
"""

import os
import random
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROUNDS = 300
POOL = 20_000


def timed(call, rounds=ROUNDS):
    times = []
    for _ in range(rounds):
        begin = time.perf_counter()
        call()
        times.append(time.perf_counter() - begin)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return len(times) / sum(times), statistics.median(times) * 1000, p99 * 1000


def build(pages):
    from condition.models import Page, Section
    from condition.search import index

    rng = random.Random(pages)
    pool = ["".join(rng.choices(string.ascii_lowercase, k=rng.randrange(4, 13))) for _ in range(POOL)]
    template = list(Page.objects.filter(status="published").prefetch_related("sections"))
    made = []
    for number in range(pages - len(template)):
        model = template[number % len(template)]
        made.append(
            Page(
                condition_id=model.condition_id,
                title=f"{model.title} ({number})",
                slug=f"{model.slug}-{number}",
                summary=model.summary,
                key_points=model.key_points,
                order=1000 + number,
                status="published",
            )
        )
    Page.objects.bulk_create(made, batch_size=500)
    sections = []
    for page in Page.objects.filter(order__gte=1000):
        model = template[(page.order - 1000) % len(template)]
        for section in model.sections.all():
            extra = " ".join(rng.choice(pool) for _ in range(10))
            sections.append(
                Section(
                    page=page,
                    order=section.order,
                    heading=section.heading,
                    anchor=section.anchor,
                    body=f"{section.body}\n\n{extra}",
                )
            )
    Section.objects.bulk_create(sections, batch_size=1000)
    begin = time.perf_counter()
    index.rebuild()
    return time.perf_counter() - begin


def run(pages):
    scratch = Path(tempfile.mkdtemp(prefix="omsportal-search-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="omsportal.settings",
        DJANGO_DEBUG="true",  # static files without collectstatic
        DJANGO_SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_HTTPS="false",
        DATABASE_URL=f"sqlite:///{scratch / 'db.sqlite3'}",
        DJANGO_CACHE_DIR=str(scratch / "cache"),
        DJANGO_CONTENT_VERSION_FILE=str(scratch / "content-version"),
    )
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from condition import cache as content_cache
    from condition.models import GlossaryTerm, Section
    from condition.search.models import SearchDocument

    call_command("migrate", verbosity=0)
    call_command("load_oms_content", stdout=open(os.devnull, "w"))
    rebuild = build(pages)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM condition_search_vocab")
        words = cursor.fetchone()[0]
    print(
        f"\n{pages:,} pages: {SearchDocument.objects.count():,} indexed rows, {words:,} distinct words; "
        f"full rebuild {rebuild:.2f} s"
    )
    client = Client()

    def uncached_topic():
        cache.clear()
        content_cache._local.clear()
        client.get("/topics/symptoms/")

    targets = [
        ("search 'treatment'", lambda: client.get("/search/", {"q": "treatment"})),
        ("search 'dancing eyes'", lambda: client.get("/search/", {"q": "dancing eyes"})),
        ("search 'opsoclonous' (misspelt)", lambda: client.get("/search/", {"q": "opsoclonous"})),
        ("topic page, cached", lambda: client.get("/topics/symptoms/")),
        ("topic page, uncached", uncached_topic),
    ]
    print(f"{'target':36} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for label, call in targets:
        call()  # warm
        rate, p50, p99 = timed(call)
        print(f"{label:36} {rate:8,.0f} {p50:8.1f} {p99:8.1f}")
    section = Section.objects.filter(page__slug="symptoms").first()
    begin = time.perf_counter()
    section.save()
    print(f"saving a section (reindexes its page): {(time.perf_counter() - begin) * 1000:.0f} ms")
    term = GlossaryTerm.objects.first()
    begin = time.perf_counter()
    term.save()
    print(
        f"saving a glossary term (its row, and which terms each page uses): {(time.perf_counter() - begin) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    # One size per process: Django is set up once per process.
    if len(sys.argv) > 1:
        run(int(sys.argv[1]))
    else:
        import subprocess

        for size in (100, 1000):
            subprocess.run([sys.executable, __file__, str(size)], check=True)

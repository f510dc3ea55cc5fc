"""Search speed with 100 and 1,000 topic pages, next to the topic page.

Run: `.venv/bin/python bench/search.py` (part of `make bench`); `--postgres`
uses a scratch database on the PostgreSQL server of .ci/postgres.sh (or
DATABASE_URL's) instead of a scratch SQLite file. For each size it builds the
database with the default content plus generated pages (the default sections
again, each with ten made-up words from a pool of 20,000, so the vocabulary
the spelling step scans is large), and a Spanish translation of each generated
page whose model has one, and rebuilds the index (both languages). Then:

1. in one process, through Django's full request path (test client, no
   network): search pages with a plain query, another name, and a
   misspelling, a Spanish query (/es/search/), and the cached and uncached topic page: requests per second
   and p50 / p99 latency, and what a content change costs the index;
2. over HTTP, against the portal under gunicorn (bench/server.py, production
   settings, 2 workers) on the same database, one keep-alive client: median
   and p95 ms per search for common words, misspellings and queries that
   find nothing, and Spanish queries, with the SQL queries each search costs (counted in process).
"""

import os
import random
import shutil
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROUNDS = 300
POOL = 20_000
HTTP_ROUNDS = 60  # per query; each kind has five queries
KINDS = {
    "common words": ["treatment", "eyes", "medicine", "neuroblastoma", "sleep"],
    "misspellings": ["opsoclonous", "myoclonous", "neuroblastomma", "tretment", "steriods"],
    "no hits": ["xylophone", "qzvbnm", "wombat", "xxxyyyzzz", "plmokn"],
    # /es/search/: Spanish rows only (one without its accent, one misspelt)
    "Spanish words": ["fiebre", "tratamiento", "medico", "ojos", "neuroblastomma"],
}


def search_path(kind):
    return "/es/search/" if kind.startswith("Spanish") else "/search/"


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
    template = list(Page.objects.live().prefetch_related("sections"))
    # Each generated page has a Spanish translation where its model has one, so both languages grow alike.
    spanish = {page.translation_of_id: page for page in Page.objects.live("es").prefetch_related("sections")}
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
    translated = []
    for page in Page.objects.filter(order__gte=1000, language="en"):
        model = spanish.get(template[(page.order - 1000) % len(template)].pk)
        if model is not None:
            translated.append(
                Page(
                    condition_id=model.condition_id,
                    title=f"{model.title} ({page.order - 1000})",
                    slug=page.slug,
                    summary=model.summary,
                    key_points=model.key_points,
                    order=page.order,
                    status="published",
                    language="es",
                    translation_of=page,
                )
            )
    Page.objects.bulk_create(translated, batch_size=500)
    sections = []
    for page in Page.objects.filter(order__gte=1000):
        model = template[(page.order - 1000) % len(template)]
        model = spanish[model.pk] if page.language == "es" else model
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


def percentile(times, fraction):
    """Nearest rank: the value that `fraction` of the sorted times are at or under."""
    times = sorted(times)
    return times[min(len(times) - 1, max(0, round(len(times) * fraction) - 1))]


def queries_per_search(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for kind, queries in KINDS.items():
        counts[kind] = set()
        for query in queries:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(search_path(kind), {"q": query}).status_code == 200
            counts[kind].add(len(captured))
    return counts


def over_http(database_url, counts):
    """Searches through gunicorn on the bench's database: median and p95 ms, one client."""
    import http.client
    from urllib.parse import urlencode

    from bench.server import PortalServer

    server = PortalServer(workers=2, database_url=database_url, setup_database=False)
    server.env["DJANGO_RATELIMIT"] = "false"
    try:
        server.start()
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)

        def get(path):
            begin = time.perf_counter()
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
            response = conn.getresponse()
            body = response.read()
            elapsed = time.perf_counter() - begin
            assert response.status == 200, (path, response.status, body[:200])
            return elapsed, body

        print(f"over HTTP (gunicorn, 2 workers, one keep-alive client, {HTTP_ROUNDS} rounds per query):")
        print(f"{'searches':24} {'median ms':>10} {'p95 ms':>8} {'queries/search':>15} {'hits':>10}")
        for kind, queries in KINDS.items():
            times, hits = [], []
            for query in queries:
                path = search_path(kind) + "?" + urlencode({"q": query})
                hits.append(get(path)[1].count(b'class="search-where"'))  # warm, and what it finds
                times += [get(path)[0] * 1000 for _ in range(HTTP_ROUNDS)]
            spread = "-".join(str(n) for n in sorted({min(counts[kind]), max(counts[kind])}))
            found = "-".join(str(n) for n in sorted({min(hits), max(hits)}))
            print(f"{kind:24} {statistics.median(times):10.1f} {percentile(times, 0.95):8.1f} {spread:>15} {found:>10}")
        get("/topics/symptoms/")
        times = [get("/topics/symptoms/")[0] * 1000 for _ in range(HTTP_ROUNDS)]
        print(f"{'topic page (cached)':24} {statistics.median(times):10.1f} {percentile(times, 0.95):8.1f}")
        conn.close()
    finally:
        server.cleanup()


def run(pages, postgres=False):
    scratch = Path(tempfile.mkdtemp(prefix="omsportal-search-"))
    database_url = f"sqlite:///{scratch / 'db.sqlite3'}"
    drop = None
    if postgres:
        from bench.server import postgres_database

        database_url, drop = postgres_database(f"omsportal_bench_search_{pages}_{os.getpid()}")
    try:
        _run(pages, scratch, database_url)
    finally:
        from django.db import connections

        connections.close_all()
        if drop:
            drop()
        shutil.rmtree(scratch, ignore_errors=True)


def _run(pages, scratch, database_url):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="omsportal.settings",
        DJANGO_DEBUG="true",  # static files without collectstatic
        DJANGO_SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_HTTPS="false",
        DATABASE_URL=database_url,
        DJANGO_CACHE_DIR=str(scratch / "cache"),
        DJANGO_CONTENT_VERSION_FILE=str(scratch / "content-version"),
        DJANGO_LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from condition.models import GlossaryTerm, Section
    from condition.search.models import SearchDocument
    from pagecache import cache as content_cache

    call_command("migrate", verbosity=0)
    call_command("load_oms_content", stdout=open(os.devnull, "w"))
    rebuild = build(pages)
    if connection.vendor == "sqlite":
        words = "(SELECT term FROM condition_search_vocab UNION ALL SELECT term FROM condition_search_vocab_other)"
    else:
        words = "condition_search_word"
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute(f"SELECT count(*) FROM {words} AS w")
        words = cursor.fetchone()[0]
    print(
        f"\n{pages:,} pages on {connection.vendor}: {SearchDocument.objects.count():,} indexed rows, "
        f"{words:,} distinct words (per language); full rebuild {rebuild:.2f} s"
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
        ("search 'fiebre' (Spanish)", lambda: client.get("/es/search/", {"q": "fiebre"})),
        ("topic page, cached", lambda: client.get("/topics/symptoms/")),
        ("topic page, uncached", uncached_topic),
    ]
    print(f"{'target':36} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for label, call in targets:
        call()  # warm
        rate, p50, p99 = timed(call)
        print(f"{label:36} {rate:8,.0f} {p50:8.1f} {p99:8.1f}")
    section = Section.objects.filter(page__slug="symptoms", page__language="en").first()
    begin = time.perf_counter()
    section.save()
    print(f"saving a section (reindexes its page): {(time.perf_counter() - begin) * 1000:.0f} ms")
    term = GlossaryTerm.objects.live().first()
    begin = time.perf_counter()
    term.save()
    print(
        f"saving a glossary term (its row, and which terms each page uses): {(time.perf_counter() - begin) * 1000:.0f} ms"
    )
    counts = queries_per_search(client)
    connection.close()  # gunicorn's workers take over the database
    over_http(database_url, counts)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000], help="pages of content (default 100 1000)")
    parser.add_argument("--postgres", action="store_true", help="a scratch PostgreSQL database instead of SQLite")
    args = parser.parse_args()
    if len(args.sizes) == 1:
        run(args.sizes[0], postgres=args.postgres)
    else:
        import subprocess

        # One size per process: Django is set up once per process.
        for size in args.sizes:
            extra = ["--postgres"] if args.postgres else []
            subprocess.run([sys.executable, __file__, str(size), *extra], check=True)

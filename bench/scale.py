"""What each page costs as content grows to 10x and 100x, and worker memory over 500 PDFs.

Run: `.venv/bin/python bench/scale.py` (bench/run.py runs it, so `make bench`
does). In a scratch SQLite database it loads the default OMS content, then
grows it to 10x and 100x (70 / 700 topic pages, 160 / 1,600 glossary terms,
160 / 1,000 sources, all in one condition, the worst case for the guide
handout) and prints, per public page and admin list, the uncached time
(median of 5, page cache emptied before each) and SQL queries. "First" is the
first request after a content change, when this process also rebuilds its
glossary automaton. Then it builds the guide handout ahead, as the timer
would, and makes 500 PDFs to show the worker's memory stays flat. Finally it
runs bench/quiz_results.py (a million quiz attempts, admin pages timed).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scratch import remove, scratch_portal  # noqa: E402

FACTORS = (1, 10, 100)
SOURCE_CAP = {1: None, 10: 160, 100: 1000}
PUBLIC = {
    # First, right after the timer's build: later rows change the content version.
    "guide handout (built ahead)": "/conditions/oms/handout/",
    "guide PDF (built ahead)": "/conditions/oms/handout.pdf",
    "topic page": "/topics/treatment/",
    "home": "/",
    "word list": "/glossary/",
    "sources": "/sources/",
    "quiz": "/quiz/oms-basics/",
    "topic handout": "/topics/treatment/handout/",
    "topic handout PDF": "/topics/treatment/handout.pdf",
    "topic page, Spanish": "/es/topics/treatment/",
    "home, Spanish": "/es/",
    "word list, Spanish": "/es/glossary/",
}
ADMIN = {
    "admin home": "/admin/",
    "pages": "/admin/condition/page/",
    "sections search": "/admin/condition/section/?q=ataxia",
    "glossary": "/admin/condition/glossaryterm/",
    "sources": "/admin/condition/source/",
    "quiz attempts": "/admin/quizzes/attempt/",
    "quiz results": "/admin/quizzes/quiz/{quiz}/results/",
}


def grow(factor):
    """Copies of the default pages, terms and sources until there are `factor` times as many."""
    import re

    from condition.models import GlossaryTerm, Page, Section, Source
    from condition.search import index as search_index
    from pagecache.cache import bump_content_version

    # The English items; their Spanish translations are copied after them (_translate_copies).
    originals = list(Page.objects.filter(translation_of=None, draft_of=None).exclude(slug__regex=r"-[0-9]+$"))
    sections = {page.pk: list(page.sections.all()) for page in originals}
    terms = list(GlossaryTerm.objects.filter(translation_of=None, draft_of=None).exclude(slug__regex=r"-[0-9]+$"))
    sources = list(Source.objects.exclude(key__regex=r"-[0-9]+$"))
    have = Page.objects.filter(translation_of=None, draft_of=None).count() // len(originals)
    source_cap = SOURCE_CAP[factor] or len(sources)
    new_sources, new_terms, new_pages = [], [], []
    for copy in range(have, factor):
        for source in sources:
            if Source.objects.count() + len(new_sources) < source_cap:
                new_sources.append(
                    Source(
                        key=f"{source.key}-{copy}",
                        citation=f"{source.citation} (copy {copy})",
                        url=source.url,
                        status=source.status,  # live, as the originals (a draft is never cited on a page)
                    )
                )
        for term in terms:
            new_terms.append(
                GlossaryTerm(
                    term=f"{term.term} {copy}",
                    slug=f"{term.slug}-{copy}",
                    definition=term.definition,
                    status=term.status,  # live, as the originals: drafts were never matched on a page
                )
            )
    Source.objects.bulk_create(new_sources)
    GlossaryTerm.objects.bulk_create(new_terms)
    keys = set(Source.objects.values_list("key", flat=True))
    for copy in range(have, factor):
        for page in originals:
            new_pages.append(
                Page(
                    condition_id=page.condition_id,
                    title=f"{page.title} ({copy})",
                    slug=f"{page.slug}-{copy}",
                    summary=page.summary,
                    key_points=page.key_points,
                    order=page.order + 100 * copy,
                    status=page.status,
                )
            )
    Page.objects.bulk_create(new_pages)
    by_slug = {page.slug: page for page in Page.objects.filter(slug__in=[p.slug for p in new_pages])}
    new_sections = []
    for copy in range(have, factor):
        also = ", ".join(f"{term.term} {copy}" for term in terms[:3])
        for page in originals:
            for section in sections[page.pk]:

                def cite(match, copy=copy):
                    key = f"{match.group(1).lower()}-{copy}"
                    return f"[cite:{key}]" if key in keys else match.group(0)

                body = re.sub(r"\[cite:\s*([A-Za-z0-9_-]+)\s*\]", cite, section.body)
                new_sections.append(
                    Section(
                        page=by_slug[f"{page.slug}-{copy}"],
                        order=section.order,
                        heading=section.heading,
                        anchor=section.anchor,
                        body=body if section.care_advice_id else f"{body}\n\nAlso see {also}.",
                        care_advice_id=section.care_advice_id,
                    )
                )
    Section.objects.bulk_create(new_sections, batch_size=500)
    _translate_copies(have, factor, originals, terms)
    search_index.rebuild()  # bulk_create sends no save signals; related topics read the index's terms
    bump_content_version()
    originals_only = {"translation_of": None, "draft_of": None}
    return {
        "pages": Page.objects.filter(**originals_only).count(),
        "translated pages": Page.objects.filter(draft_of=None).exclude(translation_of=None).count(),
        "sections": Section.objects.count(),
        "terms": GlossaryTerm.objects.filter(**originals_only).count(),
        "translated terms": GlossaryTerm.objects.filter(draft_of=None).exclude(translation_of=None).count(),
        "sources": Source.objects.count(),
    }


def _translate_copies(have, factor, originals, terms):
    """Each copy's translations, as the shipped Spanish pages and terms are: Spanish pages then read Spanish
    copies at scale (translation rows, their sections and terms), not English ones marked as such."""
    from condition.models import GlossaryTerm, Page, Section

    spanish_pages = {page.translation_of_id: page for page in Page.objects.filter(translation_of__in=originals)}
    spanish_sections = {page.pk: list(page.sections.all()) for page in spanish_pages.values()}
    copies = {page.slug: page for page in Page.objects.filter(translation_of=None, slug__regex=r"-[0-9]+$")}
    new_pages = []
    for copy in range(have, factor):
        for page in originals:
            spanish = spanish_pages.get(page.pk)
            if spanish is None:
                continue
            new_pages.append(
                Page(
                    condition_id=spanish.condition_id,
                    language=spanish.language,
                    translation_of=copies[f"{page.slug}-{copy}"],
                    translation_reviewed=spanish.translation_reviewed,
                    title=f"{spanish.title} ({copy})",
                    slug=f"{spanish.slug}-{copy}",
                    summary=spanish.summary,
                    key_points=spanish.key_points,
                    order=spanish.order + 100 * copy,
                    status=spanish.status,
                )
            )
    Page.objects.bulk_create(new_pages)
    made = {(page.language, page.slug): page for page in Page.objects.exclude(translation_of=None)}
    new_sections = []
    for copy in range(have, factor):
        for page in originals:
            spanish = spanish_pages.get(page.pk)
            if spanish is None:
                continue
            target = made[(spanish.language, f"{spanish.slug}-{copy}")]
            for section in spanish_sections[spanish.pk]:
                new_sections.append(
                    Section(
                        page=target,
                        order=section.order,
                        heading=section.heading,
                        anchor=section.anchor,
                        body=section.body,
                        care_advice_id=section.care_advice_id,
                    )
                )
    Section.objects.bulk_create(new_sections, batch_size=500)
    spanish_terms = {term.translation_of_id: term for term in GlossaryTerm.objects.filter(translation_of__in=terms)}
    term_copies = {
        term.slug: term for term in GlossaryTerm.objects.filter(translation_of=None, slug__regex=r"-[0-9]+$")
    }
    new_terms = []
    for copy in range(have, factor):
        for term in terms:
            spanish = spanish_terms.get(term.pk)
            if spanish is not None:
                new_terms.append(
                    GlossaryTerm(
                        language=spanish.language,
                        translation_of=term_copies[f"{term.slug}-{copy}"],
                        translation_reviewed=spanish.translation_reviewed,
                        term=f"{spanish.term} {copy}",
                        slug=f"{spanish.slug}-{copy}",
                        other_forms="",
                        definition=spanish.definition,
                        status=spanish.status,
                    )
                )
    GlossaryTerm.objects.bulk_create(new_terms, batch_size=500)


def measure(client, url, *, rounds=5, built_ahead=False):
    """(first ms after a content change, median uncached ms, queries, status, median CPU ms).

    CPU ms is this process's own processor time: on a machine shared with
    other work it shows what the request costs without waiting for a core.

    `built_ahead`: the guide handout, built by the timer's command after the
    change (not timed here), so the requests read the stored file.
    """
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pagecache import cache as content_cache
    from pagecache.cache import bump_content_version

    times, cpu = [], []
    if not built_ahead:
        bump_content_version()
    for _ in range(rounds + 1):
        cache.clear()
        content_cache._local.clear()
        with CaptureQueriesContext(connection) as queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    return times[0], statistics.median(times[1:]), len(queries), response.status_code, statistics.median(cpu[1:])


def staff_client():
    """A superuser signed in as the admin login leaves one: password, then a one-time code (accounts/)."""
    from django.contrib.auth.models import User
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = User.objects.filter(username="bench").first()
    user = user or User.objects.create_superuser("bench", "bench@example.org", "bench-password-not-used")
    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pdf_memory(count=500):
    from django.test import RequestFactory

    from condition.handouts import handout_context, html_to_pdf, render_handout_html
    from condition.models import Page
    from condition.pages import PUBLIC, render_pages

    page = Page.objects.live().select_related("condition").get(slug="treatment")
    request = RequestFactory().get("/topics/treatment/handout.pdf")
    rendered = render_pages([page], "en", PUBLIC, printed=True)
    html = render_handout_html(
        None, handout_context(request, rendered, title=page.title, paper="a4", online_path=page.get_absolute_url())
    )
    marks = {}
    start = time.perf_counter()
    for n in range(1, count + 1):
        html_to_pdf(html, "https://oms.example.org/")
        if n in (1, 50, 100, 250, count) or n == min(50, count):
            marks[n] = rss_mb()
    return marks, (time.perf_counter() - start) / count * 1000


def main():
    global FACTORS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factors", default=",".join(map(str, FACTORS)), help="e.g. 1,10,100")
    parser.add_argument("--pdfs", type=int, default=500)
    parser.add_argument("--attempts", action=argparse.BooleanOptionalAction, default=True, help="run quiz_results.py")
    parser.add_argument("--guide", action=argparse.BooleanOptionalAction, default=True, help="build the guide ahead")
    args = parser.parse_args()
    FACTORS = tuple(int(f) for f in args.factors.split(","))
    scratch = scratch_portal("omsportal-scale-")
    from django.core.management import call_command
    from django.test import Client

    from quizzes.models import Quiz

    client = Client()
    admin = staff_client()
    quiz = Quiz.objects.live().get(slug="oms-basics").pk
    rows = {}
    sizes = {}
    slowest = {}
    for factor in FACTORS:
        sizes[factor] = grow(factor)
        began = time.perf_counter()
        if args.guide:
            call_command("build_handouts", stdout=open(os.devnull, "w"))
        sizes[factor]["guide build s"] = time.perf_counter() - began
        for label, url in PUBLIC.items():
            if "built ahead" in label and not args.guide:
                continue
            rows.setdefault(("public", label), {})[factor] = measure(client, url, built_ahead="built ahead" in label)
        for label, url in ADMIN.items():
            rows.setdefault(("admin", label), {})[factor] = measure(admin, url.format(quiz=quiz))
        slowest[factor] = max(
            (max(first, median), label) for (_, label), by in rows.items() for first, median, *_ in [by[factor]]
        )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\nContent at {', '.join(f'{f}x' for f in FACTORS)} (scratch SQLite, in process, {os.cpu_count()} cores; "
        f"load average now {load})"
    )
    for factor in FACTORS:
        size = sizes[factor]
        print(
            f"  {factor:>3}x: {size['pages']} pages (+{size['translated pages']} translated), {size['sections']} "
            f"sections, {size['terms']} glossary terms (+{size['translated terms']} translated), "
            f"{size['sources']} sources; build_handouts (guide, A4 + Letter, HTML + PDF) {size['guide build s']:.1f} s"
        )
    print("\nUncached ms: median of 5 (first request after a content change), CPU ms of the median / SQL queries")
    header = "".join(f"{f'{factor}x':>30}" for factor in FACTORS)
    for kind in ("public", "admin"):
        print(f"\n{kind + ' page':<30}{header}")
        for (row_kind, label), by in rows.items():
            if row_kind != kind:
                continue
            cells = "".join(
                f"{f'{median:.0f} ({first:.0f}) cpu {cpu:.0f} / {queries}q' + ('' if status == 200 else f' [{status}]'):>30}"
                for first, median, queries, status, cpu in (by[f] for f in FACTORS)
            )
            print(f"{label:<30}{cells}")
    print()
    for factor in FACTORS:
        ms, label = slowest[factor]
        print(f"Slowest request at {factor}x: {label}, {ms:.0f} ms")
    top = FACTORS[-1]
    for label in (
        "topic page",
        "home",
        "word list",
        "sources",
        "topic page, Spanish",
        "home, Spanish",
        "word list, Spanish",
    ):
        first, median, _, _, cpu = rows[("public", label)][top]
        growth = median / rows[("public", label)][FACTORS[0]][1]
        verdict = "met" if median < 200 else "MISSED"
        print(
            f"[{verdict}] {label} uncached at {top}x under 200 ms: {median:.0f} ms, CPU {cpu:.0f} ms "
            f"({growth:.1f}x the 1x time)"
        )

    if args.pdfs:
        marks, per_pdf = pdf_memory(args.pdfs)
        first, last = marks[min(50, max(marks))], marks[max(marks)]
        print(
            f"\nWorker memory over {max(marks)} PDFs (one shared FontConfiguration), {per_pdf:.0f} ms each: "
            + ", ".join(f"after {n}: {mb:.0f} MB" for n, mb in marks.items())
        )
        print(
            f"[{'met' if last - first < 10 else 'MISSED'}] flat within 10 MB from PDF 50 to {max(marks)}: {last - first:+.1f} MB"
        )
    sys.stdout.flush()
    remove(scratch)
    if args.attempts:
        subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "quiz_results.py")], check=True)


if __name__ == "__main__":
    main()

"""Speed of the portal against Django's own limit on this machine (issue 5).

One command: `make bench` (or `.venv/bin/python bench/run.py`). It starts
gunicorn on 127.0.0.1 with a fresh SQLite file, then runs wrk against, in
turn and alternating for several rounds, a topic page, the quiz page, a quiz
submission, and a bare Django view returning the same number of bytes as the
topic page. It prints requests per second, p50/p99 latency and the ratios,
then query counts, page weight, handout PDF time and quiz-results time.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.clients import Client  # noqa: E402
from bench.server import PortalServer  # noqa: E402

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, *, seconds, connections, script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", script]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {}
    for pct, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, flags=re.M):
        latency[pct] = float(value) * UNITS[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": rps,
        "p50": latency["50"],
        "p99": latency["99"],
        "bad": int(errors.group(1)) if errors else 0,
        "socket": socket_errors.group(1) if socket_errors else "",
    }


def post_script(directory, client):
    token, choices = client.quiz_form()
    body = client.encode({**{name: ids[0] for name, ids in choices.items()}, "csrfmiddlewaretoken": token, "seed": "1"})
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    path = Path(directory) / "quiz_post.lua"
    path.write_text(
        'wrk.method = "POST"\n'
        f'wrk.body = "{body}"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        f'wrk.headers["Cookie"] = "{cookie}"\n'
    )
    return str(path)


def in_process_figures(server):
    """Queries, weight, PDF and results timings, measured against the same database."""
    os.environ.update(server.env)
    import django

    django.setup()
    from django.contrib.staticfiles import finders
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client as DjangoClient
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from condition.handouts import handout_context, html_to_pdf, render_handout_html
    from condition.models import Page

    client = DjangoClient(HTTP_HOST="127.0.0.1")
    figures = {}
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/topics/treatment/").content
    figures["queries_uncached"] = len(queries)
    with CaptureQueriesContext(connection) as queries:
        client.get("/topics/treatment/")
    figures["queries_cached"] = len(queries)
    css = Path(finders.find("css/portal.css")).read_bytes()
    figures["html_kb"] = len(html) / 1024
    figures["css_kb"] = len(css) / 1024

    request = RequestFactory().get("/topics/treatment/handout.pdf", HTTP_HOST="127.0.0.1")
    page = Page.objects.prefetch_related("sections").select_related("condition").get(slug="treatment")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        context = handout_context(request, [page], title=page.title, paper="a4", online_path=page.get_absolute_url())
        html_to_pdf(render_handout_html(request, context), "http://127.0.0.1/")
        times.append(time.perf_counter() - start)
    figures["pdf_ms"] = statistics.median(times) * 1000
    figures["pdf_ms_first"] = times[0] * 1000
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `apt-get install wrk` (make bench does this)")

    with PortalServer(workers=args.workers, extra_env={"DJANGO_BENCH": "true", "DJANGO_RATELIMIT": "false"}) as server:
        client = Client(server.port)
        status, topic_html = client.request("GET", "/topics/symptoms/")
        size = len(topic_html.encode())
        scratch = tempfile.mkdtemp()
        targets = {
            "topic page": (server.url + "/topics/symptoms/", None),
            "quiz page": (server.url + "/quiz/oms-basics/", None),
            "quiz submission": (server.url + "/quiz/oms-basics/", post_script(scratch, client)),
            "bare Django view": (server.url + f"/bench/bare/{size}/", None),
        }
        for url, script in targets.values():  # warm every worker's caches
            wrk(url, seconds=1, connections=args.connections, script=script)
        runs = {name: [] for name in targets}
        for _ in range(args.rounds):
            for name, (url, script) in targets.items():
                runs[name].append(wrk(url, seconds=args.seconds, connections=args.connections, script=script))
        figures = in_process_figures(server)
        shutil.rmtree(scratch, ignore_errors=True)

    print(
        f"\nPortal on gunicorn ({args.workers} workers), SQLite WAL, {os.cpu_count()} cores; "
        f"wrk {args.connections} connections, {args.rounds} x {args.seconds}s alternating rounds; medians.\n"
    )
    print(f"{'target':<20}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    summary = {}
    for name, results in runs.items():
        rps = statistics.median(r["rps"] for r in results)
        p50 = statistics.median(r["p50"] for r in results)
        p99 = statistics.median(r["p99"] for r in results)
        bad = sum(r["bad"] for r in results)
        summary[name] = (rps, p50, p99)
        print(f"{name:<20}{rps:>10.0f}{p50:>10.2f}{p99:>10.2f}{bad:>8}")
    bare = summary["bare Django view"][0]
    print(f"\nBare view body: {size} bytes (the size of the topic page)")
    for name in ("topic page", "quiz page", "quiz submission"):
        print(f"{name} / bare view throughput: {summary[name][0] / bare:.0%}")
    print(f"\nSQL queries, topic page: {figures['queries_uncached']} uncached, {figures['queries_cached']} cached")
    print(
        f"Topic page weight: HTML {figures['html_kb']:.1f} KB + CSS {figures['css_kb']:.1f} KB = "
        f"{figures['html_kb'] + figures['css_kb']:.1f} KB uncompressed"
    )
    print(
        f"Handout PDF of a topic page: {figures['pdf_ms']:.0f} ms median of 5 (first {figures['pdf_ms_first']:.0f} ms)"
    )

    topic_rps, _, topic_p99 = summary["topic page"]
    checks = [
        ("topic page throughput >= 80% of bare view", topic_rps >= 0.8 * bare),
        ("topic page p99 < 50 ms at 16 clients", topic_p99 < 50),
        ("<= 6 SQL queries, uncached topic page", figures["queries_uncached"] <= 6),
        ("HTML + CSS < 40 KB", figures["html_kb"] + figures["css_kb"] < 40),
        ("handout PDF < 1 s", figures["pdf_ms"] < 1000),
    ]
    print()
    for label, ok in checks:
        print(f"[{'met' if ok else 'MISSED'}] {label}")
    # Content at 10x and 100x, 500 PDFs, a million quiz attempts (bench/scale.py, issue 11).
    subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "scale.py")], check=True)


if __name__ == "__main__":
    main()

"""Speed of the portal against a truly bare Django project, and two app servers against one.

One command: `make bench` (or `.venv/bin/python bench/run.py`). In one run it
starts, on 127.0.0.1:

1. the portal under gunicorn (production settings, SQLite WAL, the file cache)
   and bench/bare.py, a Django project with no apps and no middleware that
   answers each path with the very bytes the portal gave for it, on the same
   gunicorn and worker count; wrk runs against each page of both in
   alternating rounds, and the ratio portal / bare is printed per page with its
   spread over the rounds (targets: topic page >= 0.85, other pages >= 0.75);
2. the topic page through one app server against two (each its own folders,
   both sharing one Redis and one PostgreSQL), when redis-server and the
   PostgreSQL server of .ci/postgres.sh are there; then the topic page while
   40 clients trickle their headers and 40 a POST's body: gunicorn alone
   against README's production set-up (deploy/serve.py, nginx in front);
3. in-process figures: queries, page weight, handout PDF time;
4. bench/quiz_results.py: the staff results at 100,000 attempts.

Figures are printed, never asserted.
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.clients import Client, SlowClients  # noqa: E402
from bench.server import BareServer, PortalServer, ProductionServer, RedisServer, postgres_database  # noqa: E402

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def cpu_seconds(master_pid):
    """User + system CPU time of a gunicorn master and its workers, from /proc."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        pid, ppid = int(stat.parent.name), int(fields[1])
        if master_pid in (pid, ppid):
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def wrk(url, *, seconds, connections, script=None, server=None, headers=()):
    """wrk's throughput and latency; with `server`, also that server's CPU time per request.

    On a machine shared with other work, throughput swings with the neighbours'
    load; the CPU time the server spends per request hardly does.
    """
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *(f"-H{h}" for h in headers), url]
    if script:
        command[1:1] = ["-s", script]
    cpu_before = cpu_seconds(server.process.pid) if server else 0
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    cpu = cpu_seconds(server.process.pid) - cpu_before if server else 0
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {}
    for pct, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, flags=re.M):
        latency[pct] = float(value) * UNITS[unit]
    timeouts = re.search(r"Socket errors: .*timeout (\d+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": rps,
        "p50": latency.get("50", float("nan")),  # none when no request was answered
        "p99": latency.get("99", float("nan")),
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
        "bad": int(errors.group(1)) if errors else 0,
        "socket": socket_errors.group(1) if socket_errors else "",
        "cpu_us": cpu / max(requests, 1) * 1e6,
    }


def post_script(directory, client):
    """A wrk script posting the quiz's answers as a browser on the quiz page would (no token, same origin)."""
    choices = client.quiz_form()
    body = client.encode({**{name: ids[0] for name, ids in choices.items()}, "seed": "1"})
    path = Path(directory) / "quiz_post.lua"
    path.write_text(
        'wrk.method = "POST"\n'
        f'wrk.body = "{body}"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        'wrk.headers["Sec-Fetch-Site"] = "same-origin"\n'
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
    page = Page.objects.live().prefetch_related("sections").select_related("condition").get(slug="treatment")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        context = handout_context(request, [page], title=page.title, paper="a4", online_path=page.get_absolute_url())
        html_to_pdf(render_handout_html(request, context), "http://127.0.0.1/")
        times.append(time.perf_counter() - start)
    figures["pdf_ms"] = statistics.median(times) * 1000
    figures["pdf_ms_first"] = times[0] * 1000
    return figures


PAGES = {
    "topic page": "/topics/symptoms/",
    "home": "/",
    "word list": "/glossary/",
    "sources": "/sources/",
    "quiz page": "/quiz/oms-basics/",
    "handout": "/topics/symptoms/handout/",
}
TARGETS = {"topic page": 0.85}
OTHER_TARGET = 0.75


def fetch(port, path):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 200, (path, response.status)
    return response.getheader("Content-Type"), body


def spread(values):
    return f"{min(values):.2f}-{max(values):.2f}"


def portal_against_bare(args, server, scratch):
    """Each page of the portal and of the bare project in turn, round after round."""
    client = Client(server.port)
    topic_html = fetch(server.port, PAGES["topic page"])[1].decode()
    css = re.search(r'href="(/static/css/portal[^"]*\.css)"', topic_html).group(1)
    pages = {**PAGES, "stylesheet (whitenoise)": css}
    bodies = {path: fetch(server.port, path) for path in pages.values()}
    post = post_script(scratch, client)
    with BareServer(workers=args.workers, bodies=bodies) as bare:
        for path in pages.values():  # warm every worker's caches
            wrk(server.url + path, seconds=1, connections=args.connections)
            wrk(bare.url + path, seconds=1, connections=args.connections)
        runs = {name: {"portal": [], "bare": [], "ratio": [], "cpu_ratio": []} for name in pages}
        posts = []
        names = list(pages)
        for round_ in range(args.rounds):
            # Each round starts on another page and swaps which server goes first, so
            # neither side is always measured right after a busy neighbour on this machine.
            for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
                path = pages[name]
                order = (server, bare) if round_ % 2 == 0 else (bare, server)
                first, second = (
                    wrk(s.url + path, seconds=args.seconds, connections=args.connections, server=s) for s in order
                )
                portal, limit = (first, second) if order[0] is server else (second, first)
                runs[name]["portal"].append(portal)
                runs[name]["bare"].append(limit)
                runs[name]["ratio"].append(portal["rps"] / limit["rps"])
                runs[name]["cpu_ratio"].append(limit["cpu_us"] / portal["cpu_us"])
            posts.append(
                wrk(server.url + PAGES["quiz page"], seconds=args.seconds, connections=args.connections, script=post)
            )
    return pages, bodies, runs, posts


def one_against_two(args):
    """The topic page through one app server, then through two sharing Redis and PostgreSQL."""
    try:
        redis = RedisServer().start()
    except FileNotFoundError as error:
        return f"skipped: {error}"
    try:
        try:
            url, drop = postgres_database("omsportal_bench")
        except OSError as error:
            return f"skipped: {error} (start it with `bash .ci/postgres.sh`)"
        shared = {"DJANGO_CACHE_URL": redis.url, "DJANGO_RATELIMIT": "false"}
        first = PortalServer(workers=args.workers, extra_env=shared, database_url=url)
        second = PortalServer(workers=args.workers, extra_env=shared, database_url=url, setup_database=False)
        try:
            first.start()
            second.start()
            path = PAGES["topic page"]
            for server in (first, second):
                wrk(server.url + path, seconds=1, connections=args.connections)
            one, two = [], []
            for _ in range(args.rounds):
                one.append(wrk(first.url + path, seconds=args.seconds, connections=args.connections))
                with ThreadPoolExecutor(2) as pool:
                    results = list(
                        pool.map(
                            lambda server: wrk(
                                server.url + path, seconds=args.seconds, connections=args.connections // 2
                            ),
                            (first, second),
                        )
                    )
                two.append({"rps": sum(r["rps"] for r in results), "p99": max(r["p99"] for r in results)})
            return one, two
        finally:
            first.cleanup()
            second.cleanup()
            drop()
    finally:
        redis.stop()


SLOW_CLIENTS = 40  # of each kind: trickling their headers, and trickling a POST's body


def slow_clients(args):
    """Normal visitors on the topic page while 2 x SLOW_CLIENTS connections send their requests a byte at a time.

    Against the production gunicorn settings alone (omsportal/gunicorn.py: 2 x 16 threads) and README's
    production set-up (deploy/serve.py: the same gunicorn behind nginx). Each visitor's request comes on a
    new connection, as families' do: on kept-alive connections gunicorn alone still answers, new ones wait.
    """
    results = {}
    with ProductionServer(extra_env={"DJANGO_RATELIMIT": "false"}) as server:
        for label, url in (("gunicorn alone (2 x 16 threads)", server.app_url), ("nginx in front", server.url)):
            wrk(url + PAGES["topic page"], seconds=1, connections=args.connections)
            with SlowClients(int(url.rsplit(":", 1)[1]), headers=SLOW_CLIENTS, bodies=SLOW_CLIENTS):
                time.sleep(1.5)  # the slow clients are inside the server now
                results[label] = wrk(
                    url + PAGES["topic page"],
                    seconds=args.seconds,
                    connections=args.connections,
                    headers=["Connection: close"],
                )
    return results


def print_ratios(args, pages, bodies, runs, posts):
    print(
        f"\nPortal and a bare Django project (no apps, no middleware, the same bytes per page) on gunicorn, "
        f"{args.workers} sync workers each, {os.cpu_count()} cores; SQLite WAL, file cache; "
        f"wrk {args.connections} connections, {args.rounds} alternating rounds of {args.seconds} s; medians.\n"
    )
    print(
        f"{'page':<24}{'bytes':>7}{'portal r/s':>11}{'bare r/s':>9}{'ratio':>7}{'spread':>11}"
        f"{'CPU us/req':>15}{'CPU ratio':>10}{'spread':>11}{'p99 ms':>8}  target"
    )
    for name, result in runs.items():
        ratio = statistics.median(result["ratio"])
        cpu_ratio = statistics.median(result["cpu_ratio"])
        target = TARGETS.get(name, OTHER_TARGET)
        portal_cpu = statistics.median(r["cpu_us"] for r in result["portal"])
        bare_cpu = statistics.median(r["cpu_us"] for r in result["bare"])
        print(
            f"{name:<24}{len(bodies[pages[name]][1]):>7}"
            f"{statistics.median(r['rps'] for r in result['portal']):>11.0f}"
            f"{statistics.median(r['rps'] for r in result['bare']):>9.0f}"
            f"{ratio:>7.2f}{spread(result['ratio']):>11}"
            f"{f'{portal_cpu:.0f} / {bare_cpu:.0f}':>15}{cpu_ratio:>10.2f}{spread(result['cpu_ratio']):>11}"
            f"{statistics.median(r['p99'] for r in result['portal']):>8.1f}"
            f"  >= {target:.2f} {'met' if ratio >= target else 'MISSED'}"
        )
    print(
        "ratio: portal req/s / bare req/s. CPU ratio: bare's CPU time per request / the portal's "
        "(gunicorn master and workers), steadier on a shared machine."
    )
    bad = sum(r["bad"] for r in posts)
    print(
        f"quiz submission (POST, stores an attempt): {statistics.median(r['rps'] for r in posts):.0f} req/s, "
        f"p99 {statistics.median(r['p99'] for r in posts):.1f} ms, {bad} errors"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers, the same for every server")
    parser.add_argument(
        "--no-results", action="store_true", help="leave out bench/scale.py (and the quiz results it runs)"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `apt-get install wrk` (make bench does this)")

    scratch = tempfile.mkdtemp()
    with PortalServer(workers=args.workers, extra_env={"DJANGO_RATELIMIT": "false"}) as server:
        pages, bodies, runs, posts = portal_against_bare(args, server, scratch)
        print_ratios(args, pages, bodies, runs, posts)  # at once: nothing measured is lost if a later part fails
        figures = in_process_figures(server)
    shutil.rmtree(scratch, ignore_errors=True)
    servers = one_against_two(args)
    slow = slow_clients(args)

    print("\nTopic page through one app server and through two sharing one Redis and one PostgreSQL:")
    if isinstance(servers, str):
        print(f"  {servers}")
    else:
        one, two = servers
        one_rps = [r["rps"] for r in one]
        two_rps = [r["rps"] for r in two]
        ratios = [b / a for a, b in zip(one_rps, two_rps, strict=True)]
        print(
            f"  one server:  {statistics.median(one_rps):.0f} req/s (p99 {statistics.median(r['p99'] for r in one):.1f} ms)"
        )
        print(
            f"  two servers: {statistics.median(two_rps):.0f} req/s (p99 {statistics.median(r['p99'] for r in two):.1f} ms)"
        )
        print(
            f"  two / one: {statistics.median(ratios):.2f} (spread {spread(ratios)}); "
            f"on one machine both servers share its {os.cpu_count()} cores"
        )

    print(
        f"\nNormal visitors on the topic page while {SLOW_CLIENTS} clients send their headers "
        f"and {SLOW_CLIENTS} a POST body a byte every 0.5 s:"
    )
    for label, result in slow.items():
        print(f"  {label:<32} {result['rps']:>7.0f} req/s, p99 {result['p99']:.1f} ms, {result['timeouts']} timeouts")

    print(f"\nSQL queries, topic page: {figures['queries_uncached']} uncached, {figures['queries_cached']} cached")
    print(
        f"Topic page weight: HTML {figures['html_kb']:.1f} KB + CSS {figures['css_kb']:.1f} KB = "
        f"{figures['html_kb'] + figures['css_kb']:.1f} KB uncompressed"
    )
    print(
        f"Handout PDF of a topic page: {figures['pdf_ms']:.0f} ms median of 5 (first {figures['pdf_ms_first']:.0f} ms)"
    )
    if not args.no_results:
        # Content at 10x and 100x, 500 PDFs, then a million quiz attempts (scale.py runs quiz_results.py).
        print(flush=True)
        subprocess.run([sys.executable, str(Path(__file__).with_name("scale.py"))], check=True)


if __name__ == "__main__":
    main()

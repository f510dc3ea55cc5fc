"""Slow clients cannot hold the portal (issues 10 and 20): README's production set-up puts nginx in front.

Gunicorn gives each connection a worker (a thread with omsportal/gunicorn.py): 2 slow clients stopped 2
sync workers, and 40 left the threaded 2 x 16 set-up answering 1 family request in 6. nginx reads every
request whole first (deploy/nginx.conf), so here 40 clients trickling their headers and 40 trickling a
POST's body hold their connections while families read and vote as usual. The server is deploy/serve.py,
started as README says (bench.server.ProductionServer); nginx runs in the server's own folder.
`bench/run.py` measures the same against gunicorn alone. nginx also tells the portal who the client is:
an address a client writes into X-Forwarded-For itself counts for nothing (omsportal/proxy.py).
"""

import urllib.error
import urllib.request

import pytest

from bench.clients import SAME_ORIGIN, Client, SlowClients
from bench.server import ProductionServer

pytestmark = pytest.mark.xdist_group("slow-clients")
SLOW = 40  # of each kind


@pytest.fixture(scope="module")
def production():
    with ProductionServer(extra_env={"DJANGO_FORM_RATE": "4/m"}) as server:
        yield server


def test_families_are_served_while_slow_clients_hold_connections_open(production):
    pages = ["/", "/topics/symptoms/", "/topics/treatment/", "/help/", "/es/help/", "/es/topics/symptoms/"]
    with SlowClients(production.port, headers=SLOW, bodies=SLOW) as slow:
        for _ in range(5):
            for path in pages:
                request = urllib.request.Request(production.url + path, headers={"Host": "127.0.0.1"})
                with urllib.request.urlopen(request, timeout=10) as response:
                    assert response.status == 200, path
        family = Client(production.port)
        status, _ = family.request("POST", "/topics/symptoms/vote/", "helpful=yes")
        assert status == 303  # a family's one-tap vote goes through, whole
        assert slow.still_open() == 2 * SLOW  # all the while, every slow client was still being waited for


def test_an_address_a_client_forges_in_x_forwarded_for_does_not_escape_the_rate_limit(production):
    codes = []
    for number in range(12):  # each worker counts its own posts: 4 a minute each, 2 workers
        request = urllib.request.Request(
            production.url + "/topics/treatment/vote/",
            data=b"helpful=no",
            headers={**SAME_ORIGIN, "Host": "127.0.0.1", "X-Forwarded-For": f"203.0.113.{number}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                codes.append(response.status)
        except urllib.error.HTTPError as error:
            codes.append(error.code)
    # nginx appends the address it was reached from; the portal counts that one, not the forged ones.
    assert codes[0] == 200 and codes.count(429) >= len(codes) - 8, codes

"""One-tap votes from one address: the rate limit holds across worker processes and across servers.

Each test starts real gunicorns (2 workers each) with the limit on and stops
them. The rate is 30 an hour, so the test cannot straddle two windows.
"""

import os
import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.clients import Client
from bench.server import PortalServer, RedisServer

pytestmark = pytest.mark.xdist_group("vote-limit")

VOTES = 150
RATE = {"DJANGO_RATELIMIT": "true", "DJANGO_FORM_RATE": "30/h"}


def votes(ports, count=VOTES, threads=6):
    """`count` votes from one address, spread over `threads` connections and the servers at `ports`."""

    def one(index):
        client = Client(ports[index % len(ports)])
        status, _body = client.request("POST", "/topics/symptoms/vote/", client.encode({"helpful": "yes"}))
        client.close()
        return status

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(one, range(count)))


def stored_votes(server):
    with sqlite3.connect(server.database) as db:
        return db.execute("SELECT COUNT(*) FROM condition_pagefeedback").fetchone()[0]


def test_the_vote_limit_holds_across_the_workers_of_one_server():
    with PortalServer(workers=2, extra_env=RATE) as server:
        statuses = votes([server.port])
        assert statuses.count(303) == 30 and statuses.count(429) == VOTES - 30, sorted(set(statuses))
        assert stored_votes(server) == 30
        assert "Traceback" not in server.log()


def test_the_vote_limit_holds_across_servers_sharing_a_cache():
    try:
        redis = RedisServer().start()
    except (FileNotFoundError, RuntimeError) as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"This test needs Redis: {error}")
        pytest.skip(f"This test needs Redis: {error}")
    try:
        shared = {**RATE, "DJANGO_CACHE_URL": redis.url}
        with PortalServer(workers=2, extra_env=shared) as first, PortalServer(workers=2, extra_env=shared) as second:
            statuses = votes([first.port, second.port])
            assert statuses.count(303) == 30 and statuses.count(429) == VOTES - 30, sorted(set(statuses))
            assert stored_votes(first) + stored_votes(second) == 30
    finally:
        redis.stop()

"""Many families at once against a real gunicorn with SQLite in WAL mode: nothing lost, nothing locked."""

import random
import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.clients import Client
from bench.server import PortalServer

# Its tests share the servers of one module fixture: make test's workers (xdist) keep them on one.
pytestmark = pytest.mark.xdist_group("concurrency")

CLIENTS = 8
POSTS_PER_CLIENT = 250  # 8 x 250 = 2,000 posts: half quiz attempts, half feedback


@pytest.fixture(scope="module")
def server():
    with PortalServer(workers=3, extra_env={"DJANGO_RATELIMIT": "false"}) as server:
        yield server


def family(port, seed):
    rng = random.Random(seed)
    client = Client(port)
    choices = client.quiz_form()
    feedback_token = client.feedback_token()
    statuses = []
    for index in range(POSTS_PER_CLIENT):
        if index % 2 == 0:
            data = {name: rng.choice(ids) for name, ids in choices.items()}
            data.update(seed="1")
            statuses.append(client.request("POST", "/quiz/oms-basics/", client.encode(data))[0])
        else:
            data = {
                "helpful": rng.choice(["yes", "no"]),
                "comment": f"client {seed} post {index}",
                "csrfmiddlewaretoken": feedback_token,
            }
            statuses.append(client.request("POST", "/topics/symptoms/feedback/", client.encode(data))[0])
    client.close()
    return statuses


def test_two_thousand_concurrent_posts_are_all_stored(server):
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(family, [server.port] * CLIENTS, range(CLIENTS)))
    statuses = [status for result in results for status in result]
    assert len(statuses) == CLIENTS * POSTS_PER_CLIENT == 2000
    assert set(statuses) == {302}
    with sqlite3.connect(server.database) as db:
        attempts = db.execute("SELECT COUNT(*) FROM quizzes_attempt").fetchone()[0]
        answers = db.execute("SELECT COUNT(*) FROM quizzes_answer").fetchone()[0]
        feedback = db.execute("SELECT COUNT(*) FROM condition_pagefeedback").fetchone()[0]
        questions = db.execute(  # the English quiz's (the Spanish one has as many of its own)
            "SELECT COUNT(*) FROM quizzes_question q JOIN quizzes_quiz z ON q.quiz_id = z.id WHERE z.language = 'en'"
        ).fetchone()[0]
        journal = db.execute("PRAGMA journal_mode").fetchone()[0]
    assert attempts == 1000
    assert answers == 1000 * questions
    assert feedback == 1000
    assert journal == "wal"
    log = server.log()
    assert "database is locked" not in log and "Traceback" not in log

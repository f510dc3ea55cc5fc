"""Production gunicorn settings: deploy/serve.py runs `gunicorn omsportal.wsgi -c python:omsportal.gunicorn`
on 127.0.0.1, behind nginx (README: Production).

nginx in front (deploy/nginx.conf) reads each request whole and sends each
answer on, so slow clients wait in nginx and never hold a worker: with 40
clients trickling their headers and 40 a POST's body, gunicorn alone answered
no new connection and the set-up behind nginx about a thousand a second
(bench/run.py prints it; tests/omsportal/test_slow_clients.py holds it).
Threaded workers (gthread) still let a worker answer several requests at once
(a slow PDF does not hold up the pages behind it). Each thread may hold a
database connection: keep workers x threads x app servers under PostgreSQL's
max_connections. GUNICORN_WORKERS / GUNICORN_THREADS or gunicorn's own options
change them.
"""

import os

worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "16"))
# A safety net against slow leaks in libraries: each worker is replaced after
# about 2,000 requests, at staggered times so they never restart together.
max_requests = 2000
max_requests_jitter = 200
# A request that takes longer than this is cut off rather than holding a thread.
timeout = 30

"""Production gunicorn settings: `gunicorn omsportal.wsgi -c python:omsportal.gunicorn` (README).

Threaded workers (gthread): a slow client holds one thread, not a whole
worker, so a few slow connections cannot stop everyone else being served
(with 2 sync workers, 2 slow clients took the site down, issue 10). A
buffering proxy in front (nginx buffers requests and responses by default)
remains the defence against many of them. On this 2-core machine, 2
workers x 8 threads still stopped answering under 8 slow clients, 2 x 16 did
not (bench/run.py prints it). Each thread may hold a database connection:
keep workers x threads x app servers under PostgreSQL's max_connections.
GUNICORN_WORKERS / GUNICORN_THREADS or gunicorn's own options change them.
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

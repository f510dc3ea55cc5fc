"""One writer at a time on SQLite, queued by the operating system.

SQLite allows a single writer. Writers that find it busy poll with growing
sleeps (up to 100 ms each), so under load a few wait far longer than the
rest. Taking an exclusive file lock first queues writers in the kernel and
wakes the next one as soon as the lock is free. PostgreSQL needs none of this.
"""

import fcntl
from contextlib import contextmanager

from django.db import connections


@contextmanager
def queued_write(using="default"):
    connection = connections[using]
    name = str(connection.settings_dict["NAME"])
    if connection.vendor != "sqlite" or connection.is_in_memory_db() or not name:
        yield
        return
    with open(f"{name}.write-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)

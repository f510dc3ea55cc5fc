"""Rate-limit counters every worker process of one machine shares, without a cache server.

django-ratelimit counts with `add` then `incr`. A per-process memory cache
counted each worker apart (150 votes from one address stored 44, 30 a minute
per worker), and Django's file cache does both as a read then a write, so two
workers could count the same post once. Here both run under an exclusive lock
on a file in the counters' folder, so every post is counted once, whichever
worker takes it. With DJANGO_CACHE_URL the counters live in Redis instead,
whose increments are atomic across servers.
"""

import contextlib
import fcntl
import os

from django.core.cache.backends.base import DEFAULT_TIMEOUT

from omsportal.caches import FileCache


class CounterFileCache(FileCache):
    LOCK_NAME = "counters.lock"

    @contextlib.contextmanager
    def _locked(self):
        try:
            self._createdir()
            handle = open(os.path.join(self._dir, self.LOCK_NAME), "a")  # noqa: SIM115 - closed below
        except OSError as error:  # an unwritable folder: the calls below fail soft too
            self._failed("lock", error)
            yield
            return
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._locked():
            return super().incr(key, delta, version)

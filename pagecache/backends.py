"""Cache backends that never take a page down.

The cache only saves work: when its folder is unwritable or full, or Redis is
away, every call fails soft (a miss, nothing kept, no lock, no counter) and
the failure is logged, at most once a minute per cache and operation.
Rate limits then fail open (RATELIMIT_FAIL_OPEN): django-ratelimit reads a
failed counter as "unknown" and lets the post through.

A Redis that hangs costs each call its whole timeout (0.5 s), and a page makes
several (a PDF or the quiz more), so after one failed call each process stops
asking that Redis for a while (a circuit breaker, `retry_after` seconds, shared
by the page cache and the rate-limit counters on the same server): pages are
served uncached at their uncached speed. Then one call tries Redis again; when
it answers, the cache is used again. Each trip and each return is logged once.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)
LOG_EVERY = 60  # seconds
RETRY_AFTER = 10  # seconds without asking a Redis that failed, unless OPTIONS["retry_after"] says otherwise
_now = time.monotonic  # the breakers' clock (tests move it on)


class BestEffortMixin:
    _last_logged = None

    def _ready(self):
        """Whether to ask the cache at all (see SharedRedisCache)."""
        return True

    def _answered(self):
        """A call reached the cache and it answered."""

    def _failed(self, operation, error):
        if self._last_logged is None:
            self._last_logged = {}
        now = time.monotonic()
        if now - self._last_logged.get(operation, -LOG_EVERY) >= LOG_EVERY:
            self._last_logged[operation] = now
            log.error("cache %s failed (%s: %s); serving without the cache", operation, type(error).__name__, error)

    def _call(self, operation, call, default):
        if not self._ready():
            return default
        try:
            result = call()
        except Exception as error:
            self._failed(operation, error)
            return default
        self._answered()
        return result

    def get(self, key, default=None, version=None):
        parent = super()
        return self._call("get", lambda: parent.get(key, default, version), default)

    def get_many(self, keys, version=None):
        parent = super()
        return self._call("get", lambda: parent.get_many(keys, version), {})

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        parent = super()
        return self._call("set", lambda: parent.set(key, value, timeout, version), None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        parent = super()
        return self._call("set", lambda: parent.set_many(data, timeout, version), list(data))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        parent = super()
        return self._call("add", lambda: parent.add(key, value, timeout, version), False)

    def incr(self, key, delta=1, version=None):
        # What Django's backends raise for a missing key: callers treat it as "no counter".
        if not self._ready():
            raise ValueError("cache unavailable")
        try:
            value = super().incr(key, delta, version)
        except ValueError:
            self._answered()  # no such counter: an answer
            raise
        except Exception as error:
            self._failed("incr", error)
            raise ValueError("cache unavailable") from error
        self._answered()
        return value

    def delete(self, key, version=None):
        parent = super()
        return self._call("delete", lambda: parent.delete(key, version), False)

    def has_key(self, key, version=None):
        parent = super()
        return self._call("get", lambda: parent.has_key(key, version), False)

    def clear(self):
        parent = super()
        return self._call("clear", parent.clear, None)


class CircuitBreaker:
    """After a failure, calls are skipped for `retry_after` seconds; then one call tries again.

    While that one call is out, the others keep skipping; if it fails, the wait
    starts again. One per process and server, shared by its threads.
    """

    def __init__(self, name, retry_after):
        self.name, self.retry_after = name, retry_after
        self._lock = threading.Lock()
        self._open_until = 0.0  # 0: closed, every call goes through
        self._trying = False

    def allows(self):
        if not self._open_until:
            return True
        with self._lock:
            if not self._open_until:
                return True
            if self._trying or _now() < self._open_until:
                return False
            self._trying = True
            return True

    def answered(self):
        if not self._open_until:
            return
        with self._lock:
            if self._open_until:
                self._open_until, self._trying = 0.0, False
                log.warning("cache %s answers again; using it", self.name)

    def failed(self, operation, error):
        with self._lock:
            tripped = not self._open_until
            self._open_until, self._trying = _now() + self.retry_after, False
        if tripped:
            log.error(
                "cache %s: %s failed (%s: %s): not asked again for %s s; serving without the cache",
                self.name,
                operation,
                type(error).__name__,
                error,
                self.retry_after,
            )


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(name, retry_after):
    """The one breaker of this process for the server `name`."""
    with _breakers_lock:
        if name not in _breakers:
            _breakers[name] = CircuitBreaker(name, retry_after)
        return _breakers[name]


class FileCache(BestEffortMixin, FileBasedCache):
    """The default: a folder shared by the workers of one machine."""

    def _createdir(self):
        try:
            super()._createdir()
        except OSError as error:  # the folder cannot be made: every write fails soft later
            self._failed("set", error)


class SharedRedisCache(BestEffortMixin, RedisCache):
    """DJANGO_CACHE_URL: Django's own Redis cache, shared by every app server, behind a circuit breaker."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        retry_after = options.pop("retry_after", RETRY_AFTER)  # ours, not a Redis connection option
        super().__init__(server, {**params, "OPTIONS": options})
        self._breaker = breaker_for(",".join(self._servers), retry_after)

    def _ready(self):
        return self._breaker.allows()

    def _answered(self):
        self._breaker.answered()

    def _failed(self, operation, error):
        self._breaker.failed(operation, error)


class LocalMemoryCache(BestEffortMixin, LocMemCache):
    """Per-process rate-limit counters when there is no shared cache."""

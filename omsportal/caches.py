"""Cache backends that never take a page down (issue 10).

The cache only saves work: when its folder is unwritable or full, or Redis is
away, every call fails soft (a miss, nothing kept, no lock, no counter) and
the failure is logged, at most once a minute per cache and operation.
Rate limits then fail open (RATELIMIT_FAIL_OPEN): django-ratelimit reads a
failed counter as "unknown" and lets the post through.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)
LOG_EVERY = 60  # seconds


class BestEffortMixin:
    _last_logged = None

    def _failed(self, operation, error):
        if self._last_logged is None:
            self._last_logged = {}
        now = time.monotonic()
        if now - self._last_logged.get(operation, -LOG_EVERY) >= LOG_EVERY:
            self._last_logged[operation] = now
            log.error("cache %s failed (%s: %s); serving without the cache", operation, type(error).__name__, error)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except Exception as error:
            self._failed("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except Exception as error:
            self._failed("get", error)
            return {}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except Exception as error:
            self._failed("set", error)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except Exception as error:
            self._failed("add", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except ValueError:
            raise
        except Exception as error:
            self._failed("incr", error)
            # What Django's backends raise for a missing key: callers treat it as "no counter".
            raise ValueError("cache unavailable") from error

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except Exception as error:
            self._failed("delete", error)
            return False

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except Exception as error:
            self._failed("get", error)
            return False

    def clear(self):
        try:
            return super().clear()
        except Exception as error:
            self._failed("clear", error)


class FileCache(BestEffortMixin, FileBasedCache):
    """The default: a folder shared by the workers of one machine."""

    def _createdir(self):
        try:
            super()._createdir()
        except OSError as error:  # the folder cannot be made: every write fails soft later
            self._failed("set", error)


class SharedRedisCache(BestEffortMixin, RedisCache):
    """DJANGO_CACHE_URL: Django's own Redis cache, shared by every app server."""


class LocalMemoryCache(BestEffortMixin, LocMemCache):
    """Per-process rate-limit counters when there is no shared cache."""

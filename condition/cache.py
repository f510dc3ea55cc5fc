"""One number that changes whenever staff save content.

Cached page fragments, ETags and handout PDFs include it, so a publish or an
edit is visible to families at once, in every worker process (the cache is
shared: see CACHES in settings).
"""

import time

from django.core.cache import cache

KEY = "content-version"


def content_version():
    version = cache.get(KEY)
    if version is None:
        version = bump_content_version()
    return version


def bump_content_version(**kwargs):
    # A time-based value never repeats after a cache restart, unlike a counter.
    version = time.time_ns()
    cache.set(KEY, version, None)
    return version

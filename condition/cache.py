"""Cheap repeat visits to public pages, dropped the moment staff change content.

One number, the content version, changes whenever staff save anything that a
family can see (condition.signals). Cached pages, ETags, the quiz and handout
PDFs include it in their keys, so a publish or an edit shows at once in every
worker process. The version is the modification time of one small file
(CONTENT_VERSION_FILE): reading it is a single stat() call, and every worker
on the machine sees a change at once, like the file-based page cache itself.
"""

import functools
import hashlib
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

PAGE_TTL = 60 * 60 * 24
# Part of every key: change it when the shape of a cached value changes, so a
# deploy never reads what older code wrote. Migrations also bump the content
# version (condition.signals), so cached model objects never outlive a schema.
FORMAT = 2
CACHE_CONTROL = "public, no-cache"  # the same for everyone; browsers and proxies revalidate


def content_version():
    try:
        return os.stat(settings.CONTENT_VERSION_FILE).st_mtime_ns
    except FileNotFoundError:
        return bump_content_version()


def bump_content_version(**kwargs):
    path = Path(settings.CONTENT_VERSION_FILE)
    try:
        previous = _mtime(path)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
        previous = 0
    # Set the time explicitly, always forward: a plain touch may be rounded.
    version = max(time.time_ns(), previous + 1)
    os.utime(path, ns=(version, version))
    return version


def _mtime(path):
    return os.stat(path).st_mtime_ns


# This process's copy of recently served pages. Keys hold the content version,
# so an entry is never stale; it only saves reading the shared cache.
_local = {}
LOCAL_MAX = 256


def _remember(key, value):
    if len(_local) >= LOCAL_MAX:
        _local.clear()
    _local[key] = value


def versioned(key, build, *, ttl=PAGE_TTL):
    """The value for `key`, which must include the content version.

    From this process's copy, else the shared cache, else `build()`; as the key
    changes with every content change, no copy is ever stale. When `build()`
    returns None nothing is kept, and None is returned.
    """
    key = f"{FORMAT}:{key}"
    value = _local.get(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = build()
            if value is None:
                return None
            cache.set(key, value, ttl)
        _remember(key, value)
    return value


def public_page(view=None, *, params=()):
    """Cache a public GET page whole and answer revalidation with 304.

    Public pages hold nothing specific to a visitor (no form tokens), so one
    rendering serves everyone until staff change content. The day is part of
    the key because handouts print today's date. Only the query parameters
    named in `params` make a different page; any others are ignored, so odd
    query strings cannot fill the cache.
    """
    if view is None:
        return functools.partial(public_page, params=params)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        version = content_version()
        query = "&".join(f"{name}={request.GET.get(name, '')}" for name in params)
        key = f"page:{version}:{timezone.localdate()}:{request.path}?{query}"
        not_kept = []

        def render():
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if response.status_code != 200:
                not_kept.append(response)
                return None
            etag = '"' + hashlib.blake2b(key.encode(), digest_size=12).hexdigest() + '"'
            modified = version // 1_000_000_000
            return (response.content, response["Content-Type"], etag, modified, http_date(modified))

        entry = versioned(key, render)
        if entry is None:
            return not_kept[0]
        content, content_type, etag, modified, last_modified = entry
        response = HttpResponse(content, content_type=content_type)
        response["ETag"] = etag
        response["Last-Modified"] = last_modified
        response["Cache-Control"] = CACHE_CONTROL
        if "If-None-Match" in request.headers or "If-Modified-Since" in request.headers:
            # If-None-Match first, then If-Modified-Since, as HTTP says: 304 when nothing changed.
            return get_conditional_response(request, etag=etag, last_modified=modified, response=response)
        return response

    return wrapper

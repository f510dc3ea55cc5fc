"""Cheap repeat visits to public pages, dropped the moment staff change content.

One number, the content version, changes whenever staff save anything that a
family can see (condition.signals). Cached pages, ETags and handout PDFs
include it, so a publish or an edit shows at once in every worker process
(the default cache is shared between workers: see CACHES in settings).
"""

import functools
import hashlib
import time

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_etags

KEY = "content-version"
PAGE_TTL = 60 * 60 * 24


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


# This process's copy of recently served pages. Keys hold the content version,
# so an entry can never be stale; it only saves reading the shared cache.
_local = {}
LOCAL_MAX = 256


def _remember(key, value):
    if len(_local) >= LOCAL_MAX:
        _local.clear()
    _local[key] = value


def public_page(view):
    """Cache a public GET page whole, answer revalidation with 304.

    Public pages hold nothing specific to a visitor (no form tokens), so one
    rendering serves everyone until staff change content.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        version = content_version()
        # The day is part of it: handouts print today's date.
        identity = f"{version}:{timezone.localdate()}:{request.get_full_path()}".encode()
        etag = '"' + hashlib.blake2b(identity, digest_size=12).hexdigest() + '"'
        last_modified = http_date(version // 1_000_000_000)
        if etag in parse_etags(request.headers.get("If-None-Match", "")):
            response = HttpResponseNotModified()
            _validators(response, etag, last_modified)
            return response
        key = "page:" + hashlib.blake2b(identity, digest_size=16).hexdigest()
        cached = _local.get(key) or cache.get(key)
        if cached is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if response.status_code != 200:
                return response
            cached = (response.content, response.get("Content-Type"))
            cache.set(key, cached, PAGE_TTL)
        _remember(key, cached)
        content, content_type = cached
        response = HttpResponse(content, content_type=content_type)
        _validators(response, etag, last_modified)
        return response

    return wrapper


def _validators(response, etag, last_modified):
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    # Browsers (and proxies: the page is the same for everyone) keep the page
    # but ask each time; the answer is usually a 304.
    patch_cache_control(response, public=True, no_cache=True)

"""Cheap repeat visits to public pages, dropped the moment staff change content.

One number, the content version, changes whenever staff save anything that a
family can see (condition.signals). Cached pages, ETags, the quiz and handout
PDFs include it in their keys, so a publish or an edit shows at once on every
app server. The version is one row in the database (ContentVersion), read once
per request: every server reads the same database, so none can serve a page
older than the last commit, whatever its own cache holds. It is bumped after
the edit's transaction commits, never before (a request in between would
cache the old text under the new number).

Every key is made by `versioned()` (or, for a value worked out from text alone, `of_text()`) and nothing else. The cache itself is best effort (pagecache.backends): when it is down or full,
pages are built and served uncached, and the failure is logged.

PublicPageMiddleware answers a cached public page near the top of the stack,
with the headers the rest of the stack gave it when it was built, and with
gzip and brotli copies made once per version.
"""

import functools
import gzip
import hashlib
import logging
import os
import random
import time
from pathlib import Path

import brotli
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.http import HttpResponse
from django.http.response import ResponseHeaders
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_http_methods

from pagecache import lastgood

log = logging.getLogger(__name__)

PAGE_TTL = 60 * 60 * 24


def _build_id():
    """A fingerprint of the code, templates and static files this server runs.

    Part of every key, so a deploy that changes a template, a stylesheet or
    /sw.js never serves pages an older build made (their HTML names the older
    hashed CSS). Every server running the same release computes the same id.
    DJANGO_BUILD_ID (e.g. the git commit) replaces it where reading the files
    at start-up is not wanted.
    """
    given = os.environ.get("DJANGO_BUILD_ID", "").strip()
    if given:
        return given
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    # locale/: a changed translation changes the pages too.
    for folder in ("templates", "static", "pagecache", "condition", "quizzes", "omsportal", "accounts", "locale"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".css", ".js", ".svg", ".png", ".webp", ".jpg", ".po", ".mo"}:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# Part of every key: a deploy never reads what older code wrote (the format of
# a cached value, or pages older templates made). Migrations also bump the
# content version (condition.signals), so cached model objects never outlive a schema.
FORMAT = f"4-{_build_id()}"
CACHE_CONTROL = "public, no-cache"  # the same for everyone; browsers and proxies revalidate
# One build per key at a time: others wait up to WAIT seconds for it, then build themselves.
LOCK_TTL = 30
WAIT = 5.0
POLL = 0.05


# --- The content version ------------------------------------------------------


def content_version(request=None, *, using=DEFAULT_DB_ALIAS):
    """The current content version: microseconds since the epoch of the last change, or later.

    Read from the database (one primary-key SELECT), once per request when
    `request` is given. Always moves forward, also when the row is re-created.
    """
    if request is not None:
        version = getattr(request, "_content_version", None)
        if version is not None:
            return version
    row = _read_version(connections[using])
    version = row[0] if row else _bump(using)
    if request is not None:
        request._content_version = version
    return version


VERSION_SQL = "SELECT version FROM condition_contentversion WHERE id = 1"
# The one-row model behind VERSION_SQL. Named, not imported: this package imports nothing of the project.
CONTENT_VERSION_MODEL = "condition.ContentVersion"


def _read_version(connection):
    if connection.queries_logged:  # DEBUG, or a test counting queries: Django's logged cursor
        with connection.cursor() as cursor:
            cursor.execute(VERSION_SQL)
            return cursor.fetchone()
    # The driver's own cursor: the same query at a third of the cost on every
    # cached page. Errors still become Django's and mark the connection for
    # closing, as with Django's cursor.
    connection.ensure_connection()
    with connection.wrap_database_errors:
        cursor = connection.connection.cursor()
        try:
            cursor.execute(VERSION_SQL)
            return cursor.fetchone()
        finally:
            cursor.close()


def _now_us():
    return time.time_ns() // 1000


def _bump(using=DEFAULT_DB_ALIAS):
    ContentVersion = apps.get_model(*CONTENT_VERSION_MODEL.split("."))

    now = _now_us()
    versions = ContentVersion.objects.using(using)
    if not versions.filter(pk=1).update(version=Greatest(F("version") + 1, Value(now))):
        versions.get_or_create(pk=1, defaults={"version": now})
    return versions.values_list("version", flat=True).get(pk=1)


# The seam tests replace, as their transactions never commit (tests/conftest.py).
on_commit = transaction.on_commit


def bump_content_version(sender=None, *, using=None, **kwargs):
    """After the current transaction commits (at once outside one), move the content version on."""
    using = using or DEFAULT_DB_ALIAS
    on_commit(functools.partial(_bump, using), using=using)


def bump_after_migrate(sender=None, *, using=None, **kwargs):
    """A new schema may not read objects cached before it."""
    try:
        _bump(using or DEFAULT_DB_ALIAS)
    except DatabaseError:  # condition's own tables not migrated (yet, or any more)
        log.info("content version not bumped after migrate: its table is missing")


# --- The shared cache, one build at a time ----------------------------------------

# This process's copy of recently served values. Keys hold the content version,
# so an entry is never stale; it only saves reading the shared cache.
_local = {}
LOCAL_MAX = 256


def _remember(key, value, store, most):
    """`value` in this process's `store`, emptied first when it holds `most`."""
    if len(store) >= most:
        store.clear()
    store[key] = value


def _check_key(key):
    if not key.startswith(f"{FORMAT}:"):
        raise ValueError(f"Cache keys come from versioned(), not by hand: {key!r}")


# Values anyone can ask for endlessly many different ones of (a search's words): this process's only.
_here = {}
HERE_MAX = 512


def cached_here(key, build):
    """The value for `key` (from `versioned()`), kept in this process only, never in the shared cache.

    For values a visitor chooses the key of: a flood of different searches then costs each process at
    most HERE_MAX entries and never pushes cached pages out of the shared cache.
    """
    _check_key(key)
    value = _here.get(key)
    if value is None:
        value = build()
        _remember(key, value, _here, HERE_MAX)
    return value


def versioned(*parts, request=None, version=None):
    """The one way to build a cache key (or a name that must change with content): FORMAT, version, parts.

    FORMAT holds the build id, so a deploy never reads what older code wrote;
    the content version (read once per `request`, or the `version` read before
    rendering) makes the key change the moment staff change content.
    """
    version = content_version(request) if version is None else version
    return ":".join([FORMAT, str(version), *(str(part) for part in parts)])


def of_text(name, *texts):
    """The key for a value worked out from `texts` alone (a page's reading grade): FORMAT, name, their digest.

    Unlike `versioned()` keys it outlives content changes that leave the texts as
    they were, so an edit costs only the values whose own text changed.
    """
    digest = hashlib.blake2b("\0".join(texts).encode(), digest_size=16).hexdigest()
    return ":".join([FORMAT, "text", name, digest])


# A stored None: "worked out, and there is nothing" (get_many leaves missing keys out).
_NOTHING = "-"


def cached_many(keys, build, *, ttl=PAGE_TTL):
    """{item: value} for `keys` ({item: key from of_text()}): one read of the shared cache, `build(item)`
    for each item it lacks, one write of those."""
    found = cache.get_many(list(set(keys.values())))
    values, built = {}, {}
    for item, key in keys.items():
        if key in found:
            values[item] = None if found[key] == _NOTHING else found[key]
        else:
            values[item] = build(item)
            built[key] = _NOTHING if values[item] is None else values[item]
    if built:
        cache.set_many(built, ttl)
    return values


def cached(key, build, *, ttl=PAGE_TTL):
    """The value for `key` (from `versioned()`): never stale, as the key changes with every content change.

    From this process's copy, else the shared cache, else `build()`. Only one
    process builds a key at a time; the others wait for its result (at most
    WAIT seconds, then build themselves). When `build()` returns None nothing
    is kept, and None is returned.
    """
    _check_key(key)
    value = _local.get(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = _build_once(key, build, ttl)
            if value is None:
                return None
        _remember(key, value, _local, LOCAL_MAX)
    return value


def _build_once(key, build, ttl):
    lock = f"building:{key}"
    if cache.add(lock, 1, LOCK_TTL):
        try:
            value = build()
            if value is not None:
                cache.set(key, value, ttl)
            return value
        finally:
            cache.delete(lock)
    # Someone else is building it. A cache that is down has no lock to wait for.
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline and cache.get(lock) is not None:
        time.sleep(POLL)
        value = cache.get(key)
        if value is not None:
            return value
    value = cache.get(key)
    if value is not None:
        return value
    log.info("building %s without the lock (waited %.1f s or the cache is down)", key, WAIT)
    value = build()
    if value is not None:
        cache.set(key, value, ttl)
    return value


# --- Public pages -------------------------------------------------------------------


def public_page(view=None, *, params=(), variants=1, methods=("GET", "HEAD")):
    """Mark a public GET page that PublicPageMiddleware caches whole.

    Public pages hold nothing specific to a visitor (no form tokens), so one
    rendering serves everyone until staff change content. Only the query
    parameters named in `params` make a different page; any others are
    ignored, so odd query strings cannot fill the cache. With `variants`, the
    page comes in that many versions (the quiz's choice orders): each request
    gets one at random, and the view reads which from `page_variant(request)`.
    `methods` beyond GET and HEAD (the quiz's POST) reach the view uncached;
    any other method gets 405.
    """
    if view is None:
        return functools.partial(public_page, params=params, variants=variants, methods=methods)
    wrapper = require_http_methods(list(methods))(view)
    # (name, allowed values or None for any) pairs; the middleware keys the page on them.
    params = tuple(params.items()) if isinstance(params, dict) else tuple((p, None) for p in params)
    wrapper.public_page = (params, variants)
    return wrapper


def pick_variant(variants):
    """One of a page's `variants` at random (the seam tests replace to get the same one each time)."""
    return random.randrange(variants)


def page_variant(request, variants):
    """Which of a public page's `variants` this request shows: the middleware's pick, else one at random."""
    variant = getattr(request, "_page_variant", None)
    return variant if variant is not None else pick_variant(variants)


def page_key(request, params, variant, host):
    """The day is part of the key because handouts print today's date.

    A parameter's value outside its allowed values counts as missing (the view
    falls back to its default too), so odd query strings cannot fill the cache.
    Without DJANGO_SITE_URL, printed addresses and QR codes come from the
    request's host, so pages are kept per host (`host`: request.get_host(), which
    ALLOWED_HOSTS bounds).
    """
    query = "&".join(
        f"{name}={value if allowed is None or value in allowed else ''}"
        for name, allowed in params
        for value in [request.GET.get(name, "")]
    )
    host = "" if settings.SITE_URL else host
    return versioned("page", _today(), f"{host}{request.path}?{query}#{variant}", request=request)


_day = {"until": 0.0, "date": None}


def _today():
    """timezone.localdate(), worked out at most once a second (it costs more than the rest of a key)."""
    now = time.monotonic()
    if now >= _day["until"]:
        _day["date"] = timezone.localdate()
        _day["until"] = now + 1.0
    return _day["date"]


# Headers set per response from the entry, never stored with it.
_PER_RESPONSE = {"content-length", "etag", "last-modified", "cache-control", "vary", "content-encoding"}
COMPRESS_MIN = 512


def _storable(request, response):
    """A 200 that carries nothing for one visitor: no cookie, no CSRF token, no Vary on them."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in response.get("Cache-Control", "")  # e.g. a last good copy (pagecache.lastgood)
        and "Cookie" not in response.get("Vary", "")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
    )


def page_entry(key, response):
    """What is kept for a page: its headers, its body as is, gzipped and in brotli."""
    body = response.content
    bodies = {"identity": body}
    if len(body) >= COMPRESS_MIN and response.get("Content-Type", "").startswith("text/"):
        bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
        bodies["br"] = brotli.compress(body, quality=11 if len(body) < 64 * 1024 else 5)
    headers = [(name, value) for name, value in response.items() if name.lower() not in _PER_RESPONSE]
    etag = hashlib.blake2b(key.encode(), digest_size=12).hexdigest()
    return {"headers": headers, "bodies": bodies, "etag": etag}


def accepted_encoding(accept_encoding, available):
    """br, then gzip, when the client accepts it (q > 0); else the body as is."""
    if not accept_encoding or len(available) == 1:
        return "identity"
    weights = _accepted.get(accept_encoding)
    if weights is None:
        weights = _weights(accept_encoding)
        if len(_accepted) >= 64:  # browsers send a handful of distinct values
            _accepted.clear()
        _accepted[accept_encoding] = weights
    for encoding in ("br", "gzip"):
        if encoding in available and weights.get(encoding, weights.get("*", 0.0)) > 0:
            return encoding
    return "identity"


_accepted = {}


def _weights(accept_encoding):
    weights = {}
    for part in accept_encoding.lower().split(","):
        name, _, parameters = part.strip().partition(";")
        weight = 1.0
        parameters = parameters.replace(" ", "")
        if parameters.startswith("q="):
            try:
                weight = float(parameters[2:])
            except ValueError:
                weight = 0.0
        weights[name.strip()] = weight
    return weights


def _prepared_headers(entry, encoding, modified):
    """All headers of one encoding's response, as Django's ResponseHeaders stores them."""
    body = entry["bodies"][encoding]
    etag = f'"{entry["etag"]}"' if encoding == "identity" else f'"{entry["etag"]}-{encoding}"'
    headers = [
        *entry["headers"],
        ("ETag", etag),
        ("Last-Modified", http_date(modified)),
        ("Cache-Control", CACHE_CONTROL),
        ("Vary", "Accept-Encoding"),
        ("Content-Length", str(len(body))),
    ]
    if encoding != "identity":
        headers.append(("Content-Encoding", encoding))
    return etag, ResponseHeaders(dict(headers))._store


def page_response(request, entry, modified):
    encoding = accepted_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""), entry["bodies"])
    prepared = entry.setdefault("prepared", {})  # this process's copy only; never written back
    if encoding not in prepared:
        prepared[encoding] = _prepared_headers(entry, encoding, modified)
    etag, store = prepared[encoding]
    response = HttpResponse(entry["bodies"][encoding])
    # The stored headers were checked when the page was built; copying them whole
    # saves converting a dozen values again on every request.
    response.headers._store = dict(store)
    if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
        # If-None-Match first, then If-Modified-Since, as HTTP says: 304 when nothing changed.
        return get_conditional_response(request, etag=etag, last_modified=modified, response=response)
    return response


class PublicPageMiddleware:
    """Answer a cached public page before sessions, CSRF, auth, messages and CSP run.

    Sits right after SecurityMiddleware and WhiteNoise. On a miss the rest of the
    stack runs once (one build per page and version at a time) and the page is
    kept with every header it was given, so a cached answer carries the very
    security headers an uncached one does.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.routes = {}  # path -> (the page's params, its variants), or None for anything else

    def page(self, path):
        """Whether `path` is a public page (its query parameters and variants), resolved once per path."""
        try:
            return self.routes[path]
        except KeyError:
            pass
        try:
            page = getattr(resolve(path).func, "public_page", None)
        except Resolver404:
            page = None
        if len(self.routes) >= 1024:  # any path can be asked for: keep the memory bounded
            self.routes.clear()
        self.routes[path] = page
        return page

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        page = self.page(request.path_info)
        if page is None:
            return self.get_response(request)
        if lastgood.needs_rebuild(request.path):
            return self.get_response(request)  # the view answers, and makes the help page's copy again
        params, variants = page
        host = request.get_host()  # ALLOWED_HOSTS still applies (CommonMiddleware checks it further down): else 400
        request._page_variant = variant = pick_variant(variants) if variants > 1 else 0
        try:
            key = page_key(request, params, variant, host)
        except DatabaseError:
            # No version, no cache: the view answers (the help page from its last good copy).
            log.warning("Database error reading the content version for %s", request.path)
            return self.get_response(request)
        not_kept = []

        def build():
            response = self.get_response(request)
            if not _storable(request, response):
                not_kept.append(response)
                return None
            return page_entry(key, response)

        entry = cached(key, build)
        if entry is None:
            return not_kept[0]
        return page_response(request, entry, content_version(request) // 1_000_000)

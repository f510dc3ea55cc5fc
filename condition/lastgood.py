"""The help page keeps answering when the database is down.

Each app server keeps the last good copy of the page on its own disk
(LAST_GOOD_DIR), written whenever what it served changed. If the database
fails, families get that copy, with the clinic's numbers as they last were,
instead of an error. Staff see the failure in the log.

A copy is stored with its length and a checksum and checked before it is
served: an empty, cut-short or altered file is never served (the database
error then stands, as when there is no copy). A copy found missing or damaged,
or changed on disk since this process wrote it, is made again on the next
request that reaches the database: the page cache lets that request through to
the view (condition.cache.PublicPageMiddleware asks `needs_rebuild`).
"""

import functools
import hashlib
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse

logger = logging.getLogger(__name__)

MAGIC = b"oms-last-good"
# Per path: (checksum, os.stat signature) of the copy this process last wrote or checked: one write per change.
_written = {}
# Paths whose copy was missing or damaged when the database failed: made again at the next good answer.
_rebuild = set()


def _copy_path(request_path):
    name = hashlib.blake2b(request_path.encode(), digest_size=10).hexdigest()
    return Path(settings.LAST_GOOD_DIR) / f"{name}.html"


def _checksum(content):
    return hashlib.blake2b(content, digest_size=16).hexdigest()


def _signature(path):
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _checked(data):
    """(content, checksum) of a stored copy, or None when it is not whole: empty, cut short or altered."""
    header, newline, content = data.partition(b"\n")
    parts = header.split(b" ")
    if not newline or len(parts) != 3 or parts[0] != MAGIC or not parts[1].isdigit():
        return None
    checksum = parts[2].decode("ascii", "replace")
    if int(parts[1]) != len(content) or _checksum(content) != checksum:
        return None
    return content, checksum


def _read(request_path):
    """The copy's page, or None when there is none or it is damaged (logged)."""
    path = _copy_path(request_path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        logger.exception("Could not read the last good copy of %s", request_path)
        return None
    checked = _checked(data)
    if checked is None:
        logger.error("The last good copy of %s (%s) is damaged: not served", request_path, path)
        return None
    return checked[0]


def _keep(request_path, content):
    checksum = _checksum(content)
    path = _copy_path(request_path)
    if _written.get(request_path) == (checksum, _signature(path)):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside it, then rename: a reader never sees half a page.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(b"%s %d %s\n" % (MAGIC, len(content), checksum.encode()))
            handle.write(content)
        os.replace(handle.name, path)
    except OSError:
        logger.exception("Could not keep the last good copy of %s", request_path)
        return
    _written[request_path] = (checksum, _signature(path))
    _rebuild.discard(request_path)


def needs_rebuild(request_path):
    """Whether the copy of `request_path` must be made again before a cached page may answer instead.

    True after a database failure found it missing or damaged, and when the file this process wrote has
    changed on disk and is no longer whole. A whole copy another worker wrote since counts as good.
    """
    if request_path in _rebuild:
        return True
    written = _written.get(request_path)
    if written is None:
        return False
    path = _copy_path(request_path)
    signature = _signature(path)
    if signature == written[1]:
        return False
    try:
        checked = _checked(path.read_bytes())
    except OSError:
        checked = None
    if checked is None:
        _rebuild.add(request_path)
        return True
    _written[request_path] = (checked[1], signature)
    return False


def last_good_copy(view):
    """Serve `view`, keeping its last good 200; serve that copy when the database fails."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except DatabaseError:
            content = _read(request.path)
            if content is None:
                _rebuild.add(request.path)
                raise  # no whole copy: the database error stands
            logger.exception("Database error: serving the last good copy of %s", request.path)
            response = HttpResponse(content, content_type="text/html; charset=utf-8")
            response["Cache-Control"] = "no-store"
            return response
        if response.status_code == 200 and request.method == "GET" and not getattr(response, "streaming", False):
            _keep(request.path, response.content)
        return response

    return wrapper

"""The help page keeps answering when the database is down.

Each app server keeps the last good copy of the page on its own disk
(LAST_GOOD_DIR), written whenever what it served changed. If the database
fails, families get that copy, with the clinic's numbers as they last were,
instead of an error. Staff see the failure in the log.
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

# Digest of what this process last wrote per path: one write per change, not per request.
_written = {}


def _copy_path(request_path):
    name = hashlib.blake2b(request_path.encode(), digest_size=10).hexdigest()
    return Path(settings.LAST_GOOD_DIR) / f"{name}.html"


def _read(request_path):
    try:
        return _copy_path(request_path).read_bytes()
    except OSError:
        return None


def _keep(request_path, content):
    digest = hashlib.blake2b(content, digest_size=16).digest()
    if _written.get(request_path) == digest:
        return
    path = _copy_path(request_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside it, then rename: a reader never sees half a page.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(content)
        os.replace(handle.name, path)
    except OSError:
        logger.exception("Could not keep the last good copy of %s", request_path)
        return
    _written[request_path] = digest


def last_good_copy(view):
    """Serve `view`, keeping its last good 200; serve that copy when the database fails."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except DatabaseError:
            content = _read(request.path)
            if content is None:
                raise  # no copy yet: the database error stands
            logger.exception("Database error: serving the last good copy of %s", request.path)
            response = HttpResponse(content, content_type="text/html; charset=utf-8")
            response["Cache-Control"] = "no-store"
            return response
        if response.status_code == 200 and request.method == "GET" and not getattr(response, "streaming", False):
            _keep(request.path, response.content)
        return response

    return wrapper

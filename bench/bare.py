"""A truly bare Django project: no apps, no middleware, one view answering fixed bytes.

bench/run.py serves it on the same gunicorn and worker count as the portal,
with each path answering exactly the bytes (and content type) the portal gave
for it, so the ratio of the two is the portal's cost over Django's own limit.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse, HttpResponseNotFound
from django.urls import re_path

BODIES = {}
for meta in sorted(Path(os.environ["BENCH_BARE_BODIES"]).glob("*.meta")):
    path, content_type = meta.read_text().split("\n", 1)
    BODIES[path] = (content_type, meta.with_suffix(".body").read_bytes())


def page(request):
    found = BODIES.get(request.path)
    if found is None:
        return HttpResponse(b"ok") if request.path == "/" else HttpResponseNotFound()
    content_type, body = found
    return HttpResponse(body, content_type=content_type)


settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-bare-project-only-0123456789abcdefghijklmnopqrstuvwxyz",
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
)
urlpatterns = [re_path(r"", page)]
application = get_wsgi_application()

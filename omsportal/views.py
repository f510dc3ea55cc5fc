from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache


def form_rate(group, request):
    """Posts allowed per client address for the family forms (read at request time)."""
    return settings.FORM_RATE


ROBOTS = (
    "User-agent: *\nDisallow: /admin/\nDisallow: /quiz/\n"
    # PDFs are costly to make and say what the pages say (issue 11).
    "Disallow: /topics/*/handout.pdf\nDisallow: /conditions/*/handout.pdf\n"
)


def robots_txt(request):
    """Search engines may list the topic pages, not the admin or quiz results."""
    return HttpResponse(ROBOTS, content_type="text/plain")


def favicon(request):
    return redirect(static("favicon.svg"), permanent=True)


def rate_limited(request, exception):
    """Shown when a family form is posted too often from one address."""
    return render(request, "429.html", status=429)


@never_cache
def healthz(request):
    """For a load balancer: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def csrf_failure(request, reason=""):
    """A family form sent without a valid token: say how to fix it, store nothing."""
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponse(
        "<!doctype html><html lang='en'><title>Something went wrong</title>"
        "<h1>Something went wrong</h1><p>Please try again in a few minutes.</p></html>",
        status=500,
    )


_BARE_BODIES = {}


def bench_bare(request, size):
    """Only with DJANGO_BENCH=true: Django's own limit on this machine, for bench/run.py."""
    body = _BARE_BODIES.setdefault(size, b"x" * min(size, 1_000_000))
    return HttpResponse(body, content_type="text/html; charset=utf-8")

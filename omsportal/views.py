import logging
import os
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.encoding import iri_to_uri
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from condition.languages import in_language
from condition.models import ContentVersion

log = logging.getLogger(__name__)


def form_rate(group, request):
    """Posts allowed per client address for the family forms (read at request time)."""
    return settings.FORM_RATE


ROBOTS = (
    "User-agent: *\nDisallow: /admin/\nDisallow: /quiz/\nDisallow: /search/\n"
    # PDFs are costly to make and say what the pages say (issue 11).
    "Disallow: /topics/*/handout.pdf\nDisallow: /conditions/*/handout.pdf\n"
)


def robots_txt(request):
    """Search engines may list the topic pages, not the admin, quiz results or search results.

    The same rules hold for the pages of every other language (under /es/ and
    so on); the language switcher's links only redirect.
    """
    lines = [ROBOTS]
    for code, _name in settings.LANGUAGES:
        prefix = in_language("/", code).rstrip("/")
        if prefix:
            public = [line for line in ROBOTS.splitlines() if line.startswith("Disallow: /") and "/admin/" not in line]
            lines += [line.replace("Disallow: /", f"Disallow: {prefix}/", 1) + "\n" for line in public]
    lines.append("Disallow: /language/\n")
    return HttpResponse("".join(lines), content_type="text/plain")


def favicon(request):
    # Not permanent: the icon's address (a hashed name) changes with each new icon, a 301 is kept for good.
    return redirect(static("favicon.svg"))


def rate_limited(request, exception):
    """Shown when a family form is posted too often from one address."""
    return render(request, "429.html", status=429)


@never_cache
def healthz(request):
    """For a load balancer: which part works. 503 when the database does not, 200 otherwise.

    The database check reads a real table (the content version), so an empty
    or missing database fails; a missing SQLite file fails before any connect.
    The cache only saves work: when it is down pages render uncached, so the
    answer stays 200 and says "cache": "unavailable".
    """
    checks = {"database": "ok", "cache": "ok"}
    try:
        if connection.vendor == "sqlite" and not connection.is_in_memory_db():
            if not os.path.exists(connection.settings_dict["NAME"]):
                raise FileNotFoundError(connection.settings_dict["NAME"])
        list(ContentVersion.objects.values_list("version"))  # a real table, not SELECT 1
    except Exception:  # any database failure means "not healthy"
        log.exception("health check: database unavailable")
        checks["database"] = "unavailable"
    token = secrets.token_hex(8)
    cache.set("healthz", token, 30)  # best effort: a failure shows as a mismatch
    if cache.get("healthz") != token:
        checks["cache"] = "unavailable"
    healthy = checks["database"] == "ok"
    status = "ok" if healthy and checks["cache"] == "ok" else ("degraded" if healthy else "error")
    return JsonResponse({"status": status, **checks}, status=200 if healthy else 503)


@require_safe
@never_cache
def set_language(request, code):
    """The language switcher's links: keep the family's pick in a cookie, then show `next` in that language.

    A GET link rather than Django's set_language form, because cached public
    pages carry no CSRF token. `next` must be a path of this site; anything
    else (another site, a script, nonsense) leads to the home page.
    """
    if code not in dict(settings.LANGUAGES):
        return render(request, "400.html", {"message": gettext("That language is not offered here.")}, status=400)
    next_url = request.GET.get("next", "")
    target = None
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        path, _, query = next_url.partition("?")
        if path.startswith("/") and "://" not in path:
            target = in_language(f"{path}?{query}" if query else path, code)
    if target is None:
        target = in_language("/", code)
    response = HttpResponseRedirect(iri_to_uri(target))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def csrf_failure(request, reason=""):
    """A family form sent without a valid token: say how to fix it, store nothing."""
    return render(request, "403_csrf.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No template and no database: whatever broke, this page still renders.
    language = escape(get_language() or settings.LANGUAGE_CODE)
    title, advice = escape(gettext("Something went wrong")), escape(gettext("Please try again in a few minutes."))
    return HttpResponse(
        f"<!doctype html><html lang='{language}'><title>{title}</title><h1>{title}</h1><p>{advice}</p></html>",
        status=500,
    )

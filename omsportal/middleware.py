from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from condition.languages import language_of

KNOWN_METHODS = ("GET", "HEAD", "POST")


class KnownMethodsMiddleware:
    """TRACE, PUT, DELETE and the like: 405, whatever the address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in KNOWN_METHODS:
            return HttpResponseNotAllowed(KNOWN_METHODS)
        return self.get_response(request)


class BodySizeMiddleware:
    """A body larger than its form could ever send: a 400 page before a byte of it is read.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE leaves out the file parts of a multipart
    body, which are read and spooled to disk whoever the form is for (a 30 MB post
    to the quiz was accepted). Family forms get DATA_UPLOAD_MAX_MEMORY_SIZE in all,
    and so does anyone not signed in as staff (the admin's sign-in form too);
    signed-in staff in the admin, where they upload pictures, ADMIN_UPLOAD_MAX_SIZE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0  # Django refuses a length that is not a number itself
            if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
                # Only a body past the family limit asks who is sending it (a session read).
                limit = self._limit_past_the_family_one(request)
                if length > limit:
                    return too_large(request, limit)
        return self.get_response(request)

    @staticmethod
    def _limit_past_the_family_one(request):
        user = getattr(request, "user", None)
        staff = user is not None and user.is_authenticated and user.is_staff
        if staff and request.path_info.startswith(reverse("admin:index")):
            return settings.ADMIN_UPLOAD_MAX_SIZE
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def too_large(request, limit):
    from django.shortcuts import render
    from django.utils.translation import gettext

    message = gettext(
        "That was more than the form accepts (%(size)s). Nothing was saved. Please go back and try again."
    ) % {"size": filesizeformat(limit)}
    return render(request, "400.html", {"message": message}, status=400)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set itself, and the CSP header.

    The CSP is django-csp's own policy (settings.CONTENT_SECURITY_POLICY), built
    once at start rather than on every response (55 us each). That is
    safe because no page uses a nonce; a view that asks django-csp for a change
    (its decorators) still gets a policy built for it. Family pages allow no
    inline styles; the Django admin keeps its own inline style attributes.
    """

    PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
    ADMIN_UPDATE = {"style-src": ["'unsafe-inline'"]}

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = build_policy()
        self.admin_policy = build_policy(update=self.ADMIN_UPDATE)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if HEADER not in response and not getattr(response, "_csp_exempt", False):
            if settings.DEBUG and response.status_code in (404, 500):
                return response  # Django's debug pages use inline styles (as django-csp does)
            response[HEADER] = self._policy(request, response)
        return response

    def _policy(self, request, response):
        admin = request.path.startswith("/admin/")
        if getattr(request, "_csp_nonce", None) or any(
            getattr(response, name, None) for name in ("_csp_config", "_csp_update", "_csp_replace")
        ):
            update = {**(getattr(response, "_csp_update", None) or {})}
            if admin:
                update = {**self.ADMIN_UPDATE, **update}
            return build_policy(
                config=getattr(response, "_csp_config", None),
                update=update or None,
                replace=getattr(response, "_csp_replace", None),
                nonce=getattr(request, "_csp_nonce", None),
            )
        return self.admin_policy if admin else self.policy


class LanguageMiddleware:
    """The language of the address, set before the page cache resolves it.

    The public site is under i18n_patterns: English without a prefix (printed QR
    codes keep working), every other language of settings.LANGUAGES under its
    code. Resolving /es/... needs Spanish active, and the page cache
    (pagecache.cache.PublicPageMiddleware) resolves before LocaleMiddleware runs.

    A first visit to the home page "/" goes to the home page in the language the
    family picked in the switcher (settings.LANGUAGE_COOKIE_NAME), else the one
    their browser prefers (Accept-Language), when that is not the default. Only
    "/": a link to any other page shows that page in the language of its address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(language_of(request.path_info))
        if request.path_info != "/":
            return self.get_response(request)
        if request.method in ("GET", "HEAD"):
            wanted = translation.get_language_from_request(request)
            if wanted != settings.LANGUAGE_CODE:
                with translation.override(wanted):
                    response = HttpResponseRedirect(reverse("condition:home"))
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

"""Posts from pages cached whole, which carry no CSRF token: accepted only from this site's own pages.

The topic page (its one-tap vote) and the quiz page are the same for everyone
and served from the page cache, so they cannot hold a per-visitor CSRF token.
Their posts are exempt from Django's CSRF check and make this one instead: the
browser must say the post came from this very site (Sec-Fetch-Site:
same-origin, and an Origin, when sent, naming this site). A page on another
site cannot forge those headers, so it cannot post through a visitor's browser.
When the browser sends neither header we cannot tell, and refuse.
"""

import functools

from django.conf import settings
from django.views.decorators.csrf import csrf_exempt


def same_origin(request):
    """True only when the browser says this post came from a page of this site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    if fetch_site is None and origin is None:
        return False  # cannot tell: refuse
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    if origin is not None:
        # request.scheme follows SECURE_PROXY_SSL_HEADER behind our proxy (settings.BEHIND_PROXY).
        own = f"{request.scheme}://{request.get_host()}"
        return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
    return True


def same_origin_posts(refuse):
    """Exempt a view from Django's CSRF check and refuse its cross-site POSTs with `refuse(request, ...)`.

    `refuse` takes the view's arguments and answers a clear 403 page (or a 404
    for something that does not exist). GET and HEAD go to the view unchecked.
    """

    def decorator(view):
        @functools.wraps(view)
        def checked(request, *args, **kwargs):
            if request.method == "POST" and not same_origin(request):
                return refuse(request, *args, **kwargs)
            return view(request, *args, **kwargs)

        return csrf_exempt(checked)  # safe only because of the check above (see the module docstring)

    return decorator


def form_rate(group, request):
    """Posts allowed per client address for the family forms (read at request time, so tests can change it)."""
    return settings.FORM_RATE

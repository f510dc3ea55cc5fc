"""The language switcher and hreflang alternates on every public page."""

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse
from django.utils.http import urlencode

from condition.handouts import site_url
from condition.languages import default_url, in_language, languages_for

register = template.Library()


def _page_path(request):
    """The page's path; with its query string only on pages the page cache does not keep (search).

    A cached page is one rendering for every visitor, so it must not carry the
    first visitor's query string in its links.
    """
    match = request.resolver_match
    cached = match is not None and hasattr(match.func, "public_page")
    query = request.META.get("QUERY_STRING", "")
    return request.path if cached or not query else request.get_full_path()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    if request is None:
        return {"languages": []}
    path = _page_path(request)
    switch = reverse("set_language", args=["--code--"])
    languages = [
        (language, switch.replace("--code--", language.code) + "?" + urlencode({"next": path}))
        for language in languages_for(path)
    ]
    return {"languages": languages}


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    """<link rel="alternate" hreflang> for every language and x-default, on pages that exist in each."""
    request = context.get("request")
    if request is None or len(settings.LANGUAGES) < 2:
        return {"alternates": []}
    try:
        site = site_url(request)
    except DisallowedHost:  # the 400 page for a host that is not allowed
        return {"alternates": []}
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = in_language(request.path, code)
        if url is None:
            return {"alternates": []}  # not a page of the public site (a 404): no alternates
        alternates.append((code, site + url))
    default = next(url for code, url in alternates if code == settings.LANGUAGE_CODE)
    return {"alternates": [*alternates, ("x-default", default)]}


@register.simple_tag
def unprefixed_url(viewname):
    """The address of what is the same in every language (the service worker)."""
    return default_url(viewname)

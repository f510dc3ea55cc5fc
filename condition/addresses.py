"""A topic page's address, made once per language and then filled in: lists of hundreds of pages
(the home page, the word list, the sources) called reverse() once per link, most of their time at 100x."""

import functools
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

_SLUG = "--slug--"


@functools.lru_cache(maxsize=64)
def _pattern(name, language, prefix, urlconf):
    # language, prefix and urlconf are what reverse() reads besides its arguments: part of the key.
    return reverse(name, urlconf=urlconf, kwargs={"slug": _SLUG})


def page_address(slug, name="condition:page"):
    """reverse(`name`, kwargs={"slug": slug}) in the active language, at the cost of a string replace."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _pattern(name, get_language(), get_script_prefix(), urlconf).replace(_SLUG, quote(slug, safe=""))

"""The interface languages: addresses of the same page in each one.

Every language comes from settings.LANGUAGES: the switcher, the hreflang
alternates and the home page's redirect read it, so a third language is a
setting plus its catalogue, no code. English (settings.LANGUAGE_CODE) has no
prefix; the others live under /<code>/ (omsportal/urls.py).
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself, e.g. "Español"
    url: str  # this page in that language
    current: bool


def default_url(viewname, **kwargs):
    """reverse() in the default language: files that are the same in every language (pictures, /sw.js)."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(viewname, **kwargs)


def language_of(path):
    """The language a path is in: its prefix, else the default.

    Most paths have no prefix: a first segment that starts with no language code is
    told without Django's lookup (which raises for it), as LanguageMiddleware asks on
    every request."""
    segment = path.split("/", 2)[1] if path.startswith("/") else ""
    if any(segment.lower().startswith(code.lower()) for code, _ in settings.LANGUAGES):
        return translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    return settings.LANGUAGE_CODE


def in_language(path, code):
    """The same page in language `code` (query string kept), or None when `path` is not a page of the public site."""
    with translation.override(language_of(path)):
        translated = translate_url(path, code)
    if translated == path and language_of(path) != code:
        return None  # not a page families read in several languages (e.g. /admin/, or nothing at all)
    return translated


def languages_for(path):
    """Every language of settings.LANGUAGES with the address of `path` in it; the home page where it has none."""
    current = language_of(path)
    links = []
    for code, name in settings.LANGUAGES:
        url = in_language(path, code)
        if url is None:
            with translation.override(code):
                url = reverse("condition:home")
        links.append(Language(code=code, name=name, url=url, current=code == current))
    return links

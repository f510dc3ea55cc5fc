from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_safe

from condition.search import QueryTooLong, found_elsewhere, misses, query_words, search
from condition.translations import current_language
from pagecache.cache import cached_here, versioned

# "Found in ... pages:", in the reader's language, per language the words were found in.
FOUND_IN = {"en": gettext_lazy("Found in English pages:"), "es": gettext_lazy("Found in Spanish pages:")}


def found(query, language, request):
    """(results, other languages that find the words) for `query`, each kept for the content version
    in this process (pagecache.cache.cached_here: a visitor chooses the words, so never in the shared cache).

    Keyed by the words searched for (lower case, stop words dropped), so "Steroids", " steroids " and
    "the steroids" share one entry, and a change staff make shows at once. The other languages are
    looked in only when nothing is found, by their own words (their own stop words). Raises QueryTooLong.
    """
    words = query_words(query, language)
    if not words:
        return search(query, language), []
    key = versioned("search", language, *words, request=request)
    results = cached_here(key, lambda: search(query, language))
    if results.hits:
        return results, []
    others = {code: query_words(query, code) for code, _name in settings.LANGUAGES if code != language}
    key = versioned(
        "search-elsewhere", language, *(f"{code}={' '.join(w)}" for code, w in others.items()), request=request
    )
    return results, cached_here(key, lambda: found_elsewhere(query, language))


def elsewhere(query, languages):
    """Links to the same search in each of `languages` (they find the words), the link's text in that language."""
    links = []
    for other in languages:
        with translation.override(other):
            url = reverse("condition:search") + "?" + urlencode({"q": query})
            text = gettext("See what was found for “%(query)s”") % {"query": query}
        links.append({"language": other, "found_in": FOUND_IN.get(other, ""), "url": url, "text": text})
    return links


@require_safe
def search_page(request):
    """/search/?q=...: a plain GET form, so it works without JavaScript. /es/search/ searches the Spanish text.
    Results are kept for the content version by the words searched for (found()).

    A search that finds nothing links to the same search in another language that finds the words, and is
    counted for staff (condition.search.misses)."""
    query = request.GET.get("q", "")
    language = current_language()
    context = {"search_query": query[:200]}
    try:
        results, other_languages = found(query, language, request)
    except QueryTooLong as error:
        context["error"] = str(error)
        return render(request, "condition/search.html", context, status=400)
    context["results"] = results
    if results.words and not results.hits:
        context["elsewhere"] = elsewhere(query, other_languages)
        misses.record(results.words, language)  # every time, kept results or not
    return render(request, "condition/search.html", context)

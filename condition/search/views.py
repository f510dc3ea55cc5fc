from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_safe

from condition.search import QueryTooLong, found_elsewhere, misses, search
from condition.translations import current_language

# "Found in ... pages:", in the reader's language, per language the words were found in.
FOUND_IN = {"en": gettext_lazy("Found in English pages:"), "es": gettext_lazy("Found in Spanish pages:")}


def elsewhere(query, language):
    """Links to the same search in each other language that finds the words, the link's text in that language."""
    links = []
    for other in found_elsewhere(query, language):
        with translation.override(other):
            url = reverse("condition:search") + "?" + urlencode({"q": query})
            text = gettext("See what was found for “%(query)s”") % {"query": query}
        links.append({"language": other, "found_in": FOUND_IN.get(other, ""), "url": url, "text": text})
    return links


@require_safe
def search_page(request):
    """/search/?q=...: a plain GET form, so it works without JavaScript. /es/search/ searches the Spanish text.

    A search that finds nothing links to the same search in another language that finds the words, and is
    counted for staff (condition.search.misses)."""
    query = request.GET.get("q", "")
    language = current_language()
    context = {"search_query": query[:200]}
    try:
        context["results"] = results = search(query, language)
    except QueryTooLong as error:
        context["error"] = str(error)
        return render(request, "condition/search.html", context, status=400)
    if results.words and not results.hits:
        context["elsewhere"] = elsewhere(query, language)
        misses.record(results.words, language)
    return render(request, "condition/search.html", context)

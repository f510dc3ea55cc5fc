from dataclasses import replace

from django.shortcuts import render
from django.urls import translate_url
from django.utils import translation
from django.views.decorators.http import require_safe

from condition.search import QueryTooLong, search
from condition.translations import ORIGINAL_LANGUAGE, current_language


@require_safe
def search_page(request):
    """/search/?q=...: a plain GET form, so it works without JavaScript."""
    query = request.GET.get("q", "")
    context = {"search_query": query[:200]}
    try:
        results = search(query)
    except QueryTooLong as error:
        context["error"] = str(error)
        return render(request, "condition/search.html", context, status=400)
    language = current_language()
    if language != ORIGINAL_LANGUAGE:
        # The index holds the original language only (condition.search.index): its words are shown
        # marked as such, and each result leads to the page in the reader's language, not out of it.
        with translation.override(ORIGINAL_LANGUAGE):  # the stored addresses resolve in the original language
            results.hits = [replace(hit, url=translate_url(hit.url, language)) for hit in results.hits]
        context["results_lang"] = ORIGINAL_LANGUAGE
    context["results"] = results
    return render(request, "condition/search.html", context)

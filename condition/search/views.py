from django.shortcuts import render
from django.views.decorators.http import require_safe

from condition.search import QueryTooLong, search
from condition.translations import current_language


@require_safe
def search_page(request):
    """/search/?q=...: a plain GET form, so it works without JavaScript. /es/search/ searches the Spanish text."""
    query = request.GET.get("q", "")
    context = {"search_query": query[:200]}
    try:
        context["results"] = search(query, current_language())
    except QueryTooLong as error:
        context["error"] = str(error)
        return render(request, "condition/search.html", context, status=400)
    return render(request, "condition/search.html", context)

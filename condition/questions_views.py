from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from condition.models import Page
from condition.translations import current_language, in_language

MAX_TICKS = 50


def ticked_ids(request):
    """Question ids from the query string; anything that is not a small number is ignored."""
    values = request.GET.getlist("q")[:MAX_TICKS]
    return {int(value) for value in values if value.isascii() and value.isdigit() and len(value) <= 9}


@require_safe
def questions_list(request, slug):
    """The questions a family ticked, as a list to print or keep on a phone, with space for answers.

    Nothing is stored: the ticks travel in the query string of a GET form.
    """
    original = get_object_or_404(Page.objects.live().only("title", "slug", "status"), slug=slug)
    # The reader's language: the ticks are the ids of the questions the translated page showed.
    queryset = Page.objects.only("title", "slug", "status", "language", "translation_of")
    [page] = in_language([original], current_language(), queryset=queryset)
    questions = list(page.suggested_questions.all())
    ids = ticked_ids(request)
    chosen = [question for question in questions if question.pk in ids]
    context = {"page": page, "chosen": chosen, "suggested_questions": questions, "ticked": ids}
    return render(request, "condition/questions.html", context)

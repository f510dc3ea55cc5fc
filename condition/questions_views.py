from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from condition.models import Page
from condition.translations import current_language, translation_for

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
    page = get_object_or_404(Page.objects.live().only("title", "slug", "status"), slug=slug)
    page = translation_for(Page.objects.all(), page, current_language()) or page  # the questions the family read
    questions = list(page.suggested_questions.all())
    ids = ticked_ids(request)
    chosen = [question for question in questions if question.pk in ids]
    context = {"page": page, "chosen": chosen, "suggested_questions": questions, "ticked": ids}
    return render(request, "condition/questions.html", context)

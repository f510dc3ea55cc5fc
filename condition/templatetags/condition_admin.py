import datetime

from django import template
from django.db.models import Count, Q
from django.utils import timezone

from condition.models import Page

register = template.Library()


@register.simple_tag
def pages_due_for_review():
    """Pages never reviewed, without a next date, overdue or due soon (PageQuerySet.review_due)."""
    return (
        Page.objects.review_due()
        .with_review_state()
        .order_by("next_review_due", "title")
        .only("id", "title", "status", "next_review_due", "last_reviewed", "reviewed_by")
    )


@register.simple_tag
def section_readability(page):
    """Each saved section of `page` with its reading scores and the words to check (advice)."""
    from condition.models import GlossaryTerm
    from condition.readability import assess, glossary_words

    if page is None or page.pk is None:
        return []
    known = glossary_words(GlossaryTerm.objects.all())
    return [
        (section, assess(section.text, known_words=known)) for section in page.sections.select_related("care_advice")
    ]


@register.simple_tag
def source_keys():
    """Keys editors can cite with [cite:KEY], shown beside the page form."""
    from condition.models import Source

    return Source.objects.order_by("key").values_list("key", "citation")


@register.simple_tag
def pages_families_found_unhelpful(days=90, limit=5):
    """Published pages with the most "not helpful" answers lately: candidates for rewriting."""
    since = timezone.now() - datetime.timedelta(days=days)
    recent = Q(feedback__created_at__gte=since)
    return (
        Page.objects.annotate(
            unhelpful=Count("feedback", filter=recent & Q(feedback__helpful=False)),
            helpful=Count("feedback", filter=recent & Q(feedback__helpful=True)),
        )
        .filter(unhelpful__gt=0)
        .order_by("-unhelpful", "title")
        .only("id", "title")[:limit]
    )


@register.simple_tag
def questions_families_miss(days=90, limit=3):
    """For each published quiz, the questions answered wrong most often lately, and the section they check."""
    from quizzes.models import Quiz
    from quizzes.results import quiz_results

    start = timezone.localdate() - datetime.timedelta(days=days)
    return [
        (quiz, [row for row in quiz_results(quiz, start=start)["questions"] if row.percent_correct < 100][:limit])
        for quiz in Quiz.objects.published()
    ]

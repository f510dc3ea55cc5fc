from django import template
from django.utils import timezone

from condition.models import Page

register = template.Library()


@register.simple_tag
def pages_due_for_review():
    """Pages overdue, due within 30 days, or never given a review date."""
    today = timezone.localdate()
    pages = (
        Page.objects.review_due().order_by("next_review_due", "title").only("id", "title", "status", "next_review_due")
    )
    return [(page, page.next_review_due is None or page.next_review_due < today) for page in pages]


@register.simple_tag
def source_keys():
    """Keys editors can cite with [cite:KEY], shown beside the page form."""
    from condition.models import Source

    return Source.objects.order_by("key").values_list("key", "citation")

import datetime

from django import template
from django.db.models import Case, Count, F, Q, Sum, When
from django.utils import timezone

from condition.models import Page

register = template.Library()


# The admin home lists the most urgent; the page list's "Any review due" filter has them all.
DUE_SHOWN = 10


@register.simple_tag
def pages_due_for_review(limit=DUE_SHOWN):
    """The `limit` most urgent pages never reviewed, without a next date, overdue or due soon
    (PageQuerySet.review_due), and how many more there are."""
    due = Page.objects.review_due()
    pages = list(
        due.with_review_state()
        # Never reviewed, no date or overdue before those merely due soon; then the earliest date.
        .order_by(
            Case(When(review_state="soon", then=1), default=0), F("next_review_due").asc(nulls_first=True), "title"
        )
        .only("id", "title", "status", "next_review_due", "last_reviewed", "reviewed_by")[:limit]
    )
    return {"pages": pages, "more": due.count() - limit if len(pages) == limit else 0}


@register.simple_tag
def section_readability(page):
    """Each saved section of `page` with its reading scores and the words to check (advice)."""
    from condition.content import ORIGINAL_LANGUAGE
    from condition.models import CareAdvice, GlossaryTerm
    from condition.readability import assess, glossary_words
    from condition.translations import translations_of

    if page is None or page.pk is None:
        return []
    known = glossary_words(GlossaryTerm.objects.originals())
    sections = list(page.sections.select_related("care_advice"))
    if page.language == ORIGINAL_LANGUAGE:
        return [(section, assess(section.text, known_words=known)) for section in sections]
    # A translated page's care box shows its advice's translation (an item of its own), when there is one.
    advice = translations_of(CareAdvice, [s.care_advice for s in sections if s.care_advice_id], page.language)
    scores = []
    for section in sections:
        text = section.text
        if section.care_advice_id:
            translated = advice.get(section.care_advice_id)
            text = translated.text if translated else ""
        scores.append((section, assess(text, known_words=known, language=page.language)))
    return scores


@register.simple_tag
def source_keys():
    """Keys editors can cite with [cite:KEY], shown beside the page form."""
    from condition.models import Source

    return Source.objects.originals().order_by("key").values_list("key", "citation")


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
def searches_that_found_nothing(limit=10):
    """What families searched for and found nothing within the kept days, most searched first: one query.

    Each row: language name, query (as condition.search.misses keeps it), searches, and the kept days."""
    from django.conf import settings
    from django.utils.translation import get_language_info

    from condition.search.models import SearchMiss

    days = settings.SEARCH_MISS_RETENTION_DAYS
    names = {code: get_language_info(code)["name_translated"] for code, _name in settings.LANGUAGES}
    rows = (
        SearchMiss.objects.filter(day__gte=timezone.localdate() - datetime.timedelta(days=days))
        .values("language", "query")
        .annotate(total=Sum("searches"))
        .order_by("-total", "language", "query")[:limit]
    )
    return {
        "days": days,
        "rows": [{**row, "language_name": names.get(row["language"], row["language"])} for row in rows],
    }


@register.simple_tag(takes_context=True)
def drafts_in_progress(context):
    """(waiting for review, the signed-in user's open drafts): one query per kind of content."""
    from django.urls import reverse

    from condition.content import Content, content_models

    user = context["request"].user
    waiting, mine = [], []
    for model in content_models():
        if not issubclass(model, Content) or not user.has_perm(
            f"{model._meta.app_label}.view_{model._meta.model_name}"
        ):
            continue
        opts = model._meta
        rows = model.objects.exclude(status=Content.Status.PUBLISHED).select_related("edited_by")
        for item in rows.filter(Q(status=Content.Status.REVIEW) | Q(edited_by=user)).order_by("submitted_at", "pk"):
            entry = {
                "item": item,
                "kind": opts.verbose_name,
                "review_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_review", args=[item.pk]),
                "change_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]),
            }
            (waiting if item.status == Content.Status.REVIEW else mine).append(entry)
    waiting.sort(key=lambda entry: entry["item"].submitted_at)
    return {"waiting": waiting, "mine": mine}


@register.simple_tag
def clinic_profile_form_url(clinic):
    """The form where staff fill in the clinic's numbers: the live profile's own form; before one is approved,
    the profile being written (new installs have none: then the form that adds it). Never the list of one."""
    from django.urls import reverse

    from condition.models import ClinicProfile
    from condition.translations import ORIGINAL_LANGUAGE

    if clinic.is_live:
        return reverse("admin:condition_clinicprofile_change", args=[clinic.pk])
    written = ClinicProfile.objects.originals().filter(language=ORIGINAL_LANGUAGE).order_by("pk").first()
    if written is not None:
        return reverse("admin:condition_clinicprofile_change", args=[written.pk])
    return reverse("admin:condition_clinicprofile_add")


@register.simple_tag
def form_error_links(adminform, inline_admin_formsets=()):
    """Each error of a change form with the id of its field (or row), for the summary at the top."""
    from django.forms.forms import NON_FIELD_ERRORS
    from django.utils.translation import gettext

    def links(form, where, row_id):
        for name, messages in form.errors.items():
            field = None if name == NON_FIELD_ERRORS or name not in form.fields else form[name]
            target = row_id if field is None or field.is_hidden else field.id_for_label or row_id
            label = where if field is None else (f"{where} › {field.label}" if where else field.label)
            for message in messages:
                yield {"target": target, "where": label or gettext("This form"), "message": message}

    found = list(links(adminform.form, "", "content-main"))
    for inline in inline_admin_formsets:
        formset = inline.formset
        name = str(inline.opts.verbose_name).capitalize()
        for message in formset.non_form_errors():
            found.append({"target": f"{formset.prefix}-group", "where": name, "message": message})
        for index, form in enumerate(formset.forms):
            found.extend(links(form, f"{name} {index + 1}", f"{formset.prefix}-{index}"))
    return found

"""Content in other languages: one named idea, a translation.

A translation is a content item of its own (condition.content.Content) with
`language` set, `translation_of` pointing to the item it translates, and
`made_from` naming the approved version (a Revision) of that item it was made
from. It has its own drafts and its own clinical review, so a Spanish page can
wait for review while the English page has a draft of its own.

Only a model's `translated_fields` are the translator's; every other field
(addresses, the order, a care box's urgency) always comes from the original.

When the original is approved again, its translation is out of date until a
translator updates it and a reviewer approves that. Families then read the
translation with a notice saying the original changed, except for care advice:
advice families act on is never shown out of date, so the original's current
advice is shown instead (with a notice) until the translation catches up.
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import translation as django_translation

from condition.content import (
    ORIGINAL_LANGUAGE,
    OWN_FIELDS,
    Content,
    WorkflowError,
    _approved,
    _copy_children,
    _copy_fields,
    _copy_many_to_many,
    children_of,
    latest_version,
    original_row,
)
from condition.contributors import not_a_change


def languages():
    """(code, name) of every language content can be translated into (settings.LANGUAGES, the original aside)."""
    return [(code, name) for code, name in settings.LANGUAGES if code != ORIGINAL_LANGUAGE]


def current_language():
    """The language of this request (the URL's /es/ prefix), as a code from settings.LANGUAGES."""
    code = django_translation.get_language() or ORIGINAL_LANGUAGE
    codes = dict(settings.LANGUAGES)
    if code in codes:
        return code
    base = code.split("-")[0]
    return base if base in codes else ORIGINAL_LANGUAGE


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


def is_translatable(model):
    return issubclass(model, Content) and bool(model.translated_fields)


def followed_fields(model):
    """Fields a translator never writes on `model`: every editable one but its `translated_fields`.

    They follow the original's (copied by `sync_from_original()`); the admin shows them read-only.
    """
    fields = [*model._meta.fields, *model._meta.many_to_many]
    return [f.name for f in fields if f.editable and f.name not in model.translated_fields]


def with_original_version(queryset):
    """Translations annotated with their original's latest approved version: one query for a whole list."""
    latest = _approved(queryset.model).filter(object_id=OuterRef("translation_of_id"))
    return queryset.annotate(
        original_version_id=Subquery(latest.values("pk")[:1]),
        original_changed_at=Subquery(latest.values("created_at")[:1]),
    )


def is_out_of_date(translation):
    """True when the original was approved again since this translation was made.

    Needs `with_original_version()` (or `refresh_freshness()`) on the translation.
    """
    if not translation.is_translation:
        return False
    return translation.original_version_id is not None and translation.original_version_id != translation.made_from_id


def refresh_freshness(translation):
    version = latest_version(translation.translation_of)
    translation.original_version_id = version.pk if version else None
    translation.original_changed_at = version.created_at if version else None
    return translation


@transaction.atomic
def start_translation(item, language, user):
    """The draft a translator edits for `item` in `language`: the translation's draft if one exists,
    else a new translation copied from the live original, to be written over field by field."""
    from condition.drafts import start_draft

    model = type(item)
    if not is_translatable(model):
        raise WorkflowError(f"{model._meta.verbose_name_plural.capitalize()} are not translated.")
    if language not in dict(languages()):
        raise WorkflowError("That language is not offered on this site.")
    if item.is_translation or item.is_working_copy:
        raise WorkflowError("Translate the original item, not a translation or a draft.")
    if not item.is_live:
        raise WorkflowError("Only live content is translated: approve the original first.")
    existing = model.objects.originals().filter(translation_of=item, language=language).first()
    if existing is not None:
        return start_draft(existing, user)
    return new_translation(item, language, user)


def new_translation(item, language, user):
    """A new draft translation of `item`: a copy of it and its rows, made from its latest approved version."""
    with not_a_change():  # the original's words copied: the translator's writing is what counts
        return _copy_as_translation(item, language, user)


def _copy_as_translation(item, language, user):
    translation = type(item)()
    _copy_fields(item, translation, exclude=OWN_FIELDS | set(item.kept_on_approve))
    translation.language = language
    translation.translation_of = item
    translation.made_from = latest_version(item)
    translation.status = Content.Status.DRAFT
    translation.edited_by = user
    translation.save()
    _copy_many_to_many(item, translation)
    _copy_children(item, translation)
    return translation


def rows_differ_from_original(translation):
    """True when the rows of `translation` no longer match its original's in what is not the translator's:
    a right answer moved, a care box swapped, a row added or removed since it was made."""
    return _rows_differ(translation, translation.translation_of)


def _rows_differ(parent, original_parent):
    for accessor, parent_field in children_of(parent):
        expected = {row.pk: row for row in getattr(original_parent, accessor).all()}
        for row in getattr(parent, accessor).all():
            original = original_row(row)
            if original is None or expected.pop(original.pk, None) is None:
                return True
            kept = {"origin", parent_field, *row.translated_fields}
            for field in row._meta.concrete_fields:
                if not field.primary_key and field.name not in kept:
                    if getattr(row, field.attname) != getattr(original, field.attname):
                        return True
            if _rows_differ(row, original):
                return True
        if expected:
            return True
    return False


def missing_from_translation(translation):
    """The original's rows that `translation` has no row for (a care box, a picture, a section added to
    the English since it was translated), each with its own rows, in the original's order.

    Each is (kind, row, the row's kind named): kind is "care" for a care box, "picture" for a picture, else "row"."""
    if not translation.is_translation or translation.translation_of is None:
        return []
    return _missing(translation, translation.translation_of)


def _missing(parent, original_parent):
    found = []
    for accessor, _ in children_of(original_parent):
        mapped = {}
        for row in getattr(parent, accessor).all() if parent is not None else ():
            original = original_row(row)
            if original is not None:
                mapped[original.pk] = row
        for row in getattr(original_parent, accessor).all():
            if row.pk not in mapped:
                found.append((_kind(row), row, str(type(row)._meta.verbose_name)))
            found.extend(_missing(mapped.get(row.pk), row))
    return found


def _kind(row):
    if getattr(row, "care_advice_id", None):
        return "care"
    if type(row).__name__ == "SectionImage":
        return "picture"
    return "row"


# --- what families read -----------------------------------------------------
def translation_for(queryset, original, language):
    """The live translation of `original` in `language`, annotated with its freshness, or None."""
    if language == ORIGINAL_LANGUAGE or original is None:
        return None
    live = queryset.live(language).filter(translation_of=original, translation_of__status=Content.Status.PUBLISHED)
    return with_original_version(live).first()


def translations_of(model, originals, language, queryset=None):
    """{original pk: live translation} for a list of originals, in one query (none in the original language).

    `queryset` (of `model`) may add select_related or prefetch_related."""
    if language == ORIGINAL_LANGUAGE:
        return {}
    pks = [item.pk for item in originals]
    queryset = model.objects.all() if queryset is None else queryset
    live = queryset.live(language).filter(translation_of__in=pks, translation_of__status=Content.Status.PUBLISHED)
    found = with_original_version(live)
    return {translation.translation_of_id: translation for translation in found}


def in_language(originals, language, *, model=None, queryset=None):
    """Each original replaced by its live translation where there is one, in the same order.

    Items left in the original language carry `shown_in_original = True`, so
    templates mark them `lang` and say so. Out-of-date translations are shown
    (with `is_out_of_date`), except care advice: see `safe_care_advice()`.
    """
    originals = list(originals)
    if not originals:
        return []
    found = translations_of(model or type(originals[0]), originals, language, queryset)
    shown = []
    for item in originals:
        translated = found.get(item.pk)
        if translated is None:
            item.shown_in_original = language != ORIGINAL_LANGUAGE
            shown.append(item)
        else:
            translated.shown_in_original = False
            shown.append(translated)
    return shown


def translate_in_place(originals, language):
    """Lists that link to items (the topic list, previous and next, related topics): each original
    takes its live translation's words, never saved; untranslated ones keep `shown_in_original`.

    The original's address and annotations stay, so navigation needs no second list.
    """
    originals = [item for item in originals if item is not None]
    if not originals:
        return originals
    found = translations_of(type(originals[0]), originals, language)
    for item in originals:
        translated = found.get(item.pk)
        item.shown_in_original = translated is None and language != ORIGINAL_LANGUAGE
        if translated is not None:  # an untranslated item is left untouched (reading a deferred field costs a query)
            item.language = translated.language
            for name in item.translated_fields:
                setattr(item, name, getattr(translated, name))
    return originals


def titled(item):
    """`item` named in the request's language (its words from a live translation, never saved)."""
    language = current_language()
    if language != ORIGINAL_LANGUAGE:
        translate_in_place([item], language)
    return item


def safe_care_advice(originals, language):
    """Care advice in `language` only where its translation is up to date; else the original's current advice.

    A family acting on advice must never read a superseded version: an out-of-date
    translation is replaced by the original (marked `replaced_out_of_date`).
    """
    originals = list(originals)
    found = translations_of(type(originals[0]), originals, language) if originals else {}
    shown = []
    for item in originals:
        translated = found.get(item.pk)
        if translated is not None and not is_out_of_date(translated):
            translated.shown_in_original = False
            shown.append(translated)
            continue
        item.shown_in_original = language != ORIGINAL_LANGUAGE
        item.replaced_out_of_date = translated is not None
        shown.append(item)
    return shown


def put_safe_care_advice(sections, language):
    """Each care box in `sections` shows `safe_care_advice()` in `language` (in memory; nothing is saved)."""
    boxes = [section for section in sections if section.care_advice_id]
    for section, advice in zip(boxes, safe_care_advice([s.care_advice for s in boxes], language), strict=True):
        section.care_advice = advice
    return sections


def with_original_care_boxes(sections, original_sections):
    """A translated page's sections with the care boxes of its original page as it is now.

    The original may have added, removed or swapped a care box since the
    translation was made; advice families act on is never out of date, so the
    boxes always follow the original (`put_safe_care_advice()` then shows each in
    the reader's language where that is up to date). Text sections stay the
    translation's; each box takes its place by the original's order.

    A text section the original has and the translation lacks (added to the
    original since) is shown in the original's words, marked `shown_in_original`
    (templates mark its `lang` and say so), rather than left out.
    """
    text = [section for section in sections if not section.care_advice_id]
    boxes = [section for section in original_sections if section.care_advice_id]
    translated = {section.origin_id for section in sections} | {section.anchor for section in sections}
    missing = [
        section
        for section in original_sections
        if not section.care_advice_id and section.pk not in translated and section.anchor not in translated
    ]
    for section in missing:
        section.shown_in_original = True
    return sorted([*text, *boxes, *missing], key=lambda section: section.order)


def needs_update(model):
    """Live translations of `model` whose original changed since: the admin's "needs update" list."""
    translations = with_original_version(model.objects.originals().exclude(translation_of=None))
    other = models.F("original_version_id")
    differs = Q(made_from__isnull=True) | Q(made_from_id__lt=other) | Q(made_from_id__gt=other)  # NULL-safe "!="
    return translations.exclude(original_version_id=None).filter(differs)

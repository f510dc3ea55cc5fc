"""Keep the search index in step with what families can read.

Only published pages (and their sections) and the glossary are indexed, as
plain text, each in its own language: the live translations of live items too
(a page's Spanish rows have its /es/ address). An item without a translation
has no row in that language. Saving or deleting content reindexes what it touches at once, in
the same transaction, so results follow publishing (and a rolled-back test
leaves no trace). After migrations, and so after a test database is flushed,
the whole index is rebuilt from live content.
"""

import html
import re
import threading
from contextlib import contextmanager

import nh3
from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils import translation

from condition.content import ORIGINAL_LANGUAGE
from condition.rendering import CITE_RE, sanitise
from condition.search import stems
from condition.search.models import SearchDocument
from condition.terms import TermMatcher
from condition.translations import put_safe_care_advice, translate_in_place

# Private-use characters mark highlights in snippets, so no indexed text may hold them.
_UNWANTED = re.compile(r"[\ue000-\uf8ff\x00-\x08\x0b-\x1f\x7f]")
_SPACE = re.compile(r"\s+")
WORDS_LIST = "Word list"


class _Held(threading.local):
    active = False  # inside held(), in this thread


_held = _Held()


@contextmanager
def held():
    """Index nothing while the block saves (a load of hundreds of rows), then rebuild the index once.

    Only this thread's saves wait; the rebuild runs in the caller's transaction, so the
    index commits (or rolls back) with the content. On an error nothing is rebuilt.
    """
    outer = not _held.active  # a block inside another leaves the rebuild to the outer one
    _held.active = True
    try:
        yield
    finally:
        _held.active = not outer
    if outer:
        rebuild()


def plain(text):
    """Staff Markdown -> the words a family reads, without markup or citation keys."""
    cleaned = nh3.clean(sanitise(CITE_RE.sub("", text or "")), tags=set())
    return _SPACE.sub(" ", _UNWANTED.sub("", html.unescape(cleaned))).strip()


def live(queryset, language):
    """What families read in `language`: a translation only while its original is live too."""
    from condition.content import Content

    found = queryset.live(language)
    if language != ORIGINAL_LANGUAGE:
        found = found.filter(translation_of__status=Content.Status.PUBLISHED)
    return found


def _aliases(pages, language):
    """condition pk -> the condition's names in `language` (its live translation's where there is one)."""
    conditions = [page.condition for page in pages]
    if language != ORIGINAL_LANGUAGE:
        translate_in_place(conditions, language)  # in memory only: one query
    return {condition.pk: " ".join([condition.name, *condition.other_names_list]) for condition in conditions}


def _documents(pages, language, glossary):
    """Index rows for live `pages` in `language` (each page's own), with their sections' shown text.

    A care box shows the advice in `language` only where that translation is up to
    date, else the original's current advice (condition.translations.safe_care_advice),
    and is indexed as shown.
    """
    sections = {page.pk: [section for section in page.sections.all() if section.is_shown] for page in pages}
    put_safe_care_advice([section for shown in sections.values() for section in shown], language)
    matcher, aliases = TermMatcher(glossary), _aliases(pages, language)
    documents = []
    with translation.override(language):
        for page in pages:
            documents += _page_documents(page, sections[page.pk], matcher, aliases.get(page.condition_id, ""))
    return documents


def _page_documents(page, sections, matcher, aliases):
    base = page.order * 1000
    documents = [
        SearchDocument(
            kind=SearchDocument.Kind.PAGE,
            language=page.language,
            page=page,
            url=page.get_absolute_url(),
            page_title=page.title,
            position=base,
            title=plain(page.title),
            aliases=plain(aliases),
            body=plain(page.summary + "\n\n" + page.key_points),
            term_ids=_term_ids(matcher, page, sections),
        )
    ]
    for index, section in enumerate(sections, start=1):
        documents.append(
            SearchDocument(
                kind=SearchDocument.Kind.SECTION,
                language=page.language,
                page=page,
                url=section.get_absolute_url(),
                page_title=page.title,
                heading=section.title,
                position=base + index,
                title=plain(section.title),
                body=plain(section.text),
            )
        )
    return documents


def _term_ids(matcher, page, sections):
    """The glossary terms a page uses, as space-separated primary keys."""
    found = set()
    for text in [page.title, page.summary, page.key_points, *(section.text for section in sections)]:
        found |= matcher.found_in(text)
    return " ".join(str(pk) for pk in sorted(found))


def _term_documents(terms, language):
    with translation.override(language):
        return [
            SearchDocument(
                kind=SearchDocument.Kind.TERM,
                language=language,
                term=term,
                url=term.get_absolute_url(),
                page_title=WORDS_LIST,
                heading=term.term,
                position=10**9,
                title=plain(", ".join(term.forms)),
                body=plain(term.definition),
            )
            for term in terms
        ]


def with_stems(document):
    """The row with its words' Snowball stems, in a language that has a stemmer (SQLite searches them)."""
    if document.language in stems.STEMMERS:
        document.stem_title = stems.stemmed(document.title, document.language)
        document.stem_aliases = stems.stemmed(document.aliases, document.language)
        document.stem_body = stems.stemmed(document.body, document.language)
    return document


def _write(documents, *, delete, everything=False):
    """Replace the rows matched by `delete` (a queryset) with `documents`."""
    documents = [with_stems(document) for document in documents]
    if connection.vendor == "postgresql":
        from condition.search import postgres

        postgres.replace(delete, documents, everything=everything)
    else:
        delete.delete()
        SearchDocument.objects.bulk_create(documents)


def _with_translations(model, item_id):
    """The item and its translations (never working copies): what changing the item may change in the index."""
    return model.objects.filter(Q(pk=item_id) | Q(translation_of_id=item_id, draft_of=None))


def _is_live(item):
    return item.is_live and (not item.is_translation or item.translation_of.is_live)


def reindex_page(page_id):
    """A page's rows in every language: the page, and its translations if it is an original."""
    from condition.models import GlossaryTerm, Page

    pages = list(
        _with_translations(Page, page_id)
        .select_related("condition", "translation_of")
        .prefetch_related("sections__care_advice")
    )
    by_language = {}
    for page in pages:
        if _is_live(page):
            by_language.setdefault(page.language, []).append(page)
    documents = []
    for language, shown in by_language.items():
        documents += _documents(shown, language, list(live(GlossaryTerm.objects, language)))
    _write(documents, delete=SearchDocument.objects.filter(page_id__in=[page_id, *(page.pk for page in pages)]))


def reindex_term(term_id):
    """A glossary term's rows in every language: the term, and its translations if it is an original."""
    from condition.models import GlossaryTerm

    terms = list(_with_translations(GlossaryTerm, term_id).select_related("translation_of"))
    documents = []
    for language in sorted({term.language for term in terms}):
        documents += _term_documents([t for t in terms if t.language == language and _is_live(t)], language)
    _write(documents, delete=SearchDocument.objects.filter(term_id__in=[term_id, *(term.pk for term in terms)]))


def glossary_changed(term_id):
    """A term was saved or deleted: its own rows, and the terms each page uses (for related topics).

    Only the pages whose set of terms changed are updated; their indexed text is
    untouched, so the full-text index does no work for them.
    """
    from condition.models import GlossaryTerm, Page

    reindex_term(term_id)
    languages = set(_with_translations(GlossaryTerm, term_id).values_list("language", flat=True))
    for language in sorted(languages or {ORIGINAL_LANGUAGE}):
        matcher = TermMatcher(list(live(GlossaryTerm.objects, language)))
        pages_rows = SearchDocument.objects.filter(kind=SearchDocument.Kind.PAGE, language=language)
        current = dict(pages_rows.values_list("page_id", "term_ids"))
        pages = (
            Page.objects.filter(pk__in=current)
            .only("title", "summary", "key_points")
            .prefetch_related("sections__care_advice")
        )
        for page in pages:
            term_ids = _term_ids(matcher, page, page.sections.all())
            if term_ids != current[page.pk]:
                pages_rows.filter(page=page).update(term_ids=term_ids)


def rebuild():
    """Index all live content afresh, in every language of settings.LANGUAGES."""
    from condition.models import GlossaryTerm, Page

    documents = []
    for language, _name in settings.LANGUAGES:
        glossary = list(live(GlossaryTerm.objects, language))
        pages = list(live(Page.objects, language).select_related("condition").prefetch_related("sections__care_advice"))
        documents += _documents(pages, language, glossary)
        documents += _term_documents(glossary, language)
    _write(documents, delete=SearchDocument.objects.all(), everything=True)


def care_advice_placed_on(advice):
    """Pages that place `advice` (a translation's pages are its original's: sections place originals)."""
    from condition.models import Section

    original_id = advice.translation_of_id or advice.pk
    return set(Section.objects.filter(care_advice_id=original_id).values_list("page_id", flat=True))


def _condition_changed(condition):
    if condition.is_live:
        rebuild()  # its other names are indexed with every page


def _care_advice_changed(advice):
    for page_id in care_advice_placed_on(advice):
        reindex_page(page_id)  # its words read the same on every page that places it


# What a change to each searched kind of content reindexes; other content models are not searched.
REINDEX = {
    "condition.Page": lambda page: reindex_page(page.pk),
    "condition.Section": lambda section: reindex_page(section.page_id),
    "condition.GlossaryTerm": lambda term: glossary_changed(term.pk),
    "condition.Condition": _condition_changed,
    "condition.CareAdvice": _care_advice_changed,
}


def content_changed(sender, instance, **kwargs):
    """post_save / post_delete receiver: reindex what the change touches."""
    if _held.active:
        return  # held(): the whole index is rebuilt once the block ends
    if getattr(instance, "draft_of_id", None):
        return  # a working copy: families never read it, and its approval saves the live row
    REINDEX[sender._meta.label](instance)


def approval_recorded(sender, instance, created, **kwargs):
    """post_save of a Revision: approving English care advice makes its translations out of date, which
    is known only once the approval is recorded (after the save above), so the pages placing it are
    indexed again: Spanish care boxes then hold the current English advice (translations.safe_care_advice)."""
    if not created or instance.action != instance.Action.APPROVED or _held.active:
        return
    advice = instance.content_object
    if type(advice).__name__ == "CareAdvice" and not advice.is_translation:
        for page_id in care_advice_placed_on(advice):
            reindex_page(page_id)


def _migrated(sender, **kwargs):
    """Rebuild after migrations, when the table is as this code knows it (not after unapplying a migration)."""
    table = SearchDocument._meta.db_table
    if sender.name != "condition" or table not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        columns = {column.name for column in connection.introspection.get_table_description(cursor, table)}
    if {field.column for field in SearchDocument._meta.concrete_fields} <= columns:
        rebuild()


def connect(models):
    """Follow every model of `models` (the content registry) that the index holds."""
    from condition.content import Revision

    post_save.connect(approval_recorded, sender=Revision, dispatch_uid="search-revision-save")
    for model in models:
        if model._meta.label not in REINDEX:
            continue
        uid = f"search-{model.__name__}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
    post_migrate.connect(_migrated, dispatch_uid="search-migrate")

"""Keep the search index in step with what families can read.

Only published pages (and their sections) and the glossary are indexed, as
plain text. Saving or deleting content reindexes what it touches at once, in
the same transaction, so results follow publishing (and a rolled-back test
leaves no trace). After migrations, and so after a test database is flushed,
the whole index is rebuilt from live content.
"""

import html
import re

import nh3
from django.db import connection
from django.db.models.signals import post_delete, post_migrate, post_save

from condition.rendering import CITE_RE, sanitise
from condition.search.models import SearchDocument
from condition.terms import TermMatcher

# Private-use characters mark highlights in snippets, so no indexed text may hold them.
MARK_START, MARK_END = "\ue000", "\ue001"
_UNWANTED = re.compile(r"[\ue000-\uf8ff\x00-\x08\x0b-\x1f\x7f]")
_SPACE = re.compile(r"\s+")
WORDS_LIST = "Word list"


def plain(text):
    """Staff Markdown -> the words a family reads, without markup or citation keys."""
    cleaned = nh3.clean(sanitise(CITE_RE.sub("", text or "")), tags=set())
    return _SPACE.sub(" ", _UNWANTED.sub("", html.unescape(cleaned))).strip()


def _page_documents(page, glossary):
    from condition.models import Page

    if page.status != Page.Status.PUBLISHED or page.is_translation:
        return []  # search covers the original language (README: languages)
    condition = page.condition
    aliases = " ".join([condition.name, *condition.other_names_list])
    sections = [section for section in page.sections.all() if section.is_shown]
    base = page.order * 1000
    documents = [
        SearchDocument(
            kind=SearchDocument.Kind.PAGE,
            page=page,
            url=page.get_absolute_url(),
            page_title=page.title,
            position=base,
            title=plain(page.title),
            aliases=plain(aliases),
            body=plain(page.summary + "\n\n" + page.key_points),
            term_ids=_term_ids(TermMatcher(glossary), page, sections),
        )
    ]
    for index, section in enumerate(sections, start=1):
        documents.append(
            SearchDocument(
                kind=SearchDocument.Kind.SECTION,
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


def _term_document(term):
    return SearchDocument(
        kind=SearchDocument.Kind.TERM,
        term=term,
        url=term.get_absolute_url(),
        page_title=WORDS_LIST,
        heading=term.term,
        position=10**9,
        title=plain(", ".join(term.forms)),
        body=plain(term.definition),
    )


def _write(documents, *, delete, everything=False):
    """Replace the rows matched by `delete` (a queryset) with `documents`."""
    if connection.vendor == "postgresql":
        from condition.search import postgres

        postgres.replace(delete, documents, everything=everything)
    else:
        delete.delete()
        SearchDocument.objects.bulk_create(documents)


def reindex_page(page_id):
    from condition.models import GlossaryTerm, Page

    page = Page.objects.select_related("condition").prefetch_related("sections__care_advice").filter(pk=page_id).first()
    documents = _page_documents(page, list(GlossaryTerm.objects.live())) if page else []
    _write(documents, delete=SearchDocument.objects.filter(page_id=page_id))


def reindex_term(term_id):
    from condition.models import GlossaryTerm

    term = GlossaryTerm.objects.live().filter(pk=term_id).first()
    _write([_term_document(term)] if term else [], delete=SearchDocument.objects.filter(term_id=term_id))


def glossary_changed(term_id):
    """A term was saved or deleted: its own row, and the terms each page uses (for related topics).

    Only the pages whose set of terms changed are updated; their indexed text is
    untouched, so the full-text index does no work for them.
    """
    from condition.models import GlossaryTerm, Page

    reindex_term(term_id)
    matcher = TermMatcher(list(GlossaryTerm.objects.live()))
    current = dict(SearchDocument.objects.filter(kind=SearchDocument.Kind.PAGE).values_list("page_id", "term_ids"))
    pages = (
        Page.objects.filter(pk__in=current)
        .only("title", "summary", "key_points")
        .prefetch_related("sections__care_advice")
    )
    for page in pages:
        term_ids = _term_ids(matcher, page, page.sections.all())
        if term_ids != current[page.pk]:
            SearchDocument.objects.filter(kind=SearchDocument.Kind.PAGE, page=page).update(term_ids=term_ids)


def rebuild():
    """Index all live content afresh."""
    from condition.models import GlossaryTerm, Page

    glossary = list(GlossaryTerm.objects.live())
    pages = Page.objects.live().select_related("condition").prefetch_related("sections__care_advice")
    documents = [document for page in pages for document in _page_documents(page, glossary)]
    documents += [_term_document(term) for term in glossary]
    _write(documents, delete=SearchDocument.objects.all(), everything=True)


def content_changed(sender, instance, **kwargs):
    """post_save / post_delete receiver: reindex what the change touches."""
    name = sender.__name__
    if getattr(instance, "draft_of_id", None):
        return  # a working copy: families never read it, and its approval saves the live row
    if name == "Page":
        reindex_page(instance.pk)
    elif name == "Section":
        reindex_page(instance.page_id)
    elif name == "GlossaryTerm":
        glossary_changed(instance.pk)
    elif name == "Condition" and instance.is_live:
        rebuild()  # its other names are indexed with every page
    elif name == "CareAdvice":
        for page_id in set(instance.placements.values_list("page_id", flat=True)):
            reindex_page(page_id)  # its words read the same on every page that places it


def _migrated(sender, **kwargs):
    if sender.name == "condition" and SearchDocument._meta.db_table in connection.introspection.table_names():
        rebuild()


def connect(models):
    for model in models:
        uid = f"search-{model.__name__}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
    post_migrate.connect(_migrated, dispatch_uid="search-migrate")

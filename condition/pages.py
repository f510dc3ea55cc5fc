"""The one render path: pages as a reader reads them, on screen and on paper.

The topic page, the admin preview, the page handout, the whole guide and the
staff PDF all call `render_pages()`, so what a reader gets is decided once:
the language of each page, the care boxes (always the original page's as they
are now, each in the reader's language only where that advice is up to date),
the citation numbering, the first use of each glossary term and the pictures.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import translation as django_translation

from condition.care import most_urgent_first
from condition.models import GlossaryTerm, Page, Section, Source
from condition.rendering import PageRenderer
from condition.translations import (
    ORIGINAL_LANGUAGE,
    in_language,
    put_safe_care_advice,
    translate_in_place,
    with_original_care_boxes,
)

# Families: live pages, each replaced by its live translation in the reader's language where there is one.
PUBLIC = "public"
# Staff: the pages chosen (drafts included), each as it is.
STAFF = "staff"
AUDIENCES = (PUBLIC, STAFF)


@dataclass
class RenderedPages:
    entries: list  # {"page": page, "sections": [RenderedSection]} for each page, in the order given
    sources: list  # the sources cited, in one numbering across the pages
    source_entries: list  # the same as rendering.CitedSource: number, source and the markers citing it
    terms: list  # the glossary terms explained, at their first use
    language: str


def render_pages(pages, language, audience, *, printed=False):
    """`pages` rendered for a reader of `language`: for families (PUBLIC) or staff (STAFF).

    On screen a quoted care box title links to the box on the same page; on
    paper (`printed`) there is nothing to follow, so it does not.
    """
    if audience not in AUDIENCES:
        raise ValueError(f"Unknown audience {audience!r}")
    pages = list(pages)
    if audience == PUBLIC and pages:
        pages = in_language(pages, language, model=Page, queryset=Page.objects.select_related("condition"))
        if language != ORIGINAL_LANGUAGE:
            translate_in_place(list({page.condition_id: page.condition for page in pages}.values()), language)
    with django_translation.override(language):  # the words the renderer adds (a source's label)
        return _render(pages, language, printed)


def _render(pages, language, printed):
    sections_by_page = reading_sections(pages, language)
    sources = Source.cited_in(section.text for sections in sections_by_page.values() for section in sections)
    glossary = glossary_rows({page.language for page in pages}) if pages else []
    renderer = PageRenderer(sources=sources, glossary=glossary, explain_in_place=not printed)
    entries, terms = [], []
    for page in pages:
        sections = sections_by_page[page.pk]
        renderer.link_care_boxes(() if printed else [s.care_advice for s in sections if s.care_advice_id])
        rendered = [renderer.render(section, _language_of(section, page)) for section in sections]
        terms.extend(term for item in rendered for term in item.terms)
        entries.append({"page": page, "sections": rendered})
    return RenderedPages(
        entries=entries,
        sources=renderer.cited_sources,
        source_entries=renderer.cited_entries,
        terms=terms,
        language=language,
    )


# What rendering reads of a glossary term (rendering.PageRenderer, terms.TermMatcher, the "Words to know" lists).
TERM_FIELDS = ("pk", "language", "term", "slug", "other_forms", "definition")


def glossary_rows(languages):
    """The live glossary terms of `languages` as light rows with TERM_FIELDS: with 3,300 terms a page
    explains a handful, and making a model object of each cost a Spanish topic page about 300 ms."""
    return list(GlossaryTerm.objects.live_in(languages).values_list(*TERM_FIELDS, named=True))


def _language_of(section, page):
    """A section's text language: its page's, or the original's for a section the translation lacks."""
    return ORIGINAL_LANGUAGE if getattr(section, "shown_in_original", False) else page.language


def reading_sections(pages, language):
    """{page pk: the sections a reader of `language` reads on it, in order}, in two queries (sections, pictures).

    A translated page shows its own text and its original page's care boxes as
    they are now, and the original's text where it lacks a section
    (translations.with_original_care_boxes); every box shows advice
    made safe for `language` (translations.put_safe_care_advice).
    """
    if not pages:
        return {}
    originals = [page.translation_of_id for page in pages if page.is_translation]
    rows = (
        Section.objects.shown()
        .filter(Q(page__in=[page.pk for page in pages]) | Q(page__in=originals))
        .select_related("care_advice")
        .prefetch_related("images")
    )
    by_page = {}
    for section in rows:
        by_page.setdefault(section.page_id, []).append(section)
    shown = {}
    for page in pages:
        sections = by_page.get(page.pk, [])
        if page.is_translation:
            sections = with_original_care_boxes(sections, by_page.get(page.translation_of_id, []))
        shown[page.pk] = sections
    put_safe_care_advice([section for sections in shown.values() for section in sections], language)
    return {pk: most_urgent_first(sections) for pk, sections in shown.items()}

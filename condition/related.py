"""Related topics under a page: chosen by staff, else the pages sharing most of its glossary terms."""

from django.db.models import Exists, OuterRef, Q, Subquery

from condition.models import Page
from condition.search.models import SearchDocument

MAX_RELATED = 3


def pages_around(page):
    """The published pages of the page's condition and those staff chose as related, in one query.

    Each carries `is_chosen` and `term_ids` (the glossary terms the search index
    found on it), so related topics cost no query of their own.
    """
    chosen = Page.related_pages.through.objects.filter(from_page_id=page.pk, to_page_id=OuterRef("pk"))
    terms = SearchDocument.objects.filter(page_id=OuterRef("pk"), kind=SearchDocument.Kind.PAGE).values("term_ids")
    return list(
        Page.objects.live()
        .filter(Q(condition_id=page.condition_id) | Exists(chosen))
        .annotate(is_chosen=Exists(chosen), term_ids=Subquery(terms[:1]))
        .only("title", "slug", "order", "condition_id", "language")  # language: marks one shown untranslated
    )


def related_topics(page, candidates, page_terms):
    """Up to MAX_RELATED pages: the ones staff chose, or those sharing most terms with `page_terms`.

    Linear in the number of candidates: each page's term set comes with it.
    """
    chosen = [candidate for candidate in candidates if candidate.is_chosen and candidate.pk != page.pk]
    if chosen:
        return chosen
    scored = []
    for candidate in candidates:
        if candidate.pk == page.pk:
            continue
        shared = len(page_terms & {int(pk) for pk in (candidate.term_ids or "").split()})
        if shared:
            scored.append((-shared, candidate.order, candidate.title, candidate))
    return [candidate for *_, candidate in sorted(scored, key=lambda row: row[:3])[:MAX_RELATED]]

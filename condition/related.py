"""Related topics under a page: chosen by staff, else the pages sharing most of its glossary terms."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Subquery

from condition.models import Page
from condition.search.models import SearchDocument

MAX_RELATED = 3
# What a link to a neighbouring page needs: its address and words (language marks one shown untranslated).
SHOWN_FIELDS = ("id", "title", "slug", "order", "condition_id", "language")  # attnames


@dataclass
class Around:
    """The pages a topic page links to: previous and next in its condition, and its related topics."""

    previous: object
    next: object
    related: list


def pages_around(page, page_terms):
    """The neighbours of `page` and its related topics (`page_terms`: pks of the terms it explains).

    One query reads a row (not a model object) per published page of the
    condition, with whether staff chose it and the glossary terms the search
    index found on it; only the pages linked to (five at most) become objects.
    """
    chosen = Page.related_pages.through.objects.filter(from_page_id=page.pk, to_page_id=OuterRef("pk"))
    terms = SearchDocument.objects.filter(page_id=OuterRef("pk"), kind=SearchDocument.Kind.PAGE).values("term_ids")
    rows = list(
        Page.objects.live()
        .filter(Q(condition_id=page.condition_id) | Exists(chosen))
        .annotate(is_chosen=Exists(chosen), term_ids=Subquery(terms[:1]))
        .values_list(*SHOWN_FIELDS, "is_chosen", "term_ids")
    )
    width = len(SHOWN_FIELDS)
    siblings = [row for row in rows if row[4] == page.condition_id]
    index = next((i for i, row in enumerate(siblings) if row[0] == page.pk), None)
    previous = siblings[index - 1] if index else None
    following = siblings[index + 1] if index is not None and index + 1 < len(siblings) else None
    related = _related([row for row in rows if row[0] != page.pk], page_terms, chosen_at=width, terms_at=width + 1)

    # Model.from_db() takes the values in the model's own field order.
    in_model_order = [f.attname for f in Page._meta.concrete_fields if f.attname in SHOWN_FIELDS]
    where = [SHOWN_FIELDS.index(name) for name in in_model_order]

    def as_page(row):
        return None if row is None else Page.from_db(Page.objects.db, in_model_order, [row[i] for i in where])

    return Around(previous=as_page(previous), next=as_page(following), related=[as_page(row) for row in related])


def _related(candidates, page_terms, *, chosen_at, terms_at):
    """Up to MAX_RELATED rows: the ones staff chose, or those sharing most of `page_terms`.

    Linear in the number of candidates: each page's term set comes with its row.
    """
    chosen = [row for row in candidates if row[chosen_at]]
    if chosen:
        return chosen
    scored = []
    for row in candidates:
        shared = len(page_terms & {int(pk) for pk in (row[terms_at] or "").split()})
        if shared:
            scored.append((-shared, row[3], row[1], row))  # most shared, then the topic order, then the title
    return [row for *_, row in sorted(scored, key=lambda item: item[:3])[:MAX_RELATED]]

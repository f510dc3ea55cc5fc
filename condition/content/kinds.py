"""How each kind of default condition content is found, compared, created and updated."""

import datetime

from django.core.files import File

from condition.content.care import CARE_ADVICE
from condition.content.glossary import GLOSSARY
from condition.content.pages import CONDITION, PAGES
from condition.content.pictures import FOLDER as PICTURE_FOLDER
from condition.content.pictures import PICTURES
from condition.content.questions import QUESTIONS
from condition.content.sources import SOURCES
from condition.defaults import Conflict, Item, register
from condition.models import (
    CareAdvice,
    ClinicProfile,
    Condition,
    GlossaryTerm,
    Page,
    Section,
    SectionImage,
    Source,
    SuggestedQuestion,
)

URGENCY = {
    "emergency": CareAdvice.Urgency.EMERGENCY,
    "urgent": CareAdvice.Urgency.URGENT,
    "soon": CareAdvice.Urgency.SOON,
}


def _set(obj, data):
    if obj._state.adding:
        obj.status = obj.Status.PUBLISHED  # the clinic's starting content (README: first install)
    for name, value in data.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()


@register(order=10)
def clinic_profile():
    def create():
        ClinicProfile(name="Children's Neurology Clinic", status=ClinicProfile.Status.PUBLISHED).save()

    # Only created: the clinic's own details are never "corrected" by a shipped default.
    yield Item(
        "clinic profile", "1", {}, ClinicProfile.objects.originals().first, lambda obj: {}, create, lambda obj: None
    )


@register(order=20)
def sources():
    for data in SOURCES:
        shipped = {
            "citation": data["citation"],
            "url": data["url"],
            "year": data["year"],
            "accessed": data.get("accessed"),
        }

        def read(source):
            return {
                "citation": source.citation,
                "url": source.url,
                "year": source.year,
                "accessed": source.accessed.isoformat() if source.accessed else None,
            }

        def values(shipped=shipped):
            accessed = shipped["accessed"]
            return {**shipped, "accessed": datetime.date.fromisoformat(accessed) if accessed else None}

        key = data["key"]
        yield Item(
            "source",
            key,
            shipped,
            lambda key=key: Source.objects.originals().filter(translation_of=None, key=key).first(),
            read,
            lambda key=key, values=values: _set(Source(key=key), values()),
            lambda obj, values=values: _set(obj, values()),
        )


@register(order=30)
def glossary():
    for term, slug, other_forms, definition in GLOSSARY:
        shipped = {"term": term, "other_forms": other_forms, "definition": definition}
        yield Item(
            "glossary term",
            slug,
            shipped,
            lambda slug=slug, term=term: (
                GlossaryTerm.objects.originals().filter(translation_of=None, slug=slug).first()
                or GlossaryTerm.objects.originals().filter(translation_of=None, term__iexact=term).first()
            ),
            lambda obj: {"term": obj.term, "other_forms": obj.other_forms, "definition": obj.definition},
            lambda slug=slug, shipped=shipped: _set(GlossaryTerm(slug=slug), shipped),
            lambda obj, shipped=shipped: _set(obj, shipped),
        )


def _care_fields(data):
    """Shipped care advice in the plain form `_read_care` gives."""
    return {name: data[name] for name in ("title", "urgency", "look_for", "action")}


def _read_care(advice):
    return {
        "title": advice.title,
        "urgency": CareAdvice.Urgency(advice.urgency).name.lower(),
        "look_for": advice.look_for,
        "action": advice.action,
    }


@register(order=40)
def care_advice():
    for data in CARE_ADVICE:
        shipped = _care_fields(data)

        def values(shipped=shipped):
            return {**shipped, "urgency": URGENCY[shipped["urgency"]]}

        key = data["key"]
        yield Item(
            "care advice",
            key,
            shipped,
            lambda key=key: CareAdvice.objects.originals().filter(translation_of=None, key=key).first(),
            _read_care,
            lambda key=key, values=values: _set(CareAdvice(key=key), values()),
            lambda obj, values=values: _set(obj, values()),
        )


@register(order=50)
def condition():
    shipped = {name: CONDITION[name] for name in ("name", "other_names", "summary")}
    yield Item(
        "condition",
        CONDITION["slug"],
        shipped,
        lambda: Condition.objects.originals().filter(translation_of=None, slug=CONDITION["slug"]).first(),
        lambda obj: {name: getattr(obj, name) for name in shipped},
        lambda: _set(Condition(slug=CONDITION["slug"]), shipped),
        lambda obj: _set(obj, shipped),
    )


def _section_entry(section):
    if section.care_advice_id:
        return ["care", section.care_advice.key]
    return [section.heading, section.anchor, section.body]


def _shipped_care():
    """key -> care advice for the advice in the database that reads exactly as shipped.

    A page places only these: advice staff wrote or changed under a shipped key
    never goes live through the loader.
    """
    shipped = {data["key"]: data for data in CARE_ADVICE}
    return {
        advice.key: advice
        for advice in CareAdvice.objects.originals().filter(translation_of=None, key__in=shipped)
        if _read_care(advice) == _care_fields(shipped[advice.key])
    }


def _section_values(entry, care):
    if entry[0] == "care":
        advice = care.get(entry[1])
        if advice is None:
            raise Conflict(
                f"care advice {entry[1]} is missing or differs from the shipped text; "
                "a clinician should check it before a page places it"
            )
        return {"anchor": advice.key, "heading": "", "body": "", "care_advice": advice}
    heading, anchor, body = entry
    return {"anchor": anchor, "heading": heading, "body": body, "care_advice": None}


def _page_fields(data, order):
    return {
        "title": data["title"],
        "summary": data["summary"],
        "key_points": data["key_points"],
        "order": order,
        "sections": [list(entry) for entry in data["sections"]],
    }


def _read_page(page):
    sections = page.sections.select_related("care_advice")
    return {
        "title": page.title,
        "summary": page.summary,
        "key_points": page.key_points,
        "order": page.order,
        "sections": [_section_entry(section) for section in sections],
    }


def _create_page(slug, shipped):
    # The default content is the project's draft, published so the portal is
    # usable, and honestly marked as not yet reviewed by a clinician.
    page = Page.objects.create(
        condition=Condition.objects.originals().get(translation_of=None, slug=CONDITION["slug"]),
        slug=slug,
        status=Page.Status.PUBLISHED,
        **{name: value for name, value in shipped.items() if name != "sections"},
    )
    care = _shipped_care()
    Section.objects.bulk_create(
        [
            Section(page=page, order=index * 10, **_section_values(entry, care))
            for index, entry in enumerate(shipped["sections"], start=1)
        ]
    )


def _update_page(page, shipped):
    """Take the shipped text; sections keep their ids by anchor, so quiz links survive."""
    for name, value in shipped.items():
        if name != "sections":
            setattr(page, name, value)
    page.save()
    care = _shipped_care()
    existing = {section.anchor: section for section in page.sections.all()}
    wanted = set()
    for index, entry in enumerate(shipped["sections"], start=1):
        values = _section_values(entry, care)
        wanted.add(values["anchor"])
        section = existing.get(values["anchor"]) or Section(page=page)
        _set(section, {**values, "order": index * 10})
    for anchor, section in existing.items():
        if anchor not in wanted:
            section.delete()


@register(order=60)
def pages():
    for index, data in enumerate(PAGES, start=1):
        slug = data["slug"]
        shipped = _page_fields(data, index * 10)
        yield Item(
            "page",
            slug,
            shipped,
            lambda slug=slug: Page.objects.originals().filter(translation_of=None, slug=slug).first(),
            _read_page,
            lambda slug=slug, shipped=shipped: _create_page(slug, shipped),
            lambda page, shipped=shipped: _update_page(page, shipped),
        )


def _set_questions(page, texts):
    page.suggested_questions.all().delete()
    for order, text in enumerate(texts, start=1):
        SuggestedQuestion.objects.create(page=page, text=text, order=order * 10)


def _on_page(slug, put, value):
    """Create something a default page carries (its questions, its pictures), unless staff deleted the page."""
    page = Page.objects.originals().filter(translation_of=None, slug=slug).first()
    if page is not None:
        put(page, value)


@register(order=65)
def suggested_questions():
    """Each default page's questions for the care team, as one item per page."""
    for slug, texts in QUESTIONS.items():
        shipped = {"questions": list(texts)}
        yield Item(
            "questions for",
            slug,
            shipped,
            # Missing while the page has none; the page itself must exist.
            lambda slug=slug: (
                Page.objects.originals()
                .filter(translation_of=None, slug=slug, suggested_questions__isnull=False)
                .first()
            ),
            lambda page: {"questions": [q.text for q in page.suggested_questions.all()]},
            lambda slug=slug, texts=texts: _on_page(slug, _set_questions, texts),
            lambda page, texts=texts: _set_questions(page, texts),
        )


def _read_pictures(page):
    return {
        "pictures": [
            {"section": image.section.anchor, "alt": image.alt, "caption": image.caption}
            for image in SectionImage.objects.filter(section__page=page).select_related("section")
        ]
    }


def _set_pictures(page, pictures):
    """Put the shipped pictures under their sections, through the same checks as a staff upload."""
    SectionImage.objects.filter(section__page=page).delete()  # files stay: a live row may share them
    sections = {section.anchor: section for section in page.sections.all()}
    for order, data in enumerate(pictures, start=1):
        section = sections.get(data["section"])
        if section is None:
            raise Conflict(f"the page has no section {data['section']} for its picture")
        with (PICTURE_FOLDER / data["file"]).open("rb") as handle:
            image = SectionImage(section=section, alt=data["alt"], caption=data["caption"], order=order * 10)
            image.image = File(handle, name=data["file"])  # a new upload: checked, cleaned, resized on save
            image.full_clean()
            image.save()


@register(order=66)
def pictures():
    """Each default page's pictures, as one item per page (like its questions)."""
    for slug, pictures in PICTURES.items():
        shipped = {"pictures": [{name: data[name] for name in ("section", "alt", "caption")} for data in pictures]}
        yield Item(
            "pictures for",
            slug,
            shipped,
            lambda slug=slug: (
                Page.objects.originals().filter(translation_of=None, slug=slug, sections__images__isnull=False).first()
            ),
            _read_pictures,
            lambda slug=slug, pictures=pictures: _on_page(slug, _set_pictures, pictures),
            lambda page, pictures=pictures: _set_pictures(page, pictures),
        )

"""How each kind of default condition content (condition/shipped/) is found, compared, created and updated.

The English items are the originals; each other language that ships content
loads as live translations of them (condition.translations), marked not yet
reviewed by a clinician (`translation_reviewed` is False) until a clinical
reviewer approves a change to it. A language without shipped content simply
has none: families reading it see the English, marked.

Translated words are plain data shaped like the item: its translated fields,
and for each kind of row it carries (sections, questions, choices, pictures), a
list in the rows' order. Reading a translation gives the same shape, so
`--update` can compare and show a shipped correction like any other.
"""

import datetime

from django.conf import settings
from django.core.files import File

from condition import shipped, translations
from condition.content import Content, children_of
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

ENGLISH = shipped.content(settings.LANGUAGE_CODE)
CONDITION = ENGLISH.condition
PICTURE_FOLDER = shipped.PICTURES

URGENCY = {
    "emergency": CareAdvice.Urgency.EMERGENCY,
    "urgent": CareAdvice.Urgency.URGENT,
    "soon": CareAdvice.Urgency.SOON,
}


def _set(obj, data):
    if obj._state.adding:
        obj.status = obj.Status.PUBLISHED  # the clinic's starting content (docs/content.md)
    for name, value in data.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()


@register(order=10)
def clinic_profile():
    def create():
        ClinicProfile(name=ENGLISH.clinic["name"], status=ClinicProfile.Status.PUBLISHED).save()

    # Only created: the clinic's own details are never "corrected" by a shipped default.
    yield Item(
        "clinic profile", "1", {}, ClinicProfile.objects.originals().first, lambda obj: {}, create, lambda obj: None
    )


@register(order=20)
def sources():
    for data in shipped.sources():
        fields = {
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

        def values(fields=fields):
            accessed = fields["accessed"]
            return {**fields, "accessed": datetime.date.fromisoformat(accessed) if accessed else None}

        key = data["key"]
        yield Item(
            "source",
            key,
            fields,
            lambda key=key: Source.objects.originals().filter(translation_of=None, key=key).first(),
            read,
            lambda key=key, values=values: _set(Source(key=key), values()),
            lambda obj, values=values: _set(obj, values()),
        )


@register(order=30)
def glossary():
    for term, slug, other_forms, definition in ENGLISH.glossary:
        fields = {"term": term, "other_forms": other_forms, "definition": definition}
        yield Item(
            "glossary term",
            slug,
            fields,
            lambda slug=slug, term=term: (
                GlossaryTerm.objects.originals().filter(translation_of=None, slug=slug).first()
                or GlossaryTerm.objects.originals().filter(translation_of=None, term__iexact=term).first()
            ),
            lambda obj: {"term": obj.term, "other_forms": obj.other_forms, "definition": obj.definition},
            lambda slug=slug, fields=fields: _set(GlossaryTerm(slug=slug), fields),
            lambda obj, fields=fields: _set(obj, fields),
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
    for data in ENGLISH.care_advice:
        fields = _care_fields(data)

        def values(fields=fields):
            return {**fields, "urgency": URGENCY[fields["urgency"]]}

        key = data["key"]
        yield Item(
            "care advice",
            key,
            fields,
            lambda key=key: CareAdvice.objects.originals().filter(translation_of=None, key=key).first(),
            _read_care,
            lambda key=key, values=values: _set(CareAdvice(key=key), values()),
            lambda obj, values=values: _set(obj, values()),
        )


@register(order=50)
def condition():
    fields = {name: CONDITION[name] for name in ("name", "other_names", "summary")}
    yield Item(
        "condition",
        CONDITION["slug"],
        fields,
        lambda: Condition.objects.originals().filter(translation_of=None, slug=CONDITION["slug"]).first(),
        lambda obj: {name: getattr(obj, name) for name in fields},
        lambda: _set(Condition(slug=CONDITION["slug"]), fields),
        lambda obj: _set(obj, fields),
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
    care = ENGLISH.care
    return {
        advice.key: advice
        for advice in CareAdvice.objects.originals().filter(translation_of=None, key__in=care)
        if _read_care(advice) == _care_fields(care[advice.key])
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


def _page_fields(page, order):
    return {
        "title": page["title"],
        "summary": page["summary"],
        "key_points": page["key_points"],
        "order": order,
        "sections": [list(entry) for entry in page["sections"]],
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


def _create_page(slug, fields):
    # The default content is the project's draft, published so the portal is
    # usable, and honestly marked as not yet reviewed by a clinician.
    page = Page.objects.create(
        condition=Condition.objects.originals().get(translation_of=None, slug=CONDITION["slug"]),
        slug=slug,
        status=Page.Status.PUBLISHED,
        **{name: value for name, value in fields.items() if name != "sections"},
    )
    care = _shipped_care()
    Section.objects.bulk_create(
        [
            Section(page=page, order=index * 10, **_section_values(entry, care))
            for index, entry in enumerate(fields["sections"], start=1)
        ]
    )


def _update_page(page, fields):
    """Take the fields text; sections keep their ids by anchor, so quiz links survive."""
    for name, value in fields.items():
        if name != "sections":
            setattr(page, name, value)
    page.save()
    care = _shipped_care()
    existing = {section.anchor: section for section in page.sections.all()}
    wanted = set()
    for index, entry in enumerate(fields["sections"], start=1):
        values = _section_values(entry, care)
        wanted.add(values["anchor"])
        section = existing.get(values["anchor"]) or Section(page=page)
        _set(section, {**values, "order": index * 10})
    for anchor, section in existing.items():
        if anchor not in wanted:
            section.delete()


@register(order=60)
def pages():
    for index, page in enumerate(ENGLISH.pages, start=1):
        slug = page["slug"]
        fields = _page_fields(page, index * 10)
        yield Item(
            "page",
            slug,
            fields,
            lambda slug=slug: Page.objects.originals().filter(translation_of=None, slug=slug).first(),
            _read_page,
            lambda slug=slug, fields=fields: _create_page(slug, fields),
            lambda page, fields=fields: _update_page(page, fields),
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
    for slug, texts in ENGLISH.questions.items():
        fields = {"questions": list(texts)}
        yield Item(
            "questions for",
            slug,
            fields,
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
    for slug, pictures in ENGLISH.pictures.items():
        fields = {"pictures": [{name: data[name] for name in ("section", "alt", "caption")} for data in pictures]}
        yield Item(
            "pictures for",
            slug,
            fields,
            lambda slug=slug: (
                Page.objects.originals().filter(translation_of=None, slug=slug, sections__images__isnull=False).first()
            ),
            _read_pictures,
            lambda slug=slug, pictures=pictures: _on_page(slug, _set_pictures, pictures),
            lambda page, pictures=pictures: _set_pictures(page, pictures),
        )


# --- translations of the default content -------------------------------------------
PICTURE_FILE = "picture file"  # a picture row's shipped file name, beside its words


def translated_content():
    """The shipped content of each language that content is translated into (settings.LANGUAGES)."""
    for code, _ in translations.languages():
        found = shipped.content(code)
        if found is not None:
            yield found


def read_words(row):
    """A row's translated words and its rows', in the shape shipped words take."""
    words = {
        name: getattr(row, name)
        for name in row.translated_fields
        if name != "image" and row._meta.get_field(name).editable  # files and their sizes are not words
    }
    for accessor, _ in children_of(row):
        words[accessor] = [read_words(child) for child in getattr(row, accessor).all()]
    return words


def write_words(row, words):
    """Put shipped words on a row and its rows (matched by order); only translated fields are written."""
    for name in row.translated_fields:
        if name in words:
            setattr(row, name, words[name])
    if words.get(PICTURE_FILE):
        with (PICTURE_FOLDER / words[PICTURE_FILE]).open("rb") as handle:
            row.image = File(handle, name=words[PICTURE_FILE])  # a new upload: checked, cleaned, resized
            row.full_clean(exclude=[row.parent_field])
            row.save()
    else:
        row.save()
    for accessor, _ in children_of(row):
        rows, given = list(getattr(row, accessor).all()), words.get(accessor)
        if given is None:
            continue
        if len(rows) != len(given):
            raise Conflict(f"its {accessor.replace('_', ' ')} differ from the English ones: translate it in the admin")
        for child, child_words in zip(rows, given, strict=True):
            write_words(child, child_words)


def _without_files(words):
    """Words as read back (a picture's file is not compared: it is re-encoded on upload)."""
    return {
        name: [_without_files(row) for row in value] if isinstance(value, list) else value
        for name, value in words.items()
        if name != PICTURE_FILE
    }


def translation_item(kind, key, language, words, find_original):
    """An Item for `load_oms_content`: the live translation of `find_original()` into `language`."""
    model_words = _without_files(words)

    def find():
        original = find_original()
        if original is None:
            return None
        return type(original).objects.originals().filter(translation_of=original, language=language).first()

    def create():
        original = find_original()
        if original is None or not original.is_live:
            raise Conflict("its English version is missing or not live")
        translation = translations.new_translation(original, language, None)
        write_words(translation, words)
        translation.status = Content.Status.PUBLISHED  # shipped, and marked not yet reviewed by a clinician
        translation.full_clean()
        translation.save()

    return Item(f"{kind} ({language})", key, model_words, find, read_words, create, lambda row: write_words(row, words))


def _english(model, **lookup):
    return lambda: model.objects.originals().filter(translation_of=None, **lookup).first()


def _page_words(page):
    """A page's words in the shape `read_words` gives: care boxes carry none (they place translated advice)."""
    by_section = {}
    for picture in page["pictures"]:
        by_section.setdefault(picture["section"], []).append(
            {"alt": picture["alt"], "caption": picture["caption"], PICTURE_FILE: picture.get("file", "")}
        )
    sections = []
    for entry in page["sections"]:
        if entry[0] == "care":
            sections.append({"heading": "", "body": "", "images": []})
        else:
            heading, anchor, body = entry
            sections.append({"heading": heading, "body": body, "images": by_section.get(anchor, [])})
    return {
        "title": page["title"],
        "summary": page["summary"],
        "key_points": page["key_points"],
        "sections": sections,
        "suggested_questions": [{"text": text} for text in page["questions"]],
    }


def _clinic_as_shipped():
    """The clinic profile while it still has the shipped name: a clinic's own name is never given a
    shipped translation (families would read another clinic's name)."""
    profile = ClinicProfile.objects.originals().filter(translation_of=None).first()
    return profile if profile is not None and profile.name == ENGLISH.clinic["name"] else None


def clinic_translation(code, name):
    """The clinic's name in `code`, loaded once and never "corrected" (the clinic's own words), like the English."""
    item = translation_item("clinic profile", "1", code, {"name": name}, _clinic_as_shipped)
    create = item.create
    item.create = lambda: _clinic_as_shipped() is not None and create()
    item.read = lambda row: {"name": row.name}  # the short name is the clinic's, copied from the English
    item.update = lambda row: None
    return item


@register(order=80)
def condition_translations():
    for found in translated_content():
        code = found.language
        yield clinic_translation(code, found.clinic["name"])
        for data in found.care_advice:
            words = {name: data[name] for name in ("title", "look_for", "action")}
            yield translation_item("care advice", data["key"], code, words, _english(CareAdvice, key=data["key"]))
        for term, slug, other_forms, definition in found.glossary:
            words = {"term": term, "other_forms": other_forms, "definition": definition}
            yield translation_item("glossary term", slug, code, words, _english(GlossaryTerm, slug=slug))
        condition = found.condition
        words = {name: condition[name] for name in ("name", "other_names", "summary")}
        yield translation_item("condition", condition["slug"], code, words, _english(Condition, slug=condition["slug"]))
        for page in found.pages:
            words = _page_words(page)
            yield translation_item("page", page["slug"], code, words, _english(Page, slug=page["slug"]))

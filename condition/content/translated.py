"""The default content's translations, loaded as translations of the default items (condition.translations).

Each language in settings.LANGUAGES may ship words in condition/content/<code>/
(and quizzes/content_<code>.py): the same pages, keys and rows as the English,
in the same order. Loading makes each one a live translation of its English
item, marked not yet reviewed by a clinician (`translation_reviewed` is False)
until a clinical reviewer approves a change to it. A language without shipped
words simply has none: families reading it see the English, marked.

Words are plain data shaped like the item: its translated fields, and for each
kind of row it carries (sections, questions, choices, pictures), a list in the
rows' order. Reading a translation gives the same shape, so `--update` can
compare and show a shipped correction like any other.
"""

import importlib

from django.core.files import File

from condition import translations
from condition.content.pictures import FOLDER as PICTURE_FOLDER
from condition.defaults import Conflict, Item, register
from condition.drafts import Content, children_of
from condition.models import CareAdvice, Condition, GlossaryTerm, Page

PICTURE_FILE = "picture file"  # a picture row's shipped file name, beside its words


def shipped_modules(package, name):
    """(language code, module) for each translated language that ships `package`.<code>.`name`."""
    for code, _ in translations.languages():
        try:
            yield code, importlib.import_module(f"{package}.{code}.{name}" if name else f"{package}_{code}")
        except ModuleNotFoundError:
            continue


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
        rows, shipped = list(getattr(row, accessor).all()), words.get(accessor)
        if shipped is None:
            continue
        if len(rows) != len(shipped):
            raise Conflict(f"its {accessor.replace('_', ' ')} differ from the English ones: translate it in the admin")
        for child, child_words in zip(rows, shipped, strict=True):
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


def _page_words(page, questions, pictures):
    """A page's words in the shape `read_words` gives: care boxes carry none (they place translated advice)."""
    by_section = {}
    for picture in pictures:
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
        "suggested_questions": [{"text": text} for text in questions],
    }


@register(order=80)
def condition_translations():
    for code, care in shipped_modules("condition.content", "care"):
        for data in care.CARE_ADVICE:
            words = {name: data[name] for name in ("title", "look_for", "action")}
            yield translation_item("care advice", data["key"], code, words, _english(CareAdvice, key=data["key"]))
    for code, glossary in shipped_modules("condition.content", "glossary"):
        for term, slug, other_forms, definition in glossary.GLOSSARY:
            words = {"term": term, "other_forms": other_forms, "definition": definition}
            yield translation_item("glossary term", slug, code, words, _english(GlossaryTerm, slug=slug))
    for code, pages in shipped_modules("condition.content", "pages"):
        condition = pages.CONDITION
        words = {name: condition[name] for name in ("name", "other_names", "summary")}
        yield translation_item("condition", condition["slug"], code, words, _english(Condition, slug=condition["slug"]))
        questions = importlib.import_module(f"condition.content.{code}.questions").QUESTIONS
        pictures = importlib.import_module(f"condition.content.{code}.pictures").PICTURES
        for page in pages.PAGES:
            slug = page["slug"]
            words = _page_words(page, questions.get(slug, ()), pictures.get(slug, ()))
            yield translation_item("page", slug, code, words, _english(Page, slug=slug))

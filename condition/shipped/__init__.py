"""The default OMS content, kept as data files a clinician can read and review (README.md beside this).

One folder per language (en/, es/, ...), each with the same items, keys and
rows in the same order; sources.toml is shared by every language, as sources
are cited by key. This module only reads the files into plain Python values;
condition/loading.py turns them into content (load_oms_content).
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parent
PICTURES = FOLDER / "pictures"  # the shipped picture files, loaded through the upload rules


def _read(path):
    with path.open("rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class Shipped:
    """The default content in one language."""

    language: str
    condition: dict  # name, slug, other_names (one per line), summary
    clinic: dict  # the clinic profile's starting name
    pages: tuple  # dicts: slug, title, summary, key_points (one per line), sections, questions, pictures
    care_advice: tuple  # dicts: key, title, urgency, look_for, action
    glossary: tuple  # (term, slug, other forms, definition)
    drawing: dict  # the words drawn in the shipped picture

    @property
    def care(self):
        return {record["key"]: record for record in self.care_advice}

    @property
    def questions(self):
        """Page slug -> its questions for the care team, for the pages that have some."""
        return {page["slug"]: page["questions"] for page in self.pages if page["questions"]}

    @property
    def pictures(self):
        """Page slug -> its pictures, for the pages that have some."""
        return {page["slug"]: page["pictures"] for page in self.pages if page["pictures"]}


def _page(data):
    """A page as loading reads it: sections are ("care", key) for a care box, else (heading, anchor, body)."""
    sections = [
        ("care", entry["care"]) if "care" in entry else (entry["heading"], entry["anchor"], entry["body"])
        for entry in data["sections"]
    ]
    return {
        "slug": data["slug"],
        "title": data["title"],
        "summary": data["summary"],
        "key_points": "\n".join(data["key_points"]),
        "sections": sections,
        "questions": list(data.get("questions", ())),
        "pictures": list(data.get("pictures", ())),
    }


def languages():
    """Codes of the languages that ship content, the site's own first."""
    return sorted(
        (path.name for path in FOLDER.iterdir() if (path / "condition.toml").is_file()), key=lambda c: c != "en"
    )


@cache
def content(language):
    """The default content in `language`, or None when that language ships none."""
    folder = FOLDER / language
    if not (folder / "condition.toml").is_file():
        return None
    main = _read(folder / "condition.toml")
    condition = main["condition"]
    return Shipped(
        language=language,
        condition={**condition, "other_names": "\n".join(condition["other_names"])},
        clinic=main["clinic"],
        pages=tuple(_page(_read(folder / "pages" / f"{slug}.toml")) for slug in main["order"]["pages"]),
        care_advice=tuple(_read(folder / "care.toml")["advice"]),
        glossary=tuple(
            (term["term"], term["slug"], term["other_forms"], term["definition"])
            for term in _read(folder / "glossary.toml")["term"]
        ),
        drawing=_drawing(_read(folder / "drawing.toml")["drawing"]),
    )


def _drawing(data):
    return {**data, "steps": [(step["heading"], step["words"]) for step in data["steps"]]}


@cache
def sources():
    """Every shipped source: key, citation, url, year (or None), accessed (ISO date or None), note."""
    return tuple(
        {"year": None, "accessed": None, "note": "", **source} for source in _read(FOLDER / "sources.toml")["source"]
    )

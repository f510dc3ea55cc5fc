"""Reading the default content's data files as a family reads them, for the checks in
test_default_content.py (English) and test_spanish_content.py (Spanish)."""

import re
from types import SimpleNamespace

from condition import shipped
from quizzes.loading import shipped_quiz

CITE_RE = re.compile(r"\[cite:\s*([A-Za-z0-9_-]+)\s*\]")


def shipped_content(language):
    """The shipped content of `language` (condition/shipped/, quizzes/shipped/), by the names the checks use."""
    found = shipped.content(language)
    return SimpleNamespace(
        CONDITION=found.condition,
        PAGES=found.pages,
        CARE_ADVICE=found.care_advice,
        GLOSSARY=found.glossary,
        QUESTIONS=found.questions,  # questions for the care team, by page slug
        PICTURES=found.pictures,
        DRAWING=found.drawing,
        CLINIC_PROFILE=found.clinic,
        QUIZ=shipped_quiz(language),
    )


def normal_sections(page):
    return [section for section in page["sections"] if section[0] != "care"]


def care_keys(page):
    return [section[1] for section in page["sections"] if section[0] == "care"]


def plain(markdown):
    """What a family reads: no citation markers or Markdown, each line one sentence."""
    lines = []
    for line in CITE_RE.sub("", markdown).replace("**", "").splitlines():
        line = re.sub(r"^\s*[-*]\s+", "", line).strip()
        if line:
            lines.append(line if line[-1] in ".!?:;" else line + ".")
    return "\n".join(lines)


def page_text(page, care):
    """A page's whole text: title, summary, key points, sections and the care boxes (`care`: key -> record)."""
    parts = [page["title"] + ".", page["summary"]]
    parts += [point for point in page["key_points"].splitlines() if point.strip()]
    for heading, _, body in normal_sections(page):
        parts += [heading + ".", plain(body)]
    for key in care_keys(page):
        parts += [care[key]["title"] + ".", plain(care[key]["look_for"]), plain(care[key]["action"])]
    return "\n".join(parts)


def sentences(markdown):
    """Sentences of a text, each keeping the citation markers written right after its full stop."""
    text = re.sub(r"\*\*", "", markdown)
    # "... a year. [cite:x] [cite:y]" -> "... a year [cite:x] [cite:y]." so the markers stay with their sentence.
    text = re.sub(r"([.!?;:])((?:\s*\[cite:[^\]]+\])+)", r"\2\1", text)
    pieces = []
    for line in text.splitlines():
        line = re.sub(r"^\s*[-*]\s+", "", line).strip()
        pieces += [piece for piece in re.split(r"(?<=[.!?;])\s+", line) if piece.strip()]
    return pieces


def uncited_numbers(texts, number_re):
    """Sentences of `texts` that hold a number (`number_re`: digits or number words) but no citation of their own."""
    return [
        sentence
        for text in texts
        for sentence in sentences(text)
        if number_re.search(CITE_RE.sub("", sentence)) and not CITE_RE.search(sentence)
    ]


def numbers_shown_without_citations(pages, number_re):
    """(slug, text) for each title, summary, key point list or heading holding a number: none shows a citation."""
    return [
        (page["slug"], text)
        for page in pages
        for text in [page["title"], page["summary"], page["key_points"]] + [s[0] for s in normal_sections(page)]
        if number_re.search(text)
    ]

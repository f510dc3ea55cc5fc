"""How easy a section is to read: advice for staff while editing, never a block.

textstat 0.7.4 keeps its language in a module-level object; set_lang() would
change it for every thread of a worker at once. This module only calls its
English functions (the default language) and never calls set_lang.
"""

import html
import re
from dataclasses import dataclass, field

import textstat
from django.utils.html import strip_tags

from condition.rendering import CITE_RE, sanitise

LONG_SENTENCE_WORDS = 20
# textstat's SMOG needs three sentences (and sentence_count skips those of two words or fewer).
MIN_SENTENCES = 3
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+")
BLOCK_END_RE = re.compile(r"</(p|li|h3|h4|blockquote)>")
CITATION_RE = re.compile(r"\s*" + CITE_RE.pattern)
SUFFIXES = ("ing", "ed", "es", "s", "ly", "er", "ment", "ness", "ful")


def plain_text(markdown_text):
    """What a family reads in a section: no markup or citation markers; list items and headings end sentences."""
    rendered = BLOCK_END_RE.sub("\n", sanitise(CITATION_RE.sub("", markdown_text or "")))
    lines = [line.strip() for line in html.unescape(strip_tags(rendered)).splitlines()]
    return " ".join(line if line[-1] in ".!?:" else line + "." for line in lines if line)


def sentences(text):
    return [sentence for sentence in SENTENCE_END_RE.split(text) if WORD_RE.search(sentence)]


def _stems(word, depth=2):
    """The word without one or two common endings ("movements" -> "movement" -> "move")."""
    for suffix in SUFFIXES:
        if depth and word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            yield from (stem, stem + "e")
            yield from _stems(stem, depth - 1)


def is_plain(word):
    """On the plain-word list (Dale-Chall's easy words) or one syllable, by itself or without a common ending."""
    word = word.lower().strip("'’-")
    return not textstat.is_difficult_word(word) or any(not textstat.is_difficult_word(stem) for stem in _stems(word))


def explained_in(text, word):
    """The text explains `word` itself: "word (…)", "word means", "word, which means", "called word"."""
    w = re.escape(word)
    pattern = rf"\b{w}\s*\(|\b{w},? (?:which |that )?means?\b|\bcalled (?:an? |the )?{w}\b|\b{w},? or\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


@dataclass
class Readability:
    grade: float | None = None  # Flesch-Kincaid grade
    smog: float | None = None  # None: too short to score
    sentence_count: int = 0
    long_sentences: list = field(default_factory=list)
    unexplained_words: list = field(default_factory=list)

    @property
    def too_short(self):
        return self.smog is None


def glossary_words(terms):
    """Every word of every glossary form, lower case (terms: GlossaryTerm objects)."""
    return {word.lower() for term in terms for form in term.forms for word in WORD_RE.findall(form)}


def assess(markdown_text, *, known_words=frozenset()):
    text = plain_text(markdown_text)
    result = Readability()
    if not WORD_RE.search(text):
        return result
    result.grade = textstat.flesch_kincaid_grade(text)
    result.sentence_count = textstat.sentence_count(text)
    if result.sentence_count >= MIN_SENTENCES:
        result.smog = textstat.smog_index(text)
    result.long_sentences = [s for s in sentences(text) if len(WORD_RE.findall(s)) > LONG_SENTENCE_WORDS]
    seen = set()
    for word in WORD_RE.findall(text):
        key = word.lower()
        if key in seen or key in known_words or is_plain(word) or explained_in(text, word):
            continue
        seen.add(key)
        result.unexplained_words.append(word)
    return result


def page_grade(sections):
    """The Flesch-Kincaid grade of all a page's sections together (None when they hold no words)."""
    text = " ".join(plain_text(section.text) for section in sections)
    return textstat.flesch_kincaid_grade(text) if WORD_RE.search(text) else None

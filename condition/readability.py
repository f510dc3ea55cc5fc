"""How easy a section is to read: advice for staff while editing, never a block.

English text gets the Flesch-Kincaid grade and SMOG from textstat; Spanish
text (an item whose `language` is "es") gets the Fernández-Huerta index,
computed here. textstat 0.7.4 keeps its language in a module-level object;
set_lang() would change it for every thread of a worker at once. This module
only calls its English functions (the default language) and never calls
set_lang: Spanish syllables are counted by Spanish spelling rules below.
"""

import functools
import html
import importlib.resources
import re
from dataclasses import dataclass, field

import textstat
from django.utils.html import strip_tags

from condition.content import ORIGINAL_LANGUAGE
from condition.rendering import CITE_RE, sanitise

LONG_SENTENCE_WORDS = 20
# textstat's SMOG needs three sentences (and sentence_count skips those of two words or fewer).
MIN_SENTENCES = 3
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+")
BLOCK_END_RE = re.compile(r"</(p|li|h3|h4|blockquote)>")
CITATION_RE = re.compile(r"\s*" + CITE_RE.pattern)
SUFFIXES = ("ing", "ed", "es", "s", "ly", "er", "ment", "ness", "ful")
# Words in any alphabet ("niño", "mioclonía"): languages other than English.
LETTER = r"[^\W\d_]"
ANY_WORD_RE = re.compile(rf"{LETTER}(?:{LETTER}|['’-])*{LETTER}|{LETTER}")


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
    grade: float | None = None  # Flesch-Kincaid grade (English)
    smog: float | None = None  # None: too short to score (or not English)
    sentence_count: int = 0
    long_sentences: list = field(default_factory=list)
    unexplained_words: list = field(default_factory=list)
    language: str = ORIGINAL_LANGUAGE
    ease: "Ease | None" = None  # Fernández-Huerta (Spanish)

    @property
    def too_short(self):
        return self.smog is None


def glossary_words(terms):
    """Every word of every glossary form, lower case (terms: GlossaryTerm objects, in any language)."""
    return {word.lower() for term in terms for form in term.forms for word in ANY_WORD_RE.findall(form)}


def assess(markdown_text, *, known_words=frozenset(), language=ORIGINAL_LANGUAGE):
    """The section's scores in its own language (an item's `language`)."""
    if language != ORIGINAL_LANGUAGE:
        return _assess_other(plain_text(markdown_text), known_words, language)
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


def page_reading(sections, language=ORIGINAL_LANGUAGE):
    """The page list's column: the grade of an English page, the Fernández-Huerta index and level of a Spanish one."""
    if language == ORIGINAL_LANGUAGE:
        return page_grade(sections)
    if language != "es":
        return None  # no reading formula for this language
    return fernandez_huerta(" ".join(plain_text(section.text) for section in sections))


def page_readings(pages):
    """{page: page_reading(...)} for pages whose sections are prefetched, kept in the shared cache by the
    words they read (an admin list of 100 pages renders each section's Markdown once, not on every view)."""
    from pagecache.cache import cached_many, of_text

    keys = {page: of_text("reading", page.language, *(s.text for s in page.sections.all())) for page in pages}
    return cached_many(keys, lambda page: page_reading(page.sections.all(), page.language), ttl=30 * 24 * 3600)


# --- Spanish -----------------------------------------------------------------------------
# Fernández Huerta's index (J. Fernández Huerta, "Medidas sencillas de lecturabilidad", Consigna 214,
# 1959, pp. 29-32) is Flesch's reading ease refitted to Spanish: 206.84 - 60 x syllables per word -
# 1.02 x words per sentence (the form corrected by G. Law, "Error in the Fernandez Huerta readability
# formula", 2011, and used by textstat). Its scale, with the school grade each band matches, as given by
# A. Muñoz Fernández, "Lecturabilidad de Fernández Huerta" (https://legible.es/blog/lecturabilidad-fernandez-huerta/):
SPANISH_LEVELS = [
    (90, "muy fácil", "4º grado"),
    (80, "fácil", "5º grado"),
    (70, "algo fácil", "6º grado"),
    (60, "normal (para adulto)", "7º u 8º grado"),
    (50, "algo difícil", "preuniversitario"),
    (30, "difícil", "cursos selectivos"),
    (float("-inf"), "muy difícil", "universitario"),
]
# The English pages aim at grade 6-7 and must stay at or below grade 8 (Flesch-Kincaid: NIH and AMA advice
# for patient material, see the product brief). On the scale above, grade 6 is 70-80 and grades 7-8 are
# 60-70, so a Spanish section aims at 70 or more ("algo fácil" or easier) and must not fall below 60.
SPANISH_AIM = 70
SPANISH_LIMIT = 60

_STRONG_VOWELS = set("aeoáéíóú")  # an accented i or u is a vowel of its own: "rí-o", "dí-a"
_WEAK_VOWELS = set("iuü")


def spanish_syllables(word):
    """Syllables of a Spanish word by its spelling: one per vowel group, two where strong vowels meet
    ("le-er", "a-é-re-o"). Hyphenation patterns (textstat's pyphen) count fewer: they never leave one
    letter alone ("ami-go"), which would make every text look easier than it is."""
    word = word.lower()
    count, previous = 0, None
    for index, letter in enumerate(word):
        alone_y = letter == "y" and previous is None and index == len(word) - 1  # "y", but not "hoy"
        if letter not in _STRONG_VOWELS and letter not in _WEAK_VOWELS and not alone_y:
            previous = None
            continue
        if previous is None or (previous in _STRONG_VOWELS and letter in _STRONG_VOWELS):
            count += 1
        previous = letter
    return max(count, 1)


@dataclass(frozen=True)
class Ease:
    """A Fernández-Huerta index with its level in the scale's own Spanish words (for the translator)."""

    score: float
    level: str
    grade: str

    @property
    def on_target(self):
        return self.score >= SPANISH_AIM

    @property
    def too_hard(self):
        return self.score < SPANISH_LIMIT

    def __str__(self):
        return f"{self.score} ({self.level}, {self.grade})"


def fernandez_huerta(text):
    """The index of plain text, or None when it holds no words."""
    words = ANY_WORD_RE.findall(text)
    if not words:
        return None
    sentence_count = len([part for part in SENTENCE_END_RE.split(text) if ANY_WORD_RE.search(part)])
    syllables = sum(spanish_syllables(word) for word in words)
    score = round(206.84 - 60 * syllables / len(words) - 1.02 * len(words) / max(sentence_count, 1), 1)
    return Ease(score, *spanish_level(score))


def spanish_level(score):
    """(level, school grade) of a Fernández-Huerta score, in the scale's own words."""
    return next((level, grade) for floor, level, grade in SPANISH_LEVELS if score >= floor)


@functools.cache
def spanish_common_words():
    """textstat's list of the 20,000 most common Spanish word forms (read from its package, once)."""
    listed = importlib.resources.files("textstat").joinpath("resources/es/easy_words.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in listed.splitlines() if line.strip())


def spanish_explained_in(text, word):
    """The text explains `word`: "palabra (…)", "palabra significa", "que se llama palabra"."""
    w = re.escape(word)
    pattern = (
        rf"\b{w}\s*\(|\b{w},? (?:que )?(?:significa|quiere decir)\b"
        rf"|\b(?:llamad[oa]s?|se llaman?) (?:el |la |los |las |una? )?{w}\b|\b{w},? o\b"
    )
    return re.search(pattern, text, re.IGNORECASE) is not None


def _assess_other(text, known_words, language):
    """Another language: long sentences always; in Spanish, the Fernández-Huerta index and words to check."""
    result = Readability(language=language)
    if not ANY_WORD_RE.search(text):
        return result
    parts = [part for part in SENTENCE_END_RE.split(text) if ANY_WORD_RE.search(part)]
    result.sentence_count = len(parts)
    result.long_sentences = [part for part in parts if len(ANY_WORD_RE.findall(part)) > LONG_SENTENCE_WORDS]
    if language != "es":
        return result
    result.ease = fernandez_huerta(text)
    common, seen = spanish_common_words(), set()
    for word in ANY_WORD_RE.findall(text):
        key = word.lower()
        if key in seen or key in known_words or key in common or spanish_syllables(key) < 3:
            continue
        seen.add(key)
        if not spanish_explained_in(text, word):
            result.unexplained_words.append(word)
    return result

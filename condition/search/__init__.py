"""Search what families can read, with the database's own full-text search.

One function, `search(query, language)`, whatever the database: SQLite FTS5 or PostgreSQL
full-text search (condition.search.sqlite / .postgres). Words a family misspells
("opsoclonous") are matched to the indexed words nearest by edit distance (a swap of two letters counts as one edit)
(candidates from FTS5's vocabulary, those sharing the word's first or
second letter, or by pg_trgm similarity on PostgreSQL). A
search costs at most three queries whatever the amount of content: the
spelling look-up, the search, and a looser search when every word together
finds nothing.

Each language is searched in its own rows (condition.search.index indexes every
live item in its own language): a Spanish search reads the Spanish pages,
sections and terms, with their /es/ addresses, stemmed as Spanish on PostgreSQL
and with accents optional ("medicacion" finds "medicación"). An English page
with no Spanish translation is not among a Spanish search's results
(docs/architecture.md: Search).
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from rapidfuzz import process
from rapidfuzz.distance import OSA

from condition.content import ORIGINAL_LANGUAGE
from condition.search.models import MARK_END, MARK_START

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
MAX_WORD_LENGTH = 40
LIMIT = 20
WORD_RE = re.compile(r"[^\W_]+")  # letters and digits in any script; everything else separates words
STOPWORDS = {
    "en": set(
        "a about an and are as at be but by can do does for from has have how i if in is it its me my no not of on or "
        "our so that the their them then there these they this to was we what when where which who why will with you "
        "your".split()
    ),
    "es": set(
        "a al algo como con cual cuando de del donde e el ella en era es esa ese eso esta este esto ha hay la las le "
        "les lo los me mi mis muy o para pero por porque que qué se si sin son su sus te tu un una unas uno unos y "
        "ya yo".split()
    ),
}


class QueryTooLong(ValueError):
    pass


@dataclass(frozen=True)
class Hit:
    kind: str
    url: str
    page_title: str
    heading: str
    snippet: SafeString


@dataclass
class Results:
    words: list[str]
    hits: list[Hit] = field(default_factory=list)
    corrections: dict[str, list[str]] = field(default_factory=dict)  # word -> indexed words also searched


def query_words(query, language=ORIGINAL_LANGUAGE):
    """The words of a query a family typed: lower case, the language's stop words dropped, at most MAX_WORDS."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryTooLong(
            gettext("Please search with fewer words (at most %(count)d characters).") % {"count": MAX_QUERY_LENGTH}
        )
    words = []
    for word in WORD_RE.findall(query.lower()):
        if len(word) <= MAX_WORD_LENGTH and word not in words:
            words.append(word)
    stopwords = STOPWORDS.get(language, set())
    meaningful = [word for word in words if word not in stopwords]
    return (meaningful or words)[:MAX_WORDS]


def without_accents(word):
    """The word as both databases' word lists hold it: "medicación" -> "medicacion"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _max_distance(word):
    return 1 if len(word) <= 5 else 2


def _closest(word, vocabulary):
    """Indexed words nearest to `word` by edit distance, or [] if it is indexed itself or nothing is close."""
    if word in vocabulary:
        return []
    found = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=_max_distance(word), limit=None)
    if not found:
        return []
    best = min(distance for _, distance, _ in found)
    return sorted({choice for choice, distance, _ in found if distance == best})[:3]


def corrections(words, language=ORIGINAL_LANGUAGE):
    """word -> the indexed words of `language` a misspelt word probably meant (one query, none if no word can be
    misspelt)."""
    plain = {word: without_accents(word) for word in words if len(word) >= 5 and not word.isdigit()}
    checkable = sorted(set(plain.values()))
    if not checkable:
        return {}
    if connection.vendor == "postgresql":
        from condition.search import postgres

        similar = {}
        for word, indexed in postgres.similar_words(checkable, language):
            similar.setdefault(word, []).append(indexed)
        found = {word: _closest(word, similar.get(word, [])) for word in checkable}
    else:
        from condition.search import sqlite

        vocabulary = sqlite.candidate_words(checkable, language, spread=2)
        found = {word: _closest(word, vocabulary) for word in checkable}
    return {word: found[key] for word, key in plain.items() if found[key]}


def highlight(snippet):
    """Escape everything, then turn the database's highlight markers into <mark>."""
    html = str(escape(snippet or ""))
    html = html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    html += "</mark>" * (html.count("<mark>") - html.count("</mark>"))
    return mark_safe(html)


def _find(groups, language, *, match_all, limit):
    if connection.vendor == "postgresql":
        from condition.search.postgres import find
    else:
        from condition.search.sqlite import find
    return find(groups, language, match_all=match_all, limit=limit)


def found_elsewhere(query, language):
    """The other languages of settings.LANGUAGES in which every word of `query` is found: one query each.

    For a search that found nothing in `language`: "vacuna" in English finds nothing, in Spanish the
    vaccines page. Words are taken as typed (no spelling look-up), by the other language's rules.
    """
    found = []
    for other, _name in settings.LANGUAGES:
        words = query_words(query, other) if other != language else []
        if words and _find([[word] for word in words], other, match_all=True, limit=1):
            found.append(other)
    return found


def search(query, language=ORIGINAL_LANGUAGE, *, limit=LIMIT):
    """Published pages, sections and glossary terms in `language` that match `query`, best first.

    Raises QueryTooLong for a query over MAX_QUERY_LENGTH characters. Any other
    text is safe: only its letters and digits reach the database, as parameters.
    """
    words = query_words(query, language)
    results = Results(words=words)
    if not words:
        return results
    results.corrections = corrections(words, language)
    groups = [[word, *results.corrections.get(word, [])] for word in words]
    rows = _find(groups, language, match_all=True, limit=limit)
    if not rows and len(groups) > 1:
        rows = _find(groups, language, match_all=False, limit=limit)
    results.hits = [
        Hit(kind=kind, url=url, page_title=page_title, heading=heading, snippet=highlight(snippet))
        for kind, url, page_title, heading, snippet in rows
    ]
    return results

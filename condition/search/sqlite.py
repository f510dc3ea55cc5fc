"""SQLite FTS5 search: bm25 ranking, snippet(), and the fts5vocab word list.

English rows are searched in condition_search_fts (porter stemming, migration 0012). Rows of a
language with a Snowball stemmer (condition.search.stems: Spanish) are searched in
condition_search_stems (migration 0017), over the row's words as their Snowball stems (stored
with the row, SearchDocument.stem_*); their snippet is made from the stored text in Python.
"""

from django.db import connection

from condition.content import ORIGINAL_LANGUAGE
from condition.search import stems
from condition.search.models import MARK_END, MARK_START

STEMS_TABLE = "condition_search_stems"

# bm25 weights for the title, the condition's other names, and the body.
WEIGHTS = "10.0, 1.0, 2.0"


def _vocabulary(language):
    """The fts5vocab table listing `language`'s words: English's own, or the one shared by the other languages
    (migration 0012), unstemmed and without accents."""
    return "condition_search_vocab" if language == ORIGINAL_LANGUAGE else "condition_search_vocab_other"


def candidate_words(words, language, spread):
    """Indexed words of `language` that could be a misspelling of any of `words`: one query.

    fts5vocab reads a range of terms cheaply but a full scan costs as much as
    the index is big, so only words starting with the word's first or second
    letter (a slip in the first letter, or the first two swapped), and within
    `spread` letters of its length, are read.
    """
    selects, params = [], []
    for start, shortest, longest in sorted(
        {(letter, len(word) - spread, len(word) + spread) for word in words for letter in word[:2]}
    ):
        selects.append(
            f"SELECT term FROM {_vocabulary(language)} WHERE term >= %s AND term < %s AND length(term) BETWEEN %s AND %s"
        )
        params.extend([start, chr(ord(start) + 1), shortest, longest])
    with connection.cursor() as cursor:
        cursor.execute(" UNION ".join(selects), params)
        return [row[0] for row in cursor.fetchall()]


def _phrase(word):
    # Words are letters and digits only (condition.search.query), so a quoted
    # FTS5 string holds them safely: no operator, column filter or quote gets through.
    return '"' + word.replace('"', "") + '"'


def _stem_phrases(word, language):
    stem = stems.stem(word, language) or word  # no letter left: the word as typed, as a phrase (never empty)
    return [_phrase(stem) + ("*" if len(stem) >= stems.PREFIX_LENGTH else "")]


def _find_stemmed(groups, language, *, match_all, limit):
    expression = (" AND " if match_all else " OR ").join(
        "(" + " OR ".join(phrase for word in group for phrase in _stem_phrases(word, language)) + ")"
        for group in groups
    )
    sql = (
        "SELECT d.kind, d.url, d.page_title, d.heading, d.body "
        f"FROM {STEMS_TABLE} JOIN condition_searchdocument d ON d.id = {STEMS_TABLE}.rowid "
        f"WHERE {STEMS_TABLE} MATCH %s AND d.language = %s ORDER BY bm25({STEMS_TABLE}, {WEIGHTS}), d.position LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, language, limit])
        rows = cursor.fetchall()
    wanted = {stems.stem(word, language) for group in groups for word in group}
    return [(*row[:4], stems.snippet(row[4], wanted, language, MARK_START, MARK_END)) for row in rows]


def find(groups, language, *, match_all, limit):
    """Rows (kind, url, page_title, heading, snippet) in `language` for the word groups; one query."""
    if language in stems.STEMMERS:
        return _find_stemmed(groups, language, match_all=match_all, limit=limit)
    expression = (" AND " if match_all else " OR ").join(
        "(" + " OR ".join(_phrase(word) for word in group) + ")" for group in groups
    )
    sql = (
        "SELECT d.kind, d.url, d.page_title, d.heading, "
        "  snippet(condition_search_fts, 2, %s, %s, ' … ', 24) "
        "FROM condition_search_fts JOIN condition_searchdocument d ON d.id = condition_search_fts.rowid "
        f"WHERE condition_search_fts MATCH %s AND d.language = %s ORDER BY bm25(condition_search_fts, {WEIGHTS}), d.position LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [MARK_START, MARK_END, expression, language, limit])
        return cursor.fetchall()

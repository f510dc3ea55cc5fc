"""SQLite FTS5 search: bm25 ranking, snippet(), and the fts5vocab word list."""

from django.db import connection

from condition.search.index import MARK_END, MARK_START

# bm25 weights for the title, the condition's other names, and the body.
WEIGHTS = "10.0, 1.0, 2.0"


def words_near_length(words, spread):
    """Indexed words as long as any of `words`, give or take `spread` letters: one query."""
    lengths = {length for word in words for length in range(len(word) - spread, len(word) + spread + 1)}
    placeholders = ", ".join("%s" for _ in lengths)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT term FROM condition_search_vocab WHERE length(term) IN ({placeholders})", list(lengths))
        return [row[0] for row in cursor.fetchall()]


def _phrase(word):
    # Words are letters and digits only (condition.search.query), so a quoted
    # FTS5 string holds them safely: no operator, column filter or quote gets through.
    return '"' + word.replace('"', "") + '"'


def find(groups, *, match_all, limit):
    """Rows (kind, url, page_title, heading, snippet) for the word groups; one query."""
    expression = (" AND " if match_all else " OR ").join(
        "(" + " OR ".join(_phrase(word) for word in group) + ")" for group in groups
    )
    sql = (
        "SELECT d.kind, d.url, d.page_title, d.heading, "
        "  snippet(condition_search_fts, 2, %s, %s, ' … ', 24) "
        "FROM condition_search_fts JOIN condition_searchdocument d ON d.id = condition_search_fts.rowid "
        f"WHERE condition_search_fts MATCH %s ORDER BY bm25(condition_search_fts, {WEIGHTS}), d.position LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [MARK_START, MARK_END, expression, limit])
        return cursor.fetchall()

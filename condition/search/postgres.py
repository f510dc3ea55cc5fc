"""PostgreSQL full-text search: weighted tsvector, websearch_to_tsquery, ts_headline, pg_trgm.

Each row's tsvector is made with its language's text search configuration
(migration 0012), and a query uses the same one. In a language with a Snowball stemmer
(condition.search.stems: Spanish) each word also matches the indexed words its Snowball stem
begins: PostgreSQL's `spanish_stem` keeps "vacunacion" (typed without its accent) whole, while
"vacun" finds "vacuna", "vacunas" and "vacunación" alike.
"""

from django.db import connection

from condition.search import stems
from condition.search.models import MARK_END, MARK_START, SearchDocument

# The configuration per language, as in migration 0012's generated column (others: 'simple').
# oms_spanish is 'spanish' with unaccent before the stemmer: accents are optional.
CONFIGS = {"en": "english", "es": "oms_spanish"}


def config(language):
    return CONFIGS.get(language, "simple")


HEADLINE = (
    f'StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'
)


def replace(delete, documents, *, everything):
    """Swap index rows, keeping the word list (for misspellings) to the words of live rows."""
    with connection.cursor() as cursor:
        if everything:
            old_words = ([], [])
            delete.delete()
            cursor.execute("DELETE FROM condition_search_word")
        else:
            old_ids = list(delete.values_list("id", flat=True))
            cursor.execute(
                "SELECT DISTINCT language, unnest(tsvector_to_array(words)) FROM condition_searchdocument "
                "WHERE id = ANY(%s)",
                [old_ids],
            )
            rows = cursor.fetchall()
            old_words = ([row[0] for row in rows], [row[1] for row in rows])
            delete.delete()
        created = SearchDocument.objects.bulk_create(documents)
        cursor.execute(
            "INSERT INTO condition_search_word (language, word) "
            "SELECT DISTINCT language, unnest(tsvector_to_array(words)) "
            "FROM condition_searchdocument WHERE id = ANY(%s) ON CONFLICT DO NOTHING",
            [[document.pk for document in created]],
        )
        if old_words[0]:
            cursor.execute(
                "DELETE FROM condition_search_word w USING unnest(%s::text[], %s::text[]) AS old(language, word) "
                "WHERE w.language = old.language AND w.word = old.word AND NOT EXISTS ("
                "SELECT 1 FROM condition_searchdocument d "
                "WHERE d.language = w.language AND d.words @@ phraseto_tsquery('simple', w.word))",
                list(old_words),
            )


def similar_words(words, language):
    """For each word, indexed words of `language` that look like it (pg_trgm), most similar first: one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT q.w, s.word FROM unnest(%s::text[]) AS q(w) CROSS JOIN LATERAL ("
            "  SELECT word FROM condition_search_word WHERE language = %s AND word %% q.w"
            "  ORDER BY similarity(word, q.w) DESC, word LIMIT 8) AS s",
            [list(words), language],
        )
        return cursor.fetchall()


def find(groups, language, *, match_all, limit):
    """Rows (kind, url, page_title, heading, snippet) in `language` for the word groups; one query.

    Each group is a word and its likely corrections, any of which may match; the
    groups must all match (match_all) or any may. Words reach the database only
    as parameters of websearch_to_tsquery, which accepts any text.
    """
    group_sql, params, name = [], [], config(language)
    for group in groups:
        alternatives = []
        for word in group:
            alternatives.append(f"websearch_to_tsquery('{name}', %s)")
            params.append(word)
            stem = stems.stem(word, language) if language in stems.STEMMERS else ""
            if stem:
                # letters and digits only (condition.search.stems), quoted as one lexeme all the same
                alternatives.append("to_tsquery('simple', %s)")
                params.append(f"'{stem}'" + (":*" if len(stem) >= stems.PREFIX_LENGTH else ""))
        group_sql.append("(" + " || ".join(alternatives) + ")")
    query_sql = (" && " if match_all else " || ").join(group_sql)
    sql = (
        f"WITH q AS (SELECT {query_sql} AS query), "
        "hits AS (SELECT d.kind, d.url, d.page_title, d.heading, d.body, d.position, "
        "  ts_rank_cd(d.document, q.query) AS rank "
        "  FROM condition_searchdocument d, q WHERE d.language = %s AND d.document @@ q.query "
        "  ORDER BY rank DESC, d.position LIMIT %s) "
        f"SELECT hits.kind, hits.url, hits.page_title, hits.heading, ts_headline('{name}', hits.body, q.query, %s) "
        "FROM hits, q ORDER BY hits.rank DESC, hits.position"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, language, limit, HEADLINE])
        return cursor.fetchall()

"""Search in every language: SearchDocument.language, and the full-text index per language.

SQLite: adding the column remakes condition_searchdocument, which drops 0006's
triggers, so they are made again here. One stemmed FTS5 table serves every
language (FTS5 has no Spanish stemmer: porter's rules, applied the same way to
the text and the query, only merge word forms, and `remove_diacritics 2` makes
accents optional); the unstemmed tables whose fts5vocab lists the words for
spelling are split, English and the other languages, so a suggestion is a word
of the reader's language.
PostgreSQL: the weighted tsvector is made with the row's language's text search
configuration ('english', or `oms_spanish`: 'spanish' with unaccent before the
Spanish stemmer, so "medicacion" finds "medicación"), and the word list for
spelling holds (language, word).
The index is emptied here: the post_migrate rebuild fills it again.
"""

import importlib

from django.db import migrations, models

INDEXED = "new.title, new.aliases, new.body"
OLD = "old.title, old.aliases, old.body"


def _words_insert(table, row, where):
    return (
        f"INSERT INTO {table}(rowid, title, aliases, body) SELECT {row}.id, {row}.title, {row}.aliases, {row}.body "
        f"WHERE {where};"
    )


def _words_delete(table, row, where):
    return (
        f"INSERT INTO {table}({table}, rowid, title, aliases, body) "
        f"SELECT 'delete', {row}.id, {row}.title, {row}.aliases, {row}.body WHERE {where};"
    )


def _words(row, action):
    english, other = f"{row}.language = 'en'", f"{row}.language <> 'en'"
    return action("condition_search_words", row, english) + "\n" + action("condition_search_words_other", row, other)


SQLITE = [
    "DROP TRIGGER IF EXISTS condition_search_au",
    "DROP TRIGGER IF EXISTS condition_search_ad",
    "DROP TRIGGER IF EXISTS condition_search_ai",
    "DROP TABLE IF EXISTS condition_search_vocab",
    "DROP TABLE IF EXISTS condition_search_words",
    "DROP TABLE IF EXISTS condition_search_fts",
    "DELETE FROM condition_searchdocument",
    """CREATE VIRTUAL TABLE condition_search_fts USING fts5(
        title, aliases, body, content='condition_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE VIRTUAL TABLE condition_search_words USING fts5(
        title, aliases, body, content='condition_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE VIRTUAL TABLE condition_search_words_other USING fts5(
        title, aliases, body, content='condition_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    "CREATE VIRTUAL TABLE condition_search_vocab USING fts5vocab(condition_search_words, 'row')",
    "CREATE VIRTUAL TABLE condition_search_vocab_other USING fts5vocab(condition_search_words_other, 'row')",
    f"""CREATE TRIGGER condition_search_ai AFTER INSERT ON condition_searchdocument BEGIN
        INSERT INTO condition_search_fts(rowid, title, aliases, body) VALUES (new.id, {INDEXED});
        {_words("new", _words_insert)}
    END""",
    f"""CREATE TRIGGER condition_search_ad AFTER DELETE ON condition_searchdocument BEGIN
        INSERT INTO condition_search_fts(condition_search_fts, rowid, title, aliases, body)
            VALUES ('delete', old.id, {OLD});
        {_words("old", _words_delete)}
    END""",
    # Only a change to the indexed text (or its language) reindexes a row (not one to term_ids).
    f"""CREATE TRIGGER condition_search_au AFTER UPDATE OF title, aliases, body, language
        ON condition_searchdocument BEGIN
        INSERT INTO condition_search_fts(condition_search_fts, rowid, title, aliases, body)
            VALUES ('delete', old.id, {OLD});
        {_words("old", _words_delete)}
        INSERT INTO condition_search_fts(rowid, title, aliases, body) VALUES (new.id, {INDEXED});
        {_words("new", _words_insert)}
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS condition_search_au",
    "DROP TRIGGER IF EXISTS condition_search_ad",
    "DROP TRIGGER IF EXISTS condition_search_ai",
    "DROP TABLE IF EXISTS condition_search_vocab_other",
    "DROP TABLE IF EXISTS condition_search_vocab",
    "DROP TABLE IF EXISTS condition_search_words_other",
    "DROP TABLE IF EXISTS condition_search_words",
    "DROP TABLE IF EXISTS condition_search_fts",
    "DELETE FROM condition_searchdocument",
]


def _weighted(config):
    return (
        f"setweight(to_tsvector('{config}'::regconfig, title), 'A') "
        f"|| setweight(to_tsvector('{config}'::regconfig, aliases), 'B') "
        f"|| setweight(to_tsvector('{config}'::regconfig, body), 'C')"
    )


# condition.search.postgres.CONFIGS names the same configurations for queries.
POSTGRES = [
    "DELETE FROM condition_searchdocument",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS oms_spanish",
    "CREATE TEXT SEARCH CONFIGURATION oms_spanish (COPY = spanish)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS oms_words",
    "CREATE TEXT SEARCH CONFIGURATION oms_words (COPY = simple)",
    "ALTER TABLE condition_searchdocument DROP COLUMN IF EXISTS document",
    f"""ALTER TABLE condition_searchdocument ADD COLUMN document tsvector GENERATED ALWAYS AS (
        CASE language WHEN 'en' THEN {_weighted("english")} WHEN 'es' THEN {_weighted("oms_spanish")}
        ELSE {_weighted("simple")} END) STORED""",
    "CREATE INDEX condition_search_document ON condition_searchdocument USING gin (document)",
    "ALTER TABLE condition_searchdocument DROP COLUMN IF EXISTS words",
    """ALTER TABLE condition_searchdocument ADD COLUMN words tsvector GENERATED ALWAYS AS (
        to_tsvector('oms_words'::regconfig, title || ' ' || aliases || ' ' || body)) STORED""",
    "CREATE INDEX condition_search_document_words ON condition_searchdocument USING gin (words)",
    "DROP TABLE IF EXISTS condition_search_word",
    "CREATE TABLE condition_search_word (language varchar(12), word text, PRIMARY KEY (language, word))",
    "CREATE INDEX condition_search_word_trgm ON condition_search_word USING gin (word gin_trgm_ops)",
]
POSTGRES_REVERSE = [
    "DELETE FROM condition_searchdocument",
    "DROP TABLE IF EXISTS condition_search_word",
    "ALTER TABLE condition_searchdocument DROP COLUMN IF EXISTS words",
    "ALTER TABLE condition_searchdocument DROP COLUMN IF EXISTS document",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS oms_words",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS oms_spanish",
]


UNACCENT = [
    # In Debian's postgresql package (contrib), like pg_trgm; a trusted extension, so the app's role may create it.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "ALTER TEXT SEARCH CONFIGURATION oms_spanish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem",
    "ALTER TEXT SEARCH CONFIGURATION oms_words ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
]


def _unaccent_available(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'")
        return cursor.fetchone() is not None


def _run(statements):
    def run(apps, schema_editor):
        vendor_statements = statements.get(schema_editor.connection.vendor, [])
        for sql in vendor_statements:
            schema_editor.execute(sql)
            # Without the unaccent extension (a PostgreSQL built without contrib) the configurations stay plain
            # 'spanish' and 'simple', which are immutable as a generated column needs: an accent typed or left
            # out then matches through the query's Snowball stem prefix (condition.search.postgres) only.
            if sql.startswith("CREATE TEXT SEARCH CONFIGURATION oms_words") and _unaccent_available(schema_editor):
                for unaccent in UNACCENT:
                    schema_editor.execute(unaccent)

    return run


def _restore_0006(apps, schema_editor):
    """Unapplying: 0006's tables, triggers and columns, as they were."""
    before = importlib.import_module("condition.migrations.0006_search_index")
    _run({"sqlite": before.SQLITE_REVERSE + before.SQLITE, "postgresql": before.POSTGRES})(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("condition", "0011_translations")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, _restore_0006),
        migrations.AddField(
            model_name="searchdocument",
            name="language",
            field=models.CharField(default="en", max_length=12),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        ),
    ]

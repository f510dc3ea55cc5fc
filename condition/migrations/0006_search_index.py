"""The database's own full-text index over SearchDocument.

SQLite: two FTS5 tables with SearchDocument as their external content, kept in
step by triggers: one stemmed (porter) that searches, one unstemmed whose
fts5vocab table lists the words families' misspellings are matched against.
PostgreSQL: a generated, weighted tsvector with a GIN index, an unstemmed
one for the word list, and the word list itself with a pg_trgm index.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE condition_search_fts USING fts5(
        title, aliases, body, content='condition_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE VIRTUAL TABLE condition_search_words USING fts5(
        title, aliases, body, content='condition_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    "CREATE VIRTUAL TABLE condition_search_vocab USING fts5vocab(condition_search_words, 'row')",
    """CREATE TRIGGER condition_search_ai AFTER INSERT ON condition_searchdocument BEGIN
        INSERT INTO condition_search_fts(rowid, title, aliases, body) VALUES (new.id, new.title, new.aliases, new.body);
        INSERT INTO condition_search_words(rowid, title, aliases, body) VALUES (new.id, new.title, new.aliases, new.body);
    END""",
    """CREATE TRIGGER condition_search_ad AFTER DELETE ON condition_searchdocument BEGIN
        INSERT INTO condition_search_fts(condition_search_fts, rowid, title, aliases, body)
            VALUES ('delete', old.id, old.title, old.aliases, old.body);
        INSERT INTO condition_search_words(condition_search_words, rowid, title, aliases, body)
            VALUES ('delete', old.id, old.title, old.aliases, old.body);
    END""",
    # Only a change to the indexed text reindexes a row (not one to term_ids).
    """CREATE TRIGGER condition_search_au AFTER UPDATE OF title, aliases, body ON condition_searchdocument BEGIN
        INSERT INTO condition_search_fts(condition_search_fts, rowid, title, aliases, body)
            VALUES ('delete', old.id, old.title, old.aliases, old.body);
        INSERT INTO condition_search_words(condition_search_words, rowid, title, aliases, body)
            VALUES ('delete', old.id, old.title, old.aliases, old.body);
        INSERT INTO condition_search_fts(rowid, title, aliases, body) VALUES (new.id, new.title, new.aliases, new.body);
        INSERT INTO condition_search_words(rowid, title, aliases, body) VALUES (new.id, new.title, new.aliases, new.body);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS condition_search_au",
    "DROP TRIGGER IF EXISTS condition_search_ad",
    "DROP TRIGGER IF EXISTS condition_search_ai",
    "DROP TABLE IF EXISTS condition_search_vocab",
    "DROP TABLE IF EXISTS condition_search_words",
    "DROP TABLE IF EXISTS condition_search_fts",
]

POSTGRES = [
    """ALTER TABLE condition_searchdocument ADD COLUMN document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, aliases), 'B')
        || setweight(to_tsvector('english'::regconfig, body), 'C')) STORED""",
    "CREATE INDEX condition_search_document ON condition_searchdocument USING gin (document)",
    """ALTER TABLE condition_searchdocument ADD COLUMN words tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, title || ' ' || aliases || ' ' || body)) STORED""",
    "CREATE INDEX condition_search_document_words ON condition_searchdocument USING gin (words)",
    "CREATE TABLE condition_search_word (word text PRIMARY KEY)",
    "CREATE INDEX condition_search_word_trgm ON condition_search_word USING gin (word gin_trgm_ops)",
]
POSTGRES_REVERSE = [
    "DROP TABLE IF EXISTS condition_search_word",
    "ALTER TABLE condition_searchdocument DROP COLUMN IF EXISTS words",
    "ALTER TABLE condition_searchdocument DROP COLUMN IF EXISTS document",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor_statements = statements.get(schema_editor.connection.vendor, [])
        for sql in vendor_statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("condition", "0005_family")]

    operations = [
        TrigramExtension(),  # PostgreSQL only; a no-op elsewhere
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        ),
    ]

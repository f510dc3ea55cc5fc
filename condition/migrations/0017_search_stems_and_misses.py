"""Spanish search by stem, accents optional, on SQLite too; counts of searches that found nothing.

SQLite: FTS5 has no Spanish stemmer, so each Spanish row stores its words as Snowball stems
(SearchDocument.stem_*, condition.search.stems) and condition_search_stems indexes them, kept in
step by triggers like migration 0012's tables. The columns are nullable, so adding them keeps the
table (and 0012's triggers). The stems are made here from the text the index already stores, so an
existing database searches by stem at once.
PostgreSQL: the rows keep the `oms_spanish` tsvector (migration 0012); the new columns are filled
the same way but not indexed, and a query adds the Snowball stem as a prefix (condition.search.postgres).
"""

from django.db import migrations, models

from condition.search import stems

COLUMNS = "stem_title, stem_aliases, stem_body"
SQLITE = [
    f"""CREATE VIRTUAL TABLE condition_search_stems USING fts5(
        {COLUMNS}, content='condition_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    f"""INSERT INTO condition_search_stems(rowid, {COLUMNS})
        SELECT id, {COLUMNS} FROM condition_searchdocument WHERE stem_title IS NOT NULL""",
    f"""CREATE TRIGGER condition_search_stems_ai AFTER INSERT ON condition_searchdocument
        WHEN new.stem_title IS NOT NULL BEGIN
        INSERT INTO condition_search_stems(rowid, {COLUMNS}) VALUES (new.id, new.stem_title, new.stem_aliases, new.stem_body);
    END""",
    f"""CREATE TRIGGER condition_search_stems_ad AFTER DELETE ON condition_searchdocument
        WHEN old.stem_title IS NOT NULL BEGIN
        INSERT INTO condition_search_stems(condition_search_stems, rowid, {COLUMNS})
            VALUES ('delete', old.id, old.stem_title, old.stem_aliases, old.stem_body);
    END""",
    f"""CREATE TRIGGER condition_search_stems_au AFTER UPDATE OF {COLUMNS} ON condition_searchdocument BEGIN
        INSERT INTO condition_search_stems(condition_search_stems, rowid, {COLUMNS})
            SELECT 'delete', old.id, old.stem_title, old.stem_aliases, old.stem_body WHERE old.stem_title IS NOT NULL;
        INSERT INTO condition_search_stems(rowid, {COLUMNS})
            SELECT new.id, new.stem_title, new.stem_aliases, new.stem_body WHERE new.stem_title IS NOT NULL;
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS condition_search_stems_au",
    "DROP TRIGGER IF EXISTS condition_search_stems_ad",
    "DROP TRIGGER IF EXISTS condition_search_stems_ai",
    "DROP TABLE IF EXISTS condition_search_stems",
]


def forwards(apps, schema_editor):
    SearchDocument = apps.get_model("condition", "SearchDocument")
    rows = list(SearchDocument.objects.filter(language__in=list(stems.STEMMERS)))
    for row in rows:
        row.stem_title, row.stem_aliases, row.stem_body = (
            stems.stemmed(text, row.language) for text in (row.title, row.aliases, row.body)
        )
    SearchDocument.objects.bulk_update(rows, ["stem_title", "stem_aliases", "stem_body"], batch_size=500)
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE_REVERSE:
            schema_editor.execute(sql)


def _stems(name):
    return migrations.AddField(model_name="searchdocument", name=name, field=models.TextField(blank=True, null=True))


class Migration(migrations.Migration):
    dependencies = [("condition", "0016_clinic_profile_translations")]

    operations = [
        _stems("stem_title"),
        _stems("stem_aliases"),
        _stems("stem_body"),
        migrations.RunPython(forwards, backwards),
        migrations.CreateModel(
            name="SearchMiss",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField()),
                ("language", models.CharField(max_length=12)),
                ("query", models.CharField(max_length=100)),
                ("searches", models.PositiveIntegerField(default=1)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("day", "language", "query"), name="search_miss_once_a_day")
                ]
            },
        ),
    ]

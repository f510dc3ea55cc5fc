"""What the search index holds: one row per live page, section and glossary term.

The rows are plain text copied from published content (condition.search.index
keeps them in step). The database indexes them with its own full-text search,
made in migrations 0006 and 0012: on SQLite FTS5 tables kept in step by
triggers (one stemmed for matching, by porter for English and by Snowball stems
stored with each row for Spanish (migration 0017), and unstemmed ones whose fts5vocab lists
the words for spelling, one for English and one for other languages); on
PostgreSQL a generated, weighted tsvector in the row's language (English or
Spanish stemming) with a GIN index and a word list per language with a pg_trgm
index. Each row is in one language (`language`, a code from settings.LANGUAGES):
a search reads only the rows in the reader's language. Changing this model on
SQLite remakes the table and drops the triggers: re-create them in the same
migration, as migrations 0006 and 0012 do.
"""

from django.db import models

# What the database's snippet functions put around each match (private-use characters no text holds);
# the search page turns them into <mark> after escaping the snippet.
MARK_START, MARK_END = "\ue000", "\ue001"


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        PAGE = "page", "Page"
        SECTION = "section", "Section"
        TERM = "term", "Word list"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The language the row's text is in (a code from settings.LANGUAGES, like Content.language).
    language = models.CharField(max_length=12, default="en")
    page = models.ForeignKey("condition.Page", null=True, on_delete=models.CASCADE, related_name="+")
    term = models.ForeignKey("condition.GlossaryTerm", null=True, on_delete=models.CASCADE, related_name="+")
    url = models.CharField(max_length=400)
    page_title = models.CharField(max_length=200)
    heading = models.CharField(max_length=200, blank=True)
    position = models.PositiveIntegerField(default=0, help_text="Page order, then section order: ties rank by it.")
    # The indexed text, weighted: title first, then the condition's other names, then the body.
    title = models.TextField()
    aliases = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # The indexed text as Snowball stems, in a language with a stemmer (condition.search.stems), else NULL:
    # SQLite's condition_search_stems indexes them (migration 0017). Nullable so adding them kept the table.
    stem_title = models.TextField(null=True, blank=True)  # noqa: DJ001
    stem_aliases = models.TextField(null=True, blank=True)  # noqa: DJ001
    stem_body = models.TextField(null=True, blank=True)  # noqa: DJ001
    # Glossary terms the page uses (primary keys, space-separated): related topics compare them.
    term_ids = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return f"{self.kind}: {self.page_title} {self.heading}".strip()


class SearchMiss(models.Model):
    """How many searches in a language found nothing, per day and normalised query: what to write next.

    Counts only: no address, no user, no time finer than the day. Kept
    SEARCH_MISS_RETENTION_DAYS (purge_feedback deletes older days) and at most
    SEARCH_MISSES_PER_DAY different queries a day (condition.search.misses).
    """

    day = models.DateField()
    language = models.CharField(max_length=12)
    query = models.CharField(max_length=100)
    searches = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "language", "query"], name="search_miss_once_a_day")]

    def __str__(self):
        return f"{self.day} {self.language}: {self.query} ({self.searches})"

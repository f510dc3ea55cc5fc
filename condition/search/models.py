"""What the search index holds: one row per live page, section and glossary term.

The rows are plain text copied from published content (condition.search.index
keeps them in step). The database indexes them with its own full-text search,
made in migration 0002: on SQLite two FTS5 tables kept in step by triggers (one
stemmed for matching, one not, whose fts5vocab lists the words for spelling);
on PostgreSQL a generated, weighted tsvector with a GIN index and a word list
with a pg_trgm index. Changing this model on SQLite remakes the table and drops
the triggers: re-create them in the same migration (see 0002).
"""

from django.db import models


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        PAGE = "page", "Page"
        SECTION = "section", "Section"
        TERM = "term", "Word list"

    kind = models.CharField(max_length=10, choices=Kind.choices)
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
    # Glossary terms the page uses (primary keys, space-separated): related topics compare them.
    term_ids = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return f"{self.kind}: {self.page_title} {self.heading}".strip()

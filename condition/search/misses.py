"""Searches that found nothing, counted per day, language and normalised query (SearchMiss).

Staff read them on the admin home as the clinic's list of what to write next. Nothing about who
searched is kept: no address, no user, only the day. The query is kept as the words searched
(lower case, letters and digits only, stop words dropped: condition.search.query_words), at most
MAX_LENGTH characters, so control characters and markup never reach the table. A day holds at most
SEARCH_MISSES_PER_DAY different queries: past that a flood only adds to the counts already there.
"""

import datetime
import unicodedata

from django.conf import settings
from django.db import connection
from django.utils import timezone

from condition.search.models import SearchMiss

MAX_LENGTH = 100

# One statement: a new (day, language, query) is added only while the day has room, a known one counted.
_RECORD = (
    "INSERT INTO condition_searchmiss (day, language, query, searches) SELECT %s, %s, %s, 1 "
    "WHERE (SELECT COUNT(*) FROM condition_searchmiss WHERE day = %s) < %s "
    "OR EXISTS (SELECT 1 FROM condition_searchmiss WHERE day = %s AND language = %s AND query = %s) "
    "ON CONFLICT (day, language, query) DO UPDATE SET searches = condition_searchmiss.searches + 1"
)


def normalised(words):
    """The words of a query (condition.search.query_words) as one line of at most MAX_LENGTH characters."""
    return unicodedata.normalize("NFC", " ".join(words))[:MAX_LENGTH].strip()


def record(words, language, day=None):
    """Count one search in `language` whose `words` found nothing: one query, none without words."""
    query = normalised(words)
    if not query:
        return
    day = day or timezone.localdate()
    with connection.cursor() as cursor:
        cursor.execute(_RECORD, [day, language, query, day, settings.SEARCH_MISSES_PER_DAY, day, language, query])


def purge(days=None, today=None):
    """Delete the counts of days older than `days` (SEARCH_MISS_RETENTION_DAYS); how many rows went."""
    days = settings.SEARCH_MISS_RETENTION_DAYS if days is None else days
    since = (today or timezone.localdate()) - datetime.timedelta(days=days)
    return SearchMiss.objects.filter(day__lt=since).delete()[0]

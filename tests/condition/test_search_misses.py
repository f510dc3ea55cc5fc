"""Searches that found nothing: counted per day, language and words, for staff; nothing about who searched."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from condition.search import misses
from condition.search.models import SearchMiss
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db
SEARCH = reverse("condition:search")


def counted():
    return sorted(SearchMiss.objects.values_list("day", "language", "query", "searches"))


def test_a_search_that_finds_nothing_is_counted_by_day_language_and_words(client):
    SectionFactory(body="Naps help.")
    with translation.override("es"):
        spanish = reverse("condition:search")
    for query in ["Xylophone", "xylophone", "The xylophone!"]:
        client.get(SEARCH, {"q": query})
    client.get(spanish, {"q": "xilófono"})
    client.get(SEARCH, {"q": "naps"})  # found: not counted
    client.get(SEARCH, {"q": ""})  # no words: not a search
    assert client.get(SEARCH, {"q": "x" * 201}).status_code == 400  # refused: not counted
    today = timezone.localdate()
    assert counted() == [(today, "en", "xylophone", 3), (today, "es", "xilófono", 1)]


def test_nothing_about_who_searched_or_when_in_the_day_is_kept():
    assert {field.name for field in SearchMiss._meta.fields} == {"id", "day", "language", "query", "searches"}
    assert SearchMiss._meta.get_field("day").get_internal_type() == "DateField"


def test_hostile_queries_are_kept_as_plain_words_and_truncated(client):
    client.get(SEARCH, {"q": '<script>alert("x")</script>\x00\x1f\x7f<img src=x onerror=y>'})
    long_words = " ".join(chr(ord("a") + index) * 30 for index in range(6))  # 185 characters, 6 words
    client.get(SEARCH, {"q": long_words})
    queries = [row[2] for row in counted()]
    assert "script alert x img src onerror y" in queries  # letters and digits only, each word once
    longest = max(queries, key=len)
    assert len(longest) == misses.MAX_LENGTH and longest == long_words[: misses.MAX_LENGTH]
    assert all("<" not in query and "\x00" not in query for query in queries)


def test_a_day_counts_at_most_the_cap_of_different_queries_and_still_counts_known_ones(settings):
    settings.SEARCH_MISSES_PER_DAY = 3
    for word in ["one", "two", "three", "four", "five"]:
        misses.record([word], "en")
    misses.record(["two"], "en")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    misses.record(["four"], "en", day=yesterday)  # another day has room of its own
    today = timezone.localdate()
    assert counted() == [
        (yesterday, "en", "four", 1),
        (today, "en", "one", 1),
        (today, "en", "three", 1),
        (today, "en", "two", 2),
    ]


def test_purge_feedback_deletes_the_counts_older_than_the_kept_days(settings):
    today = timezone.localdate()
    misses.record(["kept"], "en", day=today - datetime.timedelta(days=90))
    misses.record(["gone"], "en", day=today - datetime.timedelta(days=91))
    out = io.StringIO()
    call_command("purge_feedback", stdout=out)
    assert [row[2] for row in counted()] == ["kept"]
    assert "deleted 1 count(s) of searches that found nothing older than 90 days" in out.getvalue()


def _home(client):
    html = client.get(reverse("admin:index")).content.decode()
    start = html.index('id="searches-found-nothing"')
    return html[start : html.index("</div>", start)]


def test_the_admin_home_lists_what_families_searched_for_and_found_nothing(editor_client):
    today = timezone.localdate()
    for _ in range(5):
        misses.record(["xylophone"], "en")
    misses.record(["xylophone"], "en", day=today - datetime.timedelta(days=3))
    misses.record(["vacunacion", "viaje"], "es")
    misses.record(["ancient"], "en", day=today - datetime.timedelta(days=91))
    SearchMiss.objects.create(day=today, language="en", query='<b onmouseover="x">bold</b>')
    panel = _home(editor_client)
    assert "What families searched for and found nothing (last 90 days)" in panel
    rows = [row.split("</th>")[0] for row in panel.split('<th scope="row"')[1:]]
    assert rows[0] == ' lang="en">xylophone' and ' lang="es">vacunacion viaje' in rows  # most searched first
    assert "6 searches" in panel and "1 search" in panel and "Spanish" in panel
    assert "ancient" not in panel
    assert "<b onmouseover" not in panel and "&lt;b onmouseover=&quot;x&quot;&gt;bold&lt;/b&gt;" in panel


def test_the_admin_home_says_when_every_search_found_something(editor_client):
    assert "Every search found something." in _home(editor_client)


def test_the_admin_home_costs_the_same_queries_however_many_searches_were_counted(editor_client):
    misses.record(["first"], "en")
    editor_client.get(reverse("admin:index"))  # warm: sessions, permissions
    with CaptureQueriesContext(connection) as few:
        editor_client.get(reverse("admin:index"))
    for index in range(40):
        misses.record([f"word{index}"], "es" if index % 2 else "en")
    with CaptureQueriesContext(connection) as many:
        panel = _home(editor_client)
    assert len(many) == len(few)
    assert panel.count('<th scope="row"') == 10

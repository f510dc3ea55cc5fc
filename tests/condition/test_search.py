"""Search: the database's own full-text index (SQLite FTS5 or PostgreSQL), behind condition.search.search()."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from condition.models import Condition, GlossaryTerm, Page
from condition.search import index as search_index
from condition.search import search
from condition.search.models import SearchDocument
from tests.factories import ConditionFactory, GlossaryTermFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db
SEARCH = reverse("condition:search")


def titles(query):
    return [(hit.page_title, hit.heading) for hit in search(query).hits]


def test_the_default_content_is_found_by_the_conditions_other_names(oms_content):
    hits = search("dancing eyes").hits
    assert hits and all(hit.url.startswith("/topics/") or hit.kind == "term" for hit in hits)
    assert {hit.page_title for hit in hits} >= {"What is OMS?", "Signs and symptoms"}
    assert any("<mark>" in hit.snippet for hit in hits)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("opsoclonous", "opsoclonus"),
        ("myoclonous", "myoclonus"),
        # Misspellings on no list: matched by edit distance to the indexed words.
        ("neuroblastomma", "neuroblastoma"),
        ("ritiximab", "rituximab"),
        ("kinsborne", "kinsbourne"),
        ("steriods", "steroids"),
        ("tseroids", "steroids"),  # the first two letters swapped
    ],
)
def test_misspellings_find_the_word_they_meant(oms_content, typed, meant):
    results = search(typed)
    assert meant in results.corrections[typed]
    assert results.hits
    assert any(meant in hit.snippet.lower() or meant in hit.heading.lower() for hit in results.hits)


def test_a_misspelling_is_matched_against_the_live_words_only(db):
    page = PageFactory(title="Sleep", status=Page.Status.PUBLISHED)
    SectionFactory(page=page, heading="Naps", body="Short naps help with the grumpiness.")
    draft = PageFactory(title="Draft", status=Page.Status.DRAFT)
    SectionFactory(page=draft, body="Plasmapheresis is a secret draft word.")
    assert search("grumpyness").corrections == {"grumpyness": ["grumpiness"]}
    assert search("plasmapheresis").hits == []
    assert search("plasmaferesis").corrections == {}


def test_pages_sections_and_glossary_terms_are_found_with_page_section_and_snippet(db):
    page = PageFactory(title="Treatment", slug="treatment", summary="Medicines that help.")
    SectionFactory(page=page, heading="Steroids", anchor="steroids", body="Steroids calm the **immune** system.")
    GlossaryTermFactory(term="immune system", slug="immune-system", definition="The body's defence against germs.")
    hits = search("immune").hits
    by_kind = {hit.kind: hit for hit in hits}
    assert by_kind["section"].url == "/topics/treatment/#steroids"
    assert (by_kind["section"].page_title, by_kind["section"].heading) == ("Treatment", "Steroids")
    assert "<mark>immune</mark>" in by_kind["section"].snippet
    assert "**" not in by_kind["section"].snippet  # the words families read, not the Markdown
    assert by_kind["term"].url == "/glossary/#term-immune-system"


def test_results_follow_publishing_at_once(db):
    page = PageFactory(title="Hidden topic", status=Page.Status.DRAFT)
    SectionFactory(page=page, body="Zebrafish swim here.")
    assert search("zebrafish").hits == []
    page.status = Page.Status.PUBLISHED
    page.save()
    assert [hit.page_title for hit in search("zebrafish").hits] == ["Hidden topic"]
    section = page.sections.get()
    section.body = "Dolphins swim here."
    section.save()
    assert search("zebrafish").hits == [] and search("dolphins").hits
    page.status = Page.Status.DRAFT
    page.save()
    assert search("dolphins").hits == []
    page.delete()
    assert not SearchDocument.objects.exists()


def test_a_held_index_ignores_each_save_and_is_rebuilt_once_when_the_block_ends(db):
    with search_index.held():
        page = PageFactory(title="Held topic")
        SectionFactory(page=page, body="Zebrafish swim here.")
        assert not SearchDocument.objects.exists()  # nothing indexed row by row
    assert [hit.page_title for hit in search("zebrafish").hits] == ["Held topic"]
    with search_index.held():
        with search_index.held():
            page.title = "Held twice"
            page.save()
        assert search("zebrafish").hits[0].page_title == "Held topic"  # the outer block rebuilds, not the inner
    assert [hit.page_title for hit in search("zebrafish").hits] == ["Held twice"]
    with pytest.raises(RuntimeError), search_index.held():
        raise RuntimeError("a load that fails")
    page.title = "Indexed again at once"
    page.save()  # the failed block left saves indexing as before
    assert [hit.page_title for hit in search("zebrafish").hits] == ["Indexed again at once"]


def test_a_changed_condition_name_and_glossary_term_are_searchable_at_once(db):
    condition = ConditionFactory()
    PageFactory(condition=condition, title="Overview")
    condition.other_names = "Wobbly eyes"
    condition.save()
    assert "Overview" in [hit.page_title for hit in search("wobbly").hits]
    term = GlossaryTermFactory(term="ataxia", definition="Shaky walking.")
    term.definition = "Unsteady walking."
    term.save()
    assert search("unsteady").hits[0].heading == "ataxia"
    term.delete()
    assert search("unsteady").hits == []


def test_staff_text_never_injects_markup_into_results(client, db):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)> \ue000bold\ue001 zebra'
    page = PageFactory(title=attack)
    SectionFactory(page=page, heading=attack, body=attack)
    html = client.get(SEARCH, {"q": "zebra alert"}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>zebra</mark>" in html
    assert "<mark>bold" not in html


def test_the_search_page_shows_hits_and_is_not_indexed_by_search_engines(client, oms_content):
    response = client.get(SEARCH, {"q": "opsoclonous"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert "Also searched for: opsoclonus" in html
    assert 'value="opsoclonous"' in html  # the header's box keeps the words
    assert "Disallow: /search/" in client.get("/robots.txt").content.decode()


def test_every_page_has_a_labelled_search_box_in_the_header(client, oms_content):
    for url in ["/", "/topics/treatment/", "/glossary/", "/quiz/oms-basics/"]:
        html = client.get(url).content.decode()
        assert 'role="search"' in html and 'action="/search/"' in html, url
        assert '<label for="site-search-q"' in html and 'id="site-search-q" name="q"' in html, url


def test_nothing_found_says_so_and_suggests_where_to_look(client, oms_content):
    html = client.get(SEARCH, {"q": "xylophone"}).content.decode()
    assert "Nothing found" in html and 'href="/glossary/"' in html


def test_an_empty_search_asks_for_words(client, db):
    assert "Type a word" in client.get(SEARCH).content.decode()


def test_a_very_long_query_is_refused_with_a_clear_400(client, db):
    response = client.get(SEARCH, {"q": "dancing " * 100})
    assert response.status_code == 400
    assert "fewer words" in response.content.decode()


@pytest.mark.parametrize("pages", [1, 15])
def test_a_search_costs_the_same_queries_however_much_content(client, django_assert_num_queries, pages):
    for index in range(pages):
        page = PageFactory(title=f"Topic {index}")
        SectionFactory(page=page, body=f"Sleep and mood change number {index}.")
    # the content version (results are kept for it), the spelling look-up, the search, the clinic footer
    with django_assert_num_queries(4):
        response = client.get(SEARCH, {"q": "slepe mood"})
    assert response.status_code == 200
    assert response.content.decode().count('class="search-where"') == min(pages, 20)


def test_a_search_that_needs_no_spelling_or_looser_match_costs_three_queries(client, django_assert_num_queries, db):
    SectionFactory(body="Naps help.")
    with django_assert_num_queries(3):  # the content version, the search, the clinic footer
        assert client.get(SEARCH, {"q": "naps"}).status_code == 200


def test_a_search_that_finds_nothing_also_looks_in_the_other_language_once(client, django_assert_num_queries, db):
    SectionFactory(body="Sleep helps.")
    # the content version, the search, the same words in Spanish, counting the search that found nothing,
    # the clinic footer
    with django_assert_num_queries(5):
        response = client.get(SEARCH, {"q": "zzz"})
    assert response.status_code == 200 and 'class="search-elsewhere"' not in response.content.decode()


def test_an_english_search_that_finds_only_spanish_pages_links_to_the_spanish_search(client, oms_content):
    assert search("vacuna").hits == []
    html = client.get(SEARCH, {"q": "vacuna"}).content.decode()
    assert "Nothing found for “vacuna”." in html
    assert (
        '<p class="search-elsewhere">Found in Spanish pages: <a href="/es/search/?q=vacuna" hreflang="es" lang="es">'
        "Ver lo que se encontró para “vacuna”</a></p>"
    ) in html


def test_the_link_to_the_other_language_escapes_the_query(client, oms_content):
    html = client.get(SEARCH, {"q": 'vacuna"><'}).content.decode()
    assert 'vacuna"><' not in html
    assert 'href="/es/search/?q=vacuna%22%3E%3C"' in html
    assert "para “vacuna&quot;&gt;&lt;”</a>" in html


def test_when_all_words_together_find_nothing_any_word_is_enough(db):
    SectionFactory(heading="Naps", body="Naps help.")
    SectionFactory(heading="Food", body="Meals help.")
    assert {hit.heading for hit in search("naps meals").hits} == {"Naps", "Food"}


def test_the_index_holds_only_published_text(db):
    PageFactory(status=Page.Status.REVIEW)
    PageFactory(status=Page.Status.DRAFT)
    live = PageFactory(status=Page.Status.PUBLISHED)
    assert set(SearchDocument.objects.values_list("page_id", flat=True)) == {live.pk}


HOSTILE = [
    "",
    " ",
    '"',
    "'",
    "*",
    "NEAR(a b)",
    "a NEAR/2 b",
    "title: dancing",
    "dancing OR eyes AND NOT x",
    "- ^ + : ( ) { }",
    "'; DROP TABLE condition_page; --",
    "1' OR '1'='1",
    "\x00",
    "dancing\x00eyes",
    "\ue000mark\ue001",
    "!!!& | <-> :*",
    "ओएमएस नृत्य",
    "a" * 41,
    "x" * 200,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_get_a_page_not_a_server_error(client, oms_content, query):
    assert client.get(SEARCH, {"q": query}).status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=260))
def test_any_query_is_answered_200_or_400_never_500(client, db, query):
    Condition.objects.get_or_create(slug="oms", defaults={"status": "published", "name": "OMS", "summary": "x"})
    if not GlossaryTerm.objects.exists():
        GlossaryTermFactory(term="opsoclonus", definition="Dancing eyes.")
    response = client.get(SEARCH, {"q": query})
    assert response.status_code in (200, 400)
    assert response.status_code == (400 if len(query) > 200 else 200)


def test_search_uses_the_databases_own_full_text_index(db):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'condition_search_fts' AND sql LIKE '%fts5%'")
        assert cursor.fetchone()


def test_the_index_is_emptied_with_the_database(transactional_db):
    from django.core.management import call_command

    SectionFactory(body="Zebrafish swim here.")
    assert search("zebrafish").hits
    call_command("flush", interactive=False, verbosity=0)
    assert search("zebrafish").hits == []
    assert not SearchDocument.objects.exists()


def search_queries(client, query, path=SEARCH):
    """(the page's HTML, the SQL it ran that read the search index)."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path, {"q": query}).content.decode()
    return html, [q["sql"] for q in queries.captured_queries if "search" in q["sql"].lower()]


def test_the_same_words_are_searched_once_per_content_version_however_they_are_typed(client, db):
    SectionFactory(body="Steroids can upset the stomach.")
    first, first_sql = search_queries(client, "steroids")
    assert first_sql and "upset the stomach" in first
    for typed in ("Steroids", "  STEROIDS ", "the steroids"):
        again, again_sql = search_queries(client, typed)
        assert again_sql == [] and "upset the stomach" in again


def test_a_change_staff_make_shows_in_the_next_search_at_once(client, db):
    SectionFactory(body="Naps help.")
    assert "Nothing found" in client.get(SEARCH, {"q": "cuddles"}).content.decode()
    SectionFactory(body="Cuddles help too.")  # saved: the content version moves on
    html, sql = search_queries(client, "cuddles")
    assert sql and "1 result for “cuddles”" in html


def test_a_kept_search_that_found_nothing_is_still_counted_each_time(client, db):
    from condition.search.models import SearchMiss

    SectionFactory(body="Naps help.")
    for _ in range(3):
        client.get(SEARCH, {"q": "zebra"})
    assert SearchMiss.objects.get(query="zebra").searches == 3


def test_kept_results_for_english_words_are_not_served_to_a_spanish_search(client, oms_content):
    english, _ = search_queries(client, "vacuna")
    spanish, _ = search_queries(client, "vacuna", path="/es/search/")
    assert "Nothing found" in english and "search-elsewhere" in english
    assert "search-where" in spanish and "search-elsewhere" not in spanish


def test_a_flood_of_different_searches_writes_nothing_to_the_shared_cache(client, db, monkeypatch):
    from django.core.cache import cache

    from pagecache import cache as content_cache

    SectionFactory(body="Naps help.")
    written = []
    for name in ("set", "set_many", "add"):
        real = getattr(cache, name)
        monkeypatch.setattr(
            cache, name, lambda *args, real=real, **kwargs: written.append(args[0]) or real(*args, **kwargs)
        )
    monkeypatch.setattr(content_cache, "HERE_MAX", 50)
    for number in range(120):
        assert client.get(SEARCH, {"q": f"naps zebra{number}"}).status_code == 200
    assert not [key for key in written if "search" in str(key)]
    assert len(content_cache._here) <= 50  # this process keeps at most HERE_MAX searches

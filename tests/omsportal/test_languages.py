"""The interface in every language of settings.LANGUAGES.

English stays at its address (printed QR codes keep working), Spanish lives
under /es/; the switcher is plain links; the home page "/" alone follows the
browser's language on a first visit; the page cache never serves one
language's page for another's address.
"""

import io
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from condition.models import Page
from pagecache import cache as content_cache

pytestmark = pytest.mark.django_db

SPANISH = "es"


@pytest.fixture
def topic(oms_content):
    return Page.objects.live().get(slug="symptoms")


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def switcher_links(response):
    nav = re.search(r'<nav class="language-switcher"[^>]*>(.*?)</nav>', response.content.decode(), re.S).group(1)
    return re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)"[^>]*>([^<]+)</a>', nav)


def test_english_keeps_its_addresses_and_spanish_is_under_its_code(client, topic):
    english = client.get("/topics/symptoms/")
    spanish = client.get("/es/topics/symptoms/")
    assert english.status_code == spanish.status_code == 200
    assert html_lang(english) == "en" and html_lang(spanish) == "es"
    assert "Key points" in english.content.decode() and "Puntos clave" in spanish.content.decode()
    assert english["Content-Language"] == "en" and spanish["Content-Language"] == "es"
    # Links on a Spanish page stay in Spanish.
    assert 'href="/es/glossary/"' in spanish.content.decode()
    assert client.get("/en/topics/symptoms/").status_code == 404  # the default language has no prefix


@pytest.mark.parametrize(
    "path", ["/", "/topics/symptoms/", "/glossary/", "/sources/", "/help/", "/search/?q=eyes", "/quiz/oms-basics/"]
)
def test_every_public_page_names_its_alternates_the_language_and_a_switcher(client, topic, settings, path):
    settings.SITE_URL = "https://guide.example.org"
    for prefix, lang in (("", "en"), ("/es", "es")):
        response = client.get(prefix + path)
        assert response.status_code == 200
        html = response.content.decode()
        assert html_lang(response) == lang
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
        bare = path.split("?")[0]
        assert alternates == {
            "en": f"https://guide.example.org{bare}",
            "es": f"https://guide.example.org/es{bare}",
            "x-default": f"https://guide.example.org{bare}",
        }
        links = switcher_links(response)
        assert [(code, hreflang, name) for _href, code, hreflang, name in links] == [
            (code, code, name) for code, name in settings.LANGUAGES
        ]
        assert 'aria-current="true">' + dict(settings.LANGUAGES)[lang] in html


def test_the_switcher_keeps_the_family_on_the_same_page_and_remembers_the_choice(client, topic, settings):
    page = client.get("/topics/symptoms/")
    href = next(href for href, code, _h, _n in switcher_links(page) if code == SPANISH)
    assert href == "/language/es/?next=%2Ftopics%2Fsymptoms%2F"
    switched = client.get(href.replace("&amp;", "&"))
    assert switched.status_code == 302 and switched["Location"] == "/es/topics/symptoms/"
    cookie = switched.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == SPANISH and cookie["samesite"] == "Lax" and int(cookie["max-age"]) > 30 * 24 * 3600
    assert "no-store" in switched["Cache-Control"] or "max-age=0" in switched["Cache-Control"]
    back = client.get("/language/en/?next=/es/topics/symptoms/")
    assert back["Location"] == "/topics/symptoms/" and back.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_the_switcher_on_search_keeps_the_words_searched_for(client, topic):
    links = switcher_links(client.get("/search/?q=dancing+eyes"))
    href = next(href for href, code, _h, _n in links if code == SPANISH)
    assert client.get(href.replace("&amp;", "&"))["Location"] == "/es/search/?q=dancing+eyes"


def test_a_cached_page_carries_no_query_string_of_its_first_visitor_in_its_switcher(client, topic):
    html = client.get("/topics/symptoms/?utm_source=<b>x</b>").content.decode()
    assert "utm_source" not in html
    assert "/language/es/?next=%2Ftopics%2Fsymptoms%2F" in html


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/topics/",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "/admin/",
        "/no-such-page/",
        "",
        "/topics/symptoms/%0d%0aSet-Cookie:x=1",
        "/search/?q=a\r\nSet-Cookie: x=1",
    ],
)
def test_the_switcher_never_leads_off_the_site_or_to_a_500(client, topic, next_url):
    response = client.get("/language/es/", {"next": next_url})
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/es/") and not location.startswith("//") and "\n" not in location
    assert "evil" not in location.split("?")[0]


def test_the_switcher_refuses_a_language_not_offered_and_anything_but_get(client, topic):
    assert client.get("/language/xx/", {"next": "/"}).status_code == 400
    assert client.get("/language/../", {"next": "/"}).status_code in (400, 404)
    assert client.post("/language/es/", {"next": "/"}).status_code == 405


def test_a_first_visit_to_the_home_page_follows_the_browsers_language(client, topic):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")
    assert response.status_code == 302 and response["Location"] == "/es/"
    assert {"Accept-Language", "Cookie"} <= {part.strip() for part in response["Vary"].split(",")}
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert english.status_code == 200 and html_lang(english) == "en"
    assert {"Accept-Language", "Cookie"} <= {part.strip() for part in english["Vary"].split(",")}
    # A language not offered: English.
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").status_code == 200


def test_only_the_home_page_follows_the_browsers_language(client, topic):
    for path in ("/topics/symptoms/", "/glossary/", "/help/", "/quiz/oms-basics/"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 200 and html_lang(response) == "en", path


def test_a_family_who_picked_english_is_never_sent_away_from_it(client, topic, settings):
    client.get("/language/en/?next=/")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200 and html_lang(response) == "en"


def test_a_family_who_picked_spanish_finds_the_home_page_in_spanish(client, topic):
    client.get("/language/es/?next=/")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == "/es/"


@pytest.mark.parametrize("path", ["/", "/topics/symptoms/", "/glossary/", "/help/", "/topics/symptoms/handout/"])
def test_the_page_cache_never_serves_one_languages_page_for_anothers_address(topic, path):
    for order in (("", "/es"), ("/es", "")):
        _uncached()
        client = Client()
        for prefix in [*order, *order]:  # built, then from the cache
            response = client.get(prefix + path)
            assert response.status_code == 200
            assert html_lang(response) == ("es" if prefix else "en"), (order, prefix, path)


def test_the_cached_home_page_still_sends_a_spanish_browser_to_spanish(client, topic):
    assert client.get("/").status_code == 200  # now cached
    assert client.get("/").status_code == 200
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302 and response["Location"] == "/es/"


def test_the_service_worker_and_pictures_have_one_address_for_every_language(client, topic):
    assert client.get("/sw.js").status_code == 200
    assert client.get("/es/sw.js").status_code == 404
    html = client.get("/es/topics/treatment/").content.decode()
    assert 'data-worker="/sw.js"' in html
    pictures = re.findall(r'<img src="(/[^"]+)"', html)
    assert pictures and all(src.startswith("/media/") for src in pictures)
    assert client.get(pictures[0]).status_code == 200
    assert client.get("/es" + pictures[0]).status_code == 404


def test_the_service_worker_saves_home_and_help_in_every_language_with_its_own_words(client, topic):
    first = client.get("/sw.js").content.decode().splitlines()[0]
    config = json.loads(re.fullmatch(r"self\.OMS_OFFLINE = (\{.*\});", first).group(1))
    assert {"/", "/help/", "/es/", "/es/help/"} <= set(config["precache"])
    words = {language["lang"]: language for language in config["languages"]}
    assert words["es"]["prefix"] == "/es" and words["en"]["prefix"] == ""
    assert words["es"]["offline"] == "No tiene conexión a internet." and words["en"]["offline"] == "You are offline."
    assert config["languages"][-1]["prefix"] == ""  # the default's empty prefix is tried last


def test_the_spanish_handout_prints_the_spanish_address_in_its_qr_code(client, topic):
    html = client.get("/es/topics/symptoms/handout/").content.decode()
    assert '<html lang="es"' in html and "Puntos clave" in html
    assert "testserver/es/topics/symptoms/" in html
    english = client.get("/topics/symptoms/handout/").content.decode()
    assert "Key points" in english and "testserver/es/" not in english


def test_handout_pdfs_are_kept_apart_per_language(client, topic):
    english = client.get("/topics/symptoms/handout.pdf")
    spanish = client.get("/es/topics/symptoms/handout.pdf")
    text = {
        lang: "".join(page.extract_text() for page in PdfReader(io.BytesIO(r.content)).pages)
        for lang, r in (("en", english), ("es", spanish))
    }
    assert "Key points" in text["en"] and "Puntos clave" in text["es"]
    assert "Puntos clave" not in text["en"]


def _uncached():
    content_cache._local.clear()
    cache.clear()


def _queries(client, path):
    _uncached()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/", "/topics/symptoms/"])
def test_the_spanish_interface_costs_no_query_over_the_english_one(
    client, topic, path, monkeypatch, django_assert_num_queries
):
    """The words around the content (templates, switcher, alternates) cost no query in any language.

    Content translations are looked up by queries of their own (condition.translations);
    here the content is read as the original, so only the interface language differs.
    """
    from condition import views
    from condition.content import ORIGINAL_LANGUAGE

    monkeypatch.setattr(views, "current_language", lambda: ORIGINAL_LANGUAGE)
    _queries(client, path)  # warm: the clinic profile and the like, as for any first request
    english = _queries(client, path)
    _uncached()
    with django_assert_num_queries(english):
        response = client.get("/es" + path)
    assert response.status_code == 200 and '<html lang="es"' in response.content.decode()


def test_an_unknown_prefix_is_a_plain_404_not_a_language(client, topic):
    response = client.get("/xx/topics/symptoms/")
    assert response.status_code == 404 and html_lang(response) == "en"


def test_robots_keep_crawlers_off_the_quiz_search_pdfs_and_switcher_in_every_language(client):
    robots = client.get("/robots.txt").content.decode().splitlines()
    for prefix in ("", "/es"):
        for rule in ("/quiz/", "/search/", "/topics/*/handout.pdf", "/conditions/*/handout.pdf"):
            assert f"Disallow: {prefix}{rule}" in robots
    assert "Disallow: /language/" in robots and "Disallow: /es/admin/" not in robots


def test_citation_markers_are_named_in_the_pages_language(client, topic):
    assert 'aria-label="Source 1"' in client.get("/topics/symptoms/").content.decode()
    assert 'aria-label="Fuente 1"' in client.get("/es/topics/symptoms/").content.decode()


def test_the_guide_with_every_topic_is_made_and_kept_per_language(client, topic):
    for first, second in (("", "/es"), ("/es", "")):
        _uncached()
        for prefix in (first, second):
            html = client.get(f"{prefix}/conditions/oms/handout/").content.decode()
            assert ("Puntos clave" in html) == (prefix == "/es") and ("Key points" in html) == (prefix == ""), prefix


def test_the_switcher_costs_no_query(client, topic, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/language/es/", {"next": "/topics/symptoms/"}).status_code == 302

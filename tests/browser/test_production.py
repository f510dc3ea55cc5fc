"""A family on the server a clinic runs: README's production set-up, started exactly as README says (issue 20).

deploy/serve.py with DEBUG off, a real secret key, collectstatic with the
manifest storage (hashed, compressed names), gunicorn on 127.0.0.1 behind
nginx, on a SQLite file with the default content (bench.server.ProductionServer).
Offline reading worked only with DEBUG on, which is how the other tests ran it:
here a family reads in English and Spanish, saves, loses the network and
reads again. One server for the module, stopped at its end.
"""

import json
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from bench.server import ProductionServer
from tests.browser.test_offline import go_offline

# Its tests share one server: make test's workers (xdist) keep them on one.
pytestmark = pytest.mark.xdist_group("production")

BANNERS = {
    "en": re.compile(r"^You are offline\. This is the copy saved on \w+ \d{1,2}, \d{4}"),
    "es": re.compile(r"^No tiene conexión a internet\. Esta es la copia guardada el \d{1,2} de \w+ de \d{4}"),
}


@pytest.fixture(scope="module")
def production():
    with ProductionServer() as server:
        yield server


def get(url):
    with urllib.request.urlopen(url, timeout=20) as response:
        return response.status, response.headers, response.read()


def test_every_address_the_service_worker_saves_answers_200(production):
    status, headers, body = get(production.url + "/sw.js")
    assert status == 200 and headers["Content-Type"] == "text/javascript; charset=utf-8"
    config = json.loads(re.fullmatch(r"self\.OMS_OFFLINE = (\{.*\});", body.decode().partition("\n")[0]).group(1))
    assert config["static"] == "/static/"
    stylesheets = [url for url in config["precache"] if url.startswith("/static/css/portal.")]
    assert len(stylesheets) == 1 and stylesheets[0] != "/static/css/portal.css"  # the hashed name
    assert {"/", "/help/", "/es/", "/es/help/"} <= set(config["precache"])
    for url in config["precache"]:
        status, headers, _ = get(production.url + url)
        assert status == 200, url
    status, headers, _ = get(production.url + stylesheets[0])
    assert "immutable" in headers["Cache-Control"]  # whitenoise's far-future answer for hashed names


@pytest.fixture
def family(browser):
    """A phone whose network can be cut, under the portal's own CSP (nothing bypassed)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def styled(page):
    """The portal's stylesheet is applied (from the network or the worker's copy)."""
    return page.evaluate(
        "[...document.styleSheets].some(sheet => sheet.href && sheet.href.includes('/static/css/portal.')"
        " && sheet.cssRules.length > 20)"
    )


def test_a_family_reads_saves_and_reads_again_offline_in_english_and_spanish(production, family):
    read = {}
    for language, home, get_help, save_all, saved in (
        ("en", "/", "Get help now", "Save all topics for offline", "All {} topics saved for offline reading on "),
        (
            "es",
            "/es/",
            "Pedir ayuda ahora",
            "Guardar todos los temas para leer sin conexión",
            "Los {} temas se guardaron ",
        ),
    ):
        family.goto(production.url + home)
        expect(family.locator("html")).to_have_attribute("lang", language)
        assert styled(family)
        # The Save button shows once the service worker runs (static/js/offline.js): with the worker a 500,
        # it never did, and offline the browser showed its own error page.
        expect(family.get_by_role("button", name=save_all)).to_be_visible(timeout=15000)
        topics = family.locator(".topic-list a").evaluate_all("links => links.map(a => a.href)")
        assert len(topics) >= 9
        family.locator(".topic-list a").first.click()
        family.wait_for_load_state()
        topic, heading = family.url, family.get_by_role("heading", level=1).inner_text()
        expect(family.locator(".save-offline button")).to_be_visible(timeout=15000)
        family.get_by_role("link", name=get_help).first.click()
        expect(family.get_by_role("heading", level=1)).to_have_text(get_help)
        expect(family.locator(".care-box").first).to_be_visible()
        family.goto(production.url + home)
        family.get_by_role("button", name=save_all).click()
        status = family.locator(".save-offline [role=status]")
        expect(status).to_contain_text(saved.format(len(topics)), timeout=30000)
        read[language] = [
            (topic, heading),
            (topics[-1], None),
            (production.url + home.rstrip("/") + "/help/", get_help),
        ]

    go_offline(family)
    for language, pages in read.items():
        for url, heading in pages:
            family.goto(url)
            expect(family.locator("html")).to_have_attribute("lang", language)
            expect(family.get_by_role("status").filter(has_text=BANNERS[language])).to_have_text(BANNERS[language])
            if heading:
                expect(family.get_by_role("heading", level=1)).to_have_text(heading)
            else:  # a topic saved with "Save all", never opened
                expect(family.locator(".key-points")).to_be_visible()
            assert styled(family), url

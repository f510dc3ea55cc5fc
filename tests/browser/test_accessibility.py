import pytest
from django.test import Client

from tests.browser.conftest import axe_violations

PUBLIC_PATHS = [
    "/",
    "/topics/what-is-oms/",
    "/topics/symptoms/",
    "/topics/causes-and-neuroblastoma/",
    "/topics/tests-and-diagnosis/",
    "/topics/treatment/",
    "/topics/medicines-and-side-effects/",
    "/topics/vaccines-and-infections/",
    "/topics/outlook/",
    "/topics/living-with-oms/",
    "/help/",
    "/glossary/",
    "/sources/",
    "/quiz/",
    "/quiz/oms-basics/",
    "/topics/symptoms/handout/",
    "/conditions/oms/handout/",
    "/topics/symptoms/feedback/?helpful=yes",
    "/topics/symptoms/feedback/thanks/",
    "/topics/symptoms/feedback/comment/?vote=expired-or-forged",
    "/topics/treatment/questions/",
    "/search/",
    "/search/?q=dancing+eyes",
    "/search/?q=opsoclonous",
    "/search/?q=xylophone",
    "/search/?q=vacuna",
    "/no-such-page/",
]


@pytest.mark.parametrize(
    "viewport", [{"width": 360, "height": 740}, {"width": 1280, "height": 900}], ids=["phone", "desktop"]
)
def test_axe_finds_no_violations_on_any_public_page(site, browser, viewport):
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    found = {}
    for path in PUBLIC_PATHS:
        page.goto(site.url + path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    context.close()
    assert found == {}


def test_no_public_page_scrolls_sideways_on_a_phone(site, phone):
    wide = {}
    for path in PUBLIC_PATHS:
        phone.goto(site.url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide[path] = width
    assert wide == {}


def test_axe_finds_no_violations_on_quiz_errors_and_results(site, browser):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(site.url + "/quiz/oms-basics/")
    page.get_by_role("button", name="See my results").click()
    assert page.get_by_role("alert").is_visible()
    assert axe_violations(page) == []
    for radio in page.locator("fieldset").all():
        radio.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="See my results").click()
    assert "/result/" in page.url
    assert axe_violations(page) == []
    page.goto(site.url + "/topics/symptoms/feedback/")
    page.get_by_role("button", name="Send").click()
    assert page.get_by_role("alert").is_visible()
    assert axe_violations(page) == []
    context.close()


def test_pages_stay_readable_at_200_percent_zoom(site, browser):
    context = browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    page.goto(site.url + "/topics/treatment/")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 640
    context.close()


def test_every_public_page_is_valid_utf8_html_with_a_language(site):
    client = Client()
    for path in PUBLIC_PATHS:
        html = client.get(path, follow=True).content.decode("utf-8")
        assert html.startswith("<!doctype html>") and '<html lang="en"' in html


def test_a_page_with_a_picture_serves_a_webp_copy_with_alt_text_and_passes_axe_on_a_phone(site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, bypass_csp=True)
    phone = context.new_page()
    phone.goto(site.url + "/topics/treatment/")
    picture = phone.locator("figure.picture img").first
    assert picture.get_attribute("alt").startswith("Four parts of care for OMS")
    assert picture.get_attribute("loading") == "lazy"
    picture.scroll_into_view_if_needed()
    phone.wait_for_function("() => document.querySelector('figure.picture img').complete")
    loaded = phone.evaluate(
        "() => { const img = document.querySelector('figure.picture img');"
        " return {src: img.currentSrc, width: img.naturalWidth, shown: img.getBoundingClientRect().width}; }"
    )
    assert loaded["src"].endswith(".webp") and "/media/images/" in loaded["src"]
    assert loaded["width"] > 0 and loaded["shown"] <= 360
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone) == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_a_word_explained_in_place_and_after_a_source_link_back(site, browser, scheme):
    context = browser.new_context(
        viewport={"width": 360, "height": 780}, color_scheme=scheme, bypass_csp=True, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    found = {}
    for path in ["/topics/what-is-oms/", "/es/topics/what-is-oms/"]:
        page.goto(site.url + path)
        page.locator("button.term").first.tap()
        page.locator(".term-tip:popover-open").wait_for()
        violations = axe_violations(page)
        if violations:
            found[path + " explained"] = violations
    page.goto(site.url + "/topics/symptoms/#cite-ref-1-2")  # a marker the reader came back to (:target)
    violations = axe_violations(page)
    if violations:
        found["back at a marker"] = violations
    context.close()
    assert found == {}

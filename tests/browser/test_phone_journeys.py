"""A tired parent on a 360 x 780 phone, light and dark: the header, Get help now and the quiz's answer rows."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations


def phone_context(browser, width, scheme):
    return browser.new_context(
        viewport={"width": width, "height": 780},
        is_mobile=True,
        has_touch=True,
        color_scheme=scheme,
        bypass_csp=True,  # lets axe be injected (the site's CSP forbids inline scripts)
    )


@pytest.fixture(params=["light", "dark"])
def tall_phone(browser, request):
    context = phone_context(browser, 360, request.param)
    yield context.new_page()
    context.close()


def in_view(page, locator):
    box = locator.bounding_box()
    assert box is not None, locator
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] >= 0 and box["y"] + box["height"] <= 780
    return box


@pytest.mark.parametrize("prefix, menu, topics", [("", "Menu", "Topics"), ("/es", "Menú", "Temas")])
def test_the_phone_header_is_two_rows_and_keeps_search_languages_and_get_help_now(
    site, tall_phone, prefix, menu, topics
):
    tall_phone.goto(site.url + prefix + "/topics/what-is-oms/")
    header = tall_phone.locator(".site-header").bounding_box()
    assert header["height"] <= 120, header  # it was 316 of 780 px
    assert tall_phone.evaluate("document.documentElement.scrollWidth") <= 360
    header = tall_phone.locator(".site-header")
    for target in (
        header.get_by_role("searchbox"),
        header.get_by_role("button", name="Search" if not prefix else "Buscar"),
        header.locator(".get-help"),
        *header.locator(".language-switcher a").all(),
        header.locator(".site-menu summary"),
    ):
        box = in_view(tall_phone, target)
        assert box["height"] >= 44 and box["width"] >= 44, (target, box)
    # The topics, the word list, the sources and the quiz are one tap away, behind Menu.
    nav = header.get_by_role("navigation", name="Main" if not prefix else "Principal")
    expect(nav).to_have_count(0)  # closed: hidden, the wide screen's row not displayed either
    header.get_by_text(menu, exact=True).tap()
    expect(nav.get_by_role("link")).to_have_count(4)
    for link in nav.get_by_role("link").all():
        box = in_view(tall_phone, link)
        assert box["height"] >= 44, box
    nav.get_by_role("link", name=topics).tap()
    expect(tall_phone).to_have_url(site.url + prefix + "/")
    assert axe_violations(tall_phone) == []


@pytest.mark.parametrize("path, label", [("/help/", "Emergency: call 911"), ("/es/help/", "Emergencias: llame al 911")])
def test_get_help_now_shows_the_emergency_call_without_scrolling_and_unlike_the_clinics_numbers(
    site, tall_phone, path, label
):
    tall_phone.goto(site.url + path)
    assert tall_phone.locator(".site-header").bounding_box()["height"] <= 120
    call = tall_phone.locator(".help-emergency a.call")
    expect(call).to_have_attribute("href", "tel:911")  # from the settings, before staff set any number
    expect(call).to_have_text(label)
    if path.startswith("/es/"):
        assert "llame al\u00a0911" in call.text_content()  # "911" never alone on a line of its own
    expect(call).to_be_in_viewport(ratio=1)
    box = call.bounding_box()
    assert box["y"] + box["height"] < 780, box
    filled = call.evaluate("a => getComputedStyle(a).backgroundColor")
    assert filled == "rgb(176, 0, 32)"  # the same strong red in light and dark mode
    from condition.models import ClinicProfile

    ClinicProfile.objects.update_or_create(
        pk=1, defaults={"status": "published", "phone": "020 7946 0000", "after_hours_phone": "020 7946 0999"}
    )
    tall_phone.reload()
    others = tall_phone.locator(".help-numbers a.call")
    expect(others).to_have_count(2)
    for other in others.all():
        assert other.evaluate("a => getComputedStyle(a).backgroundColor") != filled
    assert axe_violations(tall_phone) == []


def first_lines(page):
    """For every answer row: its circle's box, the box of the first line of its words, and what they say."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.quiz-form .form-check')].map(row => {
            const circle = row.querySelector('input[type=radio]').getBoundingClientRect();
            const words = row.querySelector('.form-check-text');
            const range = document.createRange();
            range.selectNodeContents(words);
            const line = range.getClientRects()[0];
            return {text: words.textContent.trim(), circle: [circle.left, circle.right, circle.top, circle.bottom],
                    line: [line.left, line.right, line.top, line.bottom],
                    label: row.querySelector('label').contains(row.querySelector('input'))};
        })"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 414])
@pytest.mark.parametrize("prefix", ["", "/es"])
def test_each_quiz_answer_is_one_row_with_its_circle_beside_its_words_and_the_whole_row_chooses_it(
    site, browser, width, scheme, prefix
):
    context = phone_context(browser, width, scheme)
    page = context.new_page()
    page.goto(site.url + prefix + "/quiz/oms-basics/")
    rows = first_lines(page)
    assert len(rows) > 20
    for row in rows:
        left, right, top, bottom = row["circle"]
        line_left, _, line_top, line_bottom = row["line"]
        assert row["label"], row  # the label wraps its circle: the whole row is the label
        assert line_left >= right, row  # the words start beside the circle...
        assert line_top < bottom and line_bottom > top, row  # ...on its line, in the same vertical band
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    answers = page.locator(".quiz-form .form-check")
    # Tapping the words chooses the answer; so does the row's far corner, away from the circle and the words.
    second = answers.nth(1)
    second.locator(".form-check-text").click()
    expect(second.locator("input[type=radio]")).to_be_checked()
    third = answers.nth(2)
    third.scroll_into_view_if_needed()
    box = third.locator("label").bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] - 6, box["y"] + box["height"] - 6)
    expect(third.locator("input[type=radio]")).to_be_checked()
    expect(second.locator("input[type=radio]")).not_to_be_checked()

    # An unchosen circle's ring is the text colour; a chosen one is filled and its row marked.
    first = answers.nth(0).locator("input[type=radio]")
    assert first.evaluate("i => getComputedStyle(i).borderTopColor") == page.evaluate(
        "getComputedStyle(document.body).color"
    )
    chosen = third.locator("input[type=radio]")
    assert chosen.evaluate("i => getComputedStyle(i).backgroundColor") != first.evaluate(
        "i => getComputedStyle(i).backgroundColor"
    )
    assert third.locator("label").evaluate("l => getComputedStyle(l).backgroundColor") != page.evaluate(
        "getComputedStyle(document.body).backgroundColor"
    )
    assert axe_violations(page) == []  # contrast of the circles, the chosen row and its focus, light and dark
    context.close()

"""A tired parent on a 360 x 780 phone, light and dark: the header, Get help now and the quiz's answer rows."""

import pytest
from playwright.sync_api import expect


@pytest.fixture(params=["light", "dark"])
def tall_phone(browser, request):
    context = browser.new_context(
        viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True, color_scheme=request.param
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_phone_header_is_compact(site, tall_phone, prefix):
    tall_phone.goto(site.url + prefix + "/topics/what-is-oms/")
    header = tall_phone.locator(".site-header").bounding_box()
    assert header["height"] <= 200, header  # it was 316 of 780 px
    assert tall_phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("prefix, name", [("", "Emergency"), ("/es", "Emergencias")])
def test_get_help_now_shows_the_emergency_call_without_scrolling_and_unlike_the_clinics_numbers(
    site, tall_phone, prefix, name
):
    tall_phone.goto(site.url + prefix + "/help/")
    call = tall_phone.locator(".help-emergency a.call")
    expect(call).to_have_attribute("href", "tel:911")  # from the settings, before staff set any number
    expect(call).to_contain_text(name)
    expect(call).to_be_in_viewport(ratio=1)
    assert call.bounding_box()["y"] + call.bounding_box()["height"] <= 780
    filled = call.evaluate("a => getComputedStyle(a).backgroundColor")
    from condition.models import ClinicProfile

    ClinicProfile.objects.update_or_create(
        pk=1, defaults={"status": "published", "phone": "020 7946 0000", "after_hours_phone": "020 7946 0999"}
    )
    tall_phone.reload()
    for other in tall_phone.locator(".help-numbers a.call").all():
        assert other.evaluate("a => getComputedStyle(a).backgroundColor") != filled


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_each_quiz_answer_is_one_row_with_its_circle_and_the_whole_row_chooses_it(site, tall_phone, prefix):
    tall_phone.goto(site.url + prefix + "/quiz/oms-basics/")
    rows = tall_phone.locator(".form-check")
    assert rows.count() > 20
    for row in rows.all():
        circle = row.locator("input[type=radio]").bounding_box()
        words = row.locator("label").bounding_box()
        # Side by side: the words start to the right of the circle, on its line.
        assert words["x"] >= circle["x"] + circle["width"], (circle, words)
        assert words["y"] <= circle["y"] + circle["height"], (circle, words)
    row = rows.nth(1)
    row.scroll_into_view_if_needed()
    box = row.bounding_box()
    tall_phone.touchscreen.tap(box["x"] + box["width"] - 6, box["y"] + box["height"] - 6)  # the row's far corner
    expect(row.locator("input[type=radio]")).to_be_checked()
    # An unchosen circle stands out from the page in light and dark mode: its ring is the text colour.
    ring = rows.nth(0).locator("input[type=radio]").evaluate("i => getComputedStyle(i).borderTopColor")
    assert ring == tall_phone.evaluate("getComputedStyle(document.body).color")

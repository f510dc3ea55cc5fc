"""Touch targets on a 360 px phone: links standing alone on their line are at least 24 px tall (WCAG 2.5.8)."""

from playwright.sync_api import expect


def test_the_footers_get_help_link_and_the_guide_handout_link_are_24_px_targets(site, phone):
    phone.goto(site.url + "/")
    for link in (
        phone.locator(".site-footer").get_by_role("link", name="When to call: get help now"),
        phone.get_by_role("link", name="Printable handout with every topic"),
    ):
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["height"] >= 24, f"{link} is {box['height']} px tall"


def test_a_word_its_explanation_and_the_source_links_are_24_px_targets(site, phone):
    phone.goto(site.url + "/topics/what-is-oms/")
    word = phone.locator("#what-the-name-means button.term", has_text="Opsoclonus")
    targets = {"the word": word}
    word.tap()
    tip = phone.locator("#tip-opsoclonus")
    targets["More in the word list"] = tip.get_by_role("link", name="More in the word list")
    targets["Close"] = tip.get_by_role("button", name="Close")
    for name, target in targets.items():
        expect(target).to_be_visible()
        box = target.bounding_box()
        assert box["height"] >= 24, f"{name} is {box['height']} px tall"
    tip.get_by_role("button", name="Close").tap()
    phone.goto(site.url + "/topics/symptoms/")
    entry = phone.locator("#cite-1")
    small = []
    for link in [phone.locator("sup.cite a").first, *entry.locator("a").all()]:
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        if box["height"] < 24 or box["width"] < 24:
            small.append((link.inner_text(), box))
    assert small == []

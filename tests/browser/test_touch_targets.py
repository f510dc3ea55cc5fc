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

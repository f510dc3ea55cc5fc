"""A family switches a topic page to Spanish on a 360 px phone, and back."""

import re

from playwright.sync_api import expect


def test_a_family_switches_a_topic_page_to_spanish_and_back_on_a_phone(site, phone):
    from condition.models import Page

    spanish_title = Page._base_manager.get(slug="symptoms", language="es", status=Page.Status.PUBLISHED).title
    phone.goto(site.url + "/topics/symptoms/")
    switcher = phone.get_by_role("navigation", name="Language")
    spanish = switcher.get_by_role("link", name="Español")
    expect(spanish).to_have_attribute("lang", "es")
    expect(spanish).to_have_attribute("hreflang", "es")
    # Fits the phone, and both links are 44 px touch targets.
    for link in (spanish, switcher.get_by_role("link", name="English")):
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    spanish.click()
    expect(phone).to_have_url(re.compile(r"/es/topics/symptoms/$"))
    expect(phone.locator("html")).to_have_attribute("lang", "es")
    expect(phone.get_by_role("heading", name="Puntos clave")).to_be_visible()
    expect(phone.get_by_role("link", name="Pedir ayuda ahora", exact=True)).to_be_visible()
    # The same topic, in its Spanish version (the default content's translation).
    expect(phone.get_by_role("heading", level=1)).to_have_text(spanish_title)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    # The choice is kept: the home page stays in Spanish.
    phone.goto(site.url + "/")
    expect(phone).to_have_url(re.compile(r"/es/$"))

    phone.goto(site.url + "/es/topics/symptoms/")
    phone.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    expect(phone).to_have_url(re.compile(r"/topics/symptoms/$"))
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("heading", name="Key points")).to_be_visible()
    phone.goto(site.url + "/")
    expect(phone).to_have_url(re.compile(r"127\.0\.0\.1:\d+/$"))

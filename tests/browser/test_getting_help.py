"""A parent on a phone: get help in one tap, read citations and words without losing their place, print the help sheet."""

import io
import re
import unicodedata

from playwright.sync_api import expect
from pypdf import PdfReader

from condition.models import CareAdvice, ClinicProfile


def set_numbers():
    ClinicProfile.objects.filter(pk=1).update(
        phone="020 7946 0000", after_hours_phone="020 7946 0999", emergency_phone="999"
    )


def test_get_help_now_is_one_tap_from_a_topic_and_lists_the_most_urgent_first(site, phone):
    set_numbers()
    phone.goto(site.url + "/topics/treatment/")
    phone.get_by_role("link", name="Get help now", exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Get help now")
    levels = phone.locator(".care-box").evaluate_all("boxes => boxes.map(b => b.className)")
    ranks = [next(i for i, word in enumerate(["emergency", "urgent", "soon"]) if f"care-{word}" in c) for c in levels]
    assert ranks == sorted(ranks) and ranks[0] == 0
    assert len(levels) == CareAdvice.objects.filter(placements__page__status="published").distinct().count()
    expect(phone.locator('.care-emergency a.call[href="tel:999"]').first).to_be_visible()
    expect(phone.locator('.care-urgent a.call[href="tel:02079460999"]').first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_citation_marker_leads_to_that_number_in_the_pages_own_list(site, phone):
    phone.goto(site.url + "/topics/treatment/")
    marker = phone.get_by_role("link", name="Source 2").first
    marker.click()
    expect(phone).to_have_url(re.compile(r"/topics/treatment/#cite-2$"))
    entries = phone.locator(".page-sources li")
    expect(phone.locator("#cite-2")).to_be_in_viewport()
    assert entries.nth(1).get_attribute("id") == "cite-2"


def test_words_to_know_stay_closed_until_opened_and_print_open(site, phone, desktop):
    phone.goto(site.url + "/topics/what-is-oms/")
    box = phone.locator("details.terms").first
    expect(box).not_to_have_attribute("open", "")
    definition = box.locator("dd").first
    expect(definition).to_be_hidden()
    box.locator("summary").click()
    expect(definition).to_be_visible()
    text = definition.inner_text()

    desktop.goto(site.url + "/topics/what-is-oms/")
    desktop.emulate_media(media="print")
    printed = re.sub(
        r"\s+", " ", "".join(p.extract_text() for p in PdfReader(io.BytesIO(desktop.pdf(format="A4"))).pages)
    )
    assert re.sub(r"\s+", " ", text)[:40] in printed


def test_the_help_page_prints_on_one_sheet_with_the_numbers_and_every_emergency_first(site, desktop):
    """One sheet of paper, both sides at most: the numbers and every emergency box on the front."""
    set_numbers()
    desktop.goto(site.url + "/help/")
    desktop.emulate_media(media="print")
    emergencies = CareAdvice.objects.live().filter(urgency=CareAdvice.Urgency.EMERGENCY)
    for paper in ["A4", "Letter"]:
        reader = PdfReader(io.BytesIO(desktop.pdf(format=paper, print_background=True)))
        assert len(reader.pages) <= 2, f"{paper}: {len(reader.pages)} pages"
        front = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", reader.pages[0].extract_text()))  # "ﬁ" -> "fi"
        assert "Get help now" in front and "999" in front
        for advice in emergencies:
            assert advice.title[:30] in front, (paper, advice.title)

import io
import re

from pypdf import PdfReader


def pdf_text(pdf_bytes):
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return reader, re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


def test_printing_a_topic_page_leaves_out_navigation_and_forms(site, desktop):
    desktop.goto(site.url + "/topics/symptoms/")
    desktop.emulate_media(media="print")
    _, text = pdf_text(desktop.pdf(format="A4", print_background=True))
    assert "Signs and symptoms" in text and "Key points" in text
    for absent in ["Word list", "Check your understanding", "Was this page helpful", "On this page", "Send", "Next:"]:
        assert absent not in text, absent
    assert "Not yet reviewed by a clinician" in text


def test_printing_the_handout_from_the_browser_matches_the_pdf(site, desktop, client):
    desktop.goto(site.url + "/topics/treatment/handout/?paper=letter")
    desktop.emulate_media(media="print")
    reader, text = pdf_text(desktop.pdf(prefer_css_page_size=True, print_background=True))
    assert round(float(reader.pages[0].mediabox.width)) == 612  # US Letter, from the handout's own CSS
    assert "Printed from the OMS family guide" in text and "1 / " in text  # on every sheet, with its number
    assert "Paper size" not in text and "Back to the website" not in text
    served = client.get("/topics/treatment/handout.pdf?paper=letter").content
    served_reader, served_text = pdf_text(served)
    assert round(float(served_reader.pages[0].mediabox.width)) == 612
    for expected in ["Treatment", "Key points", "Sources", "Words used in this handout", "Lancet Child Adolesc Health"]:
        assert expected in text and expected in served_text


def test_the_handout_qr_code_as_drawn_decodes_to_the_page_address(site, desktop):
    import zxingcpp
    from PIL import Image

    desktop.goto(site.url + "/topics/treatment/handout/")
    png = desktop.locator(".qr svg").screenshot(scale="device")
    image = Image.open(io.BytesIO(png)).convert("L")
    image = image.resize((image.width * 4, image.height * 4), Image.NEAREST)
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [site.url + "/topics/treatment/"]


def test_every_reading_page_prints_without_the_site_navigation(site, desktop):
    for path, heading in [("/", "Topics"), ("/glossary/", "Word list"), ("/sources/", "Sources")]:
        desktop.goto(site.url + path)
        desktop.emulate_media(media="print")
        _, text = pdf_text(desktop.pdf(format="A4"))
        assert heading in text, path
        assert "Skip to main content" not in text and "Check your understanding" not in text, path


def test_a_page_printed_with_a_word_explained_open_prints_the_text_and_no_explanation_over_it(site, phone):
    phone.goto(site.url + "/topics/what-is-oms/")
    phone.locator("#what-the-name-means button.term", has_text="Opsoclonus").tap()
    phone.locator("#tip-opsoclonus").wait_for()
    phone.emulate_media(media="print")
    assert phone.locator("#tip-opsoclonus").evaluate("tip => getComputedStyle(tip).display") == "none"
    _, text = pdf_text(phone.pdf(format="A4"))
    assert "What the name means" in text and "Opsoclonus" in text
    assert "More in the word list" not in text and "Close" not in text
    assert "Back to text" not in text and "Cited at" not in text
    # The words are still explained on paper: the "Words to know" boxes print open.
    assert "Words to know" in text and "Fast, jerky eye movements" in text


def test_the_printed_help_sheet_shows_the_emergency_call_black_and_markers_no_bigger_than_its_text(site, phone):
    for path in ("/help/", "/es/help/"):
        phone.goto(site.url + path)
        phone.emulate_media(media="print")
        emergency = phone.locator(".help-emergency a.call-emergency")
        style = emergency.evaluate(
            "e => { const s = getComputedStyle(e); return [s.color, s.fontWeight, s.borderTopWidth]; }"
        )
        assert style == ["rgb(0, 0, 0)", "700", "3px"], path  # printers drop the red background
        sizes = phone.evaluate(
            """() => [...document.querySelectorAll('.cite a')].map(a => [
                parseFloat(getComputedStyle(a).fontSize), parseFloat(getComputedStyle(a.closest('p, li, dd, td')).fontSize)])"""
        )
        assert sizes and all(marker <= text for marker, text in sizes), path
        phone.emulate_media(media="screen")

"""The questions for the care team on a 360 px phone: boxes a family types in, kept only in their browser, printed
on one sheet, with and without JavaScript, in English and Spanish, light and dark."""

import io
import re
import unicodedata

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

PHONE = {"viewport": {"width": 360, "height": 780}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def every_question_url(site, language="en", slug="treatment"):
    """The list with every question of the page ticked: the longest list that page can make."""
    from condition.models import Page

    page = Page.objects.live().get(slug=slug)
    if language != "en":
        page = Page.objects.live(language).get(translation_of=page)
    ids = "&".join(f"q={question.pk}" for question in page.suggested_questions.all())
    prefix = "" if language == "en" else f"/{language}"
    return f"{site.url}{prefix}/topics/{slug}/questions/?{ids}"


def printed_text(page, paper):
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
    text = unicodedata.normalize("NFKC", " ".join(sheet.extract_text() for sheet in reader.pages))  # ligatures
    return len(reader.pages), re.sub(r"\s+", " ", text)


def test_what_a_family_types_stays_in_their_browser_and_is_never_sent(site, browser):
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    sent = []
    context.on("request", lambda request: sent.append((request.method, request.url, request.post_data or "")))
    phone.goto(every_question_url(site))
    expect(phone.get_by_text("Only on this phone/computer; nothing is sent.")).to_be_visible()
    expect(phone.get_by_text("What you type is kept here until you clear it.")).to_be_visible()
    expect(phone.locator("[data-questions-not-kept]")).to_be_hidden()
    phone.get_by_label("Answer:").first.fill("Bloods every month, Dr Okafor")
    phone.get_by_label("My own question:").fill("Can she go back to nursery?")
    phone.reload()
    expect(phone.get_by_label("Answer:").first).to_have_value("Bloods every month, Dr Okafor")
    expect(phone.get_by_label("My own question:")).to_have_value("Can she go back to nursery?")
    # Nothing left the phone: every request was a plain GET, and none carries a typed word.
    assert sent and {method for method, _url, _body in sent} == {"GET"}, sent
    for _method, url, body in sent:
        for typed in ("Okafor", "nursery", "Bloods"):
            assert typed not in url and typed not in body, (url, typed)
    assert "Okafor" in phone.evaluate("JSON.stringify(window.localStorage)")

    # Another browser (the clinic's computer) has none of it: it was never on the server.
    other = browser.new_context(**PHONE).new_page()
    other.goto(every_question_url(site))
    expect(other.get_by_label("Answer:").first).to_have_value("")

    # Clearing asks first; cancelled, the words stay; accepted, they are gone after a reload too.
    phone.once("dialog", lambda dialog: dialog.dismiss())
    phone.get_by_role("button", name="Clear what I typed").tap()
    expect(phone.get_by_label("My own question:")).to_have_value("Can she go back to nursery?")
    phone.once("dialog", lambda dialog: dialog.accept())
    phone.get_by_role("button", name="Clear what I typed").tap()
    expect(phone.get_by_label("My own question:")).to_have_value("")
    phone.reload()
    expect(phone.get_by_label("Answer:").first).to_have_value("")
    assert "Okafor" not in phone.evaluate("JSON.stringify(window.localStorage)")
    context.close()


def test_the_print_button_opens_the_browsers_print(site, browser):
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.add_init_script("window.printed = 0; window.print = function () { window.printed += 1; };")
    phone.goto(every_question_url(site))
    phone.get_by_role("button", name="Print", exact=True).tap()
    assert phone.evaluate("window.printed") == 1
    context.close()


def test_without_javascript_the_boxes_take_typing_and_print_on_one_sheet(site, browser):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    phone = context.new_page()
    phone.goto(every_question_url(site))
    # No button that would do nothing: Print and Clear need JavaScript.
    expect(phone.get_by_role("button", name="Print", exact=True)).to_be_hidden()
    expect(phone.get_by_role("button", name="Clear what I typed")).to_be_hidden()
    expect(phone.get_by_text("Only on this phone/computer; nothing is sent.")).to_be_visible()
    expect(phone.get_by_text("What you type is lost when you leave this page, so print it first.")).to_be_visible()
    expect(phone.locator("[data-questions-kept]")).to_be_hidden()
    phone.get_by_label("Answer:").first.fill("Bloods every month")
    phone.emulate_media(media="print")
    sheets, text = printed_text(phone, "A4")
    assert sheets == 1
    assert "Bloods every month" in text
    context.close()


@pytest.mark.parametrize(
    ("language", "paper", "scheme", "words"),
    [
        ("en", "A4", "light", ("Answer:", "Appointment date", "My own question:")),
        ("en", "Letter", "dark", ("Answer:", "Appointment date", "My own question:")),
        ("es", "A4", "dark", ("Respuesta:", "Fecha de la cita", "Mi propia pregunta:")),
        ("es", "Letter", "light", ("Respuesta:", "Fecha de la cita", "Mi propia pregunta:")),
    ],
)
def test_every_question_ticked_and_typed_in_prints_on_one_sheet_black_on_white(
    site, browser, language, paper, scheme, words
):
    context = browser.new_context(color_scheme=scheme, **PHONE)
    phone = context.new_page()
    phone.goto(every_question_url(site, language))
    boxes = phone.locator("textarea")
    typed = [f"Note {n}: ask about the next blood test and the dose" for n in range(boxes.count())]
    for box, words_typed in zip(boxes.all(), typed, strict=True):
        box.fill(words_typed)
    phone.emulate_media(media="print")
    assert phone.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    assert phone.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    sheets, text = printed_text(phone, paper)
    assert sheets == 1, f"{language} on {paper} printed {sheets} sheets"
    for words_typed in typed:
        assert words_typed in text
    for word in words:
        assert word in text, word
    for question in phone.locator(".asked p.question").all_inner_texts():
        assert re.sub(r"\s+", " ", unicodedata.normalize("NFKC", question)).strip() in text
    context.close()

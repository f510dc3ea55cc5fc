"""A Spanish-reading family on a 360 px phone, and the staff who keep the Spanish page honest.

The family switches a topic page to Spanish, reads it, takes the quiz and prints the handout; staff
change the English page and approve it, so the Spanish page says it may be out of date and the admin
flags it; the translator updates it, a reviewer approves, and the notice is gone. axe and the Nu HTML
Checker pass on every Spanish page on the way, and every `lang` attribute is right.
"""

import io
import re
import shutil
import subprocess

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.omsportal.test_valid_html import vnu_errors

OUT_OF_DATE = "puede no tener los cambios que se hicieron a la página en inglés el"


@pytest.fixture
def spanish_phone(browser):
    """A 360 px phone that lets axe be injected (the site's CSP forbids inline scripts)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        bypass_csp=True,
        locale="es-ES",
    )
    yield context.new_page()
    context.close()


def staff_member(username, group):
    user = User.objects.create_user(username, f"{username}@clinic.example", "a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def check_spanish_page(page, checked):
    """The page is in Spanish, fits the phone, passes axe, and only English words are marked English."""
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.url
    assert axe_violations(page) == [], page.url
    # Inside a Spanish page, an element marked lang="en" is English: the switcher's "English" link,
    # a source's citation (sources are cited in their own language), or the English page's title in the
    # translation notice's link. Nothing is marked with a language the site does not offer.
    for lang, text, citation in page.evaluate(
        """() => [...document.body.querySelectorAll('[lang]')].map(
            e => [e.lang, e.textContent.trim(), !!e.closest('[id^="cite-"], .citation, .translation-notice a')])"""
    ):
        assert lang in {"en", "es"}, (page.url, lang, text)
        if lang == "en":
            assert citation or text == "English", (page.url, text)
    # The HTML as served (the DOM now holds axe's own script), for the Nu HTML Checker at the end.
    served = page.request.get(page.url)
    assert served.ok, page.url
    checked[page.url] = served.body()


def pdftotext(pdf_bytes, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: install Debian's poppler-utils")
    path = tmp_path / "handout.pdf"
    path.write_bytes(pdf_bytes)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def decoded_qr(page):
    import zxingcpp
    from PIL import Image

    image = Image.open(io.BytesIO(page.locator(".qr svg").screenshot(scale="device"))).convert("L")
    image = image.resize((image.width * 4, image.height * 4), Image.NEAREST)
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_a_spanish_family_reads_quizzes_and_prints_and_sees_an_honest_notice_until_the_translation_catches_up(
    site, browser, spanish_phone, tmp_path
):
    from condition import drafts
    from condition.models import Page

    phone = spanish_phone
    checked = {}
    english = Page.objects.live().get(slug="treatment")
    spanish = Page.objects.live("es").get(translation_of=english)

    # Switch to Spanish on a topic page.
    phone.goto(site.url + "/topics/treatment/")
    phone.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    expect(phone).to_have_url(re.compile(r"/es/topics/treatment/$"))

    # Every link in the header is a 44 px touch target on the phone, those behind Menu too.
    shown = phone.locator("header a:visible")
    expect(shown).to_have_count(4)  # the guide's name, English, Español, Pedir ayuda ahora
    phone.locator("header").get_by_text("Menú", exact=True).tap()
    expect(shown).to_have_count(8)
    for link in shown.all():
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, (link.text_content(), box)
    phone.locator("header").get_by_text("Menú", exact=True).tap()

    # Read it: the Spanish words, the picture with Spanish alt text, the care box, the honest notices.
    main = phone.locator("main")
    expect(phone.get_by_role("heading", level=1)).to_have_text(spanish.title)
    expect(phone.get_by_role("heading", name="Puntos clave")).to_be_visible()
    picture = main.locator("figure img").first
    expect(picture).to_be_visible()
    assert picture.get_attribute("alt") and picture.evaluate("img => img.naturalWidth > 0")
    expect(main.locator(".care-level").first).to_have_text("Urgente:")
    expect(main).to_contain_text("Fiebre durante el tratamiento")
    # One short notice, all in Spanish; its link says in Spanish that it leads to the English page.
    notices = main.get_by_role("note")
    expect(notices).to_have_count(1)
    expect(notices).to_contain_text("Un profesional de salud de")
    expect(notices).to_contain_text("todavía no revisó esta traducción")
    expect(main).not_to_contain_text(OUT_OF_DATE)
    expect(main.locator("#cite-1 [lang=en]")).to_contain_text("opsoclonus-myoclonus")
    # Its link leads to the English page (hreflang) and names it by its English title, marked English (lang).
    english_link = notices.get_by_role("link", name=f"Página en inglés: {english.title}")
    expect(english_link).to_have_attribute("hreflang", "en")
    expect(english_link).not_to_have_attribute("lang", "en")  # "Página en inglés" is Spanish
    expect(english_link.locator("[lang=en]")).to_have_text(english.title)
    expect(notices).not_to_contain_text("Read")
    # Short: three lines or so at 360 px, the page's title still high on the screen (two notices took 300 px).
    assert notices.bounding_box()["height"] <= 110, notices.bounding_box()
    assert phone.get_by_role("heading", level=1).bounding_box()["y"] <= 320
    check_spanish_page(phone, checked)

    # Tick a question for the care team: the list to take along is in Spanish too.
    question = spanish.suggested_questions.first().text
    main.get_by_label(question).check()
    main.get_by_role("button", name="Hacer mi lista").click()
    expect(phone).to_have_url(re.compile(r"/es/topics/treatment/questions/\?"))
    expect(phone.locator(".asked")).to_contain_text(question)
    check_spanish_page(phone, checked)

    # Take the quiz in Spanish, answering the first choice each time (some are wrong).
    phone.locator("header").get_by_text("Menú", exact=True).tap()
    phone.get_by_role("navigation", name="Principal").get_by_role("link", name="Compruebe lo que entendió").tap()
    expect(phone).to_have_url(re.compile(r"/es/quiz/"))
    expect(phone.get_by_text("Pregunta 1 de")).to_be_visible()
    check_spanish_page(phone, checked)
    names = phone.evaluate("() => [...new Set([...document.querySelectorAll('input[type=radio]')].map(i => i.name))]")
    for name in names:
        phone.locator(f"input[name='{name}']").first.check()
    phone.get_by_role("button", name="Ver mis resultados").click()
    expect(phone.get_by_role("heading", name="Sus resultados")).to_be_visible()
    expect(phone.locator(".score")).to_contain_text(f"de {len(names)}")
    # "(92 %)": the space before "%" never breaks, so "%" never starts a line of its own.
    assert re.search(r"\(\d+\u00a0%\)$", phone.locator(".score").text_content().strip())
    read_again = phone.locator(".read-again")
    expect(read_again.get_by_role("heading", name="Vuelva a leer esto")).to_be_visible()
    check_spanish_page(phone, checked)
    read_again.get_by_role("link").first.click()
    expect(phone).to_have_url(re.compile(r"/es/topics/[\w-]+/#[\w-]+$"))
    expect(phone.locator("html")).to_have_attribute("lang", "es")

    # Print the Spanish handout: the page, its QR code and the PDF all point to the Spanish page.
    phone.goto(site.url + "/es/topics/treatment/")
    phone.get_by_role("link", name="Hoja para imprimir").click()
    expect(phone).to_have_url(re.compile(r"/es/topics/treatment/handout/"))
    check_spanish_page(phone, checked)
    assert decoded_qr(phone) == [site.url + "/es/topics/treatment/"]
    pdf_url = phone.get_by_role("link", name="descargue el PDF").get_attribute("href")
    response = phone.request.get(site.url + pdf_url if pdf_url.startswith("/") else pdf_url)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    text = pdftotext(response.body(), tmp_path)
    for spanish_words in [spanish.title, "Puntos clave", "Llame a la clínica ahora, de día o de noche."]:
        assert spanish_words in text, spanish_words
    assert "Key points" not in text
    # The running line on every sheet and the date are Spanish too ("26 de noviembre de 2026").
    assert text.count("Impresa desde la guía del SOM para familias") == text.count("\f")
    assert "Printed" not in text and "Page 1 of" not in text
    assert re.search(r"Impresa el \d{1,2} de [a-z]+ de \d{4} desde", re.sub(r"\s+", " ", text))
    address = site.url.split("://", 1)[1] + "/es/topics/treatment/"
    assert address in re.sub(r"\s+", "", text)

    # Staff change the English page and a clinical reviewer approves it.
    eddie = staff_member("eddie", "Editors")
    tina = staff_member("tina", "Editors")
    rita = staff_member("rita", "Clinical reviewers")
    draft = drafts.start_draft(english, eddie)
    draft.summary = "Medicines and other care that treat OMS, how long treatment lasts, and what to expect."
    draft.save()
    drafts.submit(draft, eddie)
    drafts.approve(draft, rita)

    # The Spanish page says so honestly, with the date and a link to the English page.
    phone.goto(site.url + "/es/topics/treatment/")
    notice = main.get_by_role("note")
    expect(notice).to_have_count(1)  # not reviewed and out of date: still one notice
    expect(notice).to_contain_text(OUT_OF_DATE)
    expect(notice.get_by_role("link", name="Página en inglés")).to_have_attribute("href", "/topics/treatment/")
    expect(phone.get_by_role("heading", level=1)).to_have_text(spanish.title)
    check_spanish_page(phone, checked)
    checked["out of date"] = checked.pop(phone.url)

    # The admin flags the translation as needing an update.
    admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    admin.goto(site.url + "/admin/")
    admin.get_by_label("Username").fill("tina")
    admin.get_by_label("Password").fill("a-long-test-password")
    admin.get_by_role("button", name="Log in").click()
    admin.goto(site.url + "/admin/condition/page/?language=needs-update")
    expect(admin.locator("#result_list")).to_contain_text("Español (needs update)")
    expect(admin.locator("#result_list tbody tr")).to_have_count(1)

    # The translator updates the Spanish page and a reviewer approves it: the notice is gone.
    draft = drafts.start_draft(spanish, tina)
    draft.summary = "Los medicamentos y otros cuidados para tratar el SOM, cuánto dura el tratamiento y qué esperar."
    draft.save()
    drafts.submit(draft, tina)
    drafts.approve(draft, rita)

    phone.goto(site.url + "/es/topics/treatment/")
    expect(main).to_contain_text("cuánto dura el tratamiento")
    expect(main).not_to_contain_text(OUT_OF_DATE)
    check_spanish_page(phone, checked)
    admin.goto(site.url + "/admin/condition/page/?language=needs-update")
    expect(admin.locator("#result_list")).to_have_count(0)
    admin.context.close()

    (tmp_path / "vnu").mkdir()
    assert vnu_errors(checked, tmp_path / "vnu") == {}

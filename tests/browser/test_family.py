"""What families expect of a health site, on a 360 px phone in Chromium."""

import io
import re
import unicodedata

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import axe_violations


def test_a_family_searches_from_the_header_for_another_name_and_a_misspelling(site, phone):
    phone.goto(site.url + "/topics/treatment/")
    box = phone.get_by_role("searchbox", name="Search this guide")
    box.fill("dancing eyes")
    phone.get_by_role("button", name="Search", exact=True).tap()
    expect(phone).to_have_url(re.compile(r"/search/\?q=dancing\+eyes$"))
    results = phone.locator(".search-results")
    expect(results.get_by_role("link", name="What the name means")).to_be_visible()
    expect(results.locator("mark").first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    results.get_by_role("link", name="What the name means").tap()
    expect(phone).to_have_url(re.compile(r"/topics/what-is-oms/#what-the-name-means$"))

    # A misspelling that no list holds: matched to the nearest indexed word.
    phone.get_by_role("searchbox", name="Search this guide").fill("neuroblastomma")
    phone.get_by_role("searchbox", name="Search this guide").press("Enter")
    expect(phone.get_by_text("Also searched for: neuroblastoma")).to_be_visible()
    expect(phone.locator(".search-results mark", has_text=re.compile("neuroblastoma", re.I)).first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_family_searching_a_spanish_word_in_english_is_led_to_the_spanish_results(site, phone):
    phone.goto(site.url + "/")
    box = phone.get_by_role("searchbox", name="Search this guide")
    box.fill("vacuna")
    box.press("Enter")
    expect(phone.get_by_text("Nothing found for “vacuna”.")).to_be_visible()
    link = phone.locator(".search-elsewhere a")
    expect(phone.locator(".search-elsewhere")).to_contain_text("Found in Spanish pages:")
    assert (link.get_attribute("lang"), link.get_attribute("hreflang")) == ("es", "es")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    link.tap()
    expect(phone).to_have_url(re.compile(r"/es/search/\?q=vacuna$"))
    expect(phone.locator(".search-results").get_by_text("Vacunas e infecciones").first).to_be_visible()

    # In Spanish, without the accent and in another form of the word.
    box = phone.locator("#site-search-q")
    box.fill("vacunacion")
    box.press("Enter")
    expect(phone.locator(".search-results mark").first).to_be_visible()
    expect(phone.locator(".search-results").get_by_text("Vacunas e infecciones").first).to_be_visible()


def test_yes_tapped_once_is_counted_once_in_the_admin(site, phone, browser):
    from django.contrib.auth.models import User

    from condition.models import PageFeedback

    phone.goto(site.url + "/topics/symptoms/")
    phone.get_by_role("button", name=re.compile(r"^Yes\b")).tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you, your answer is saved")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert [(f.page.slug, f.helpful, f.comment) for f in PageFeedback.objects.all()] == [("symptoms", True, "")]

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.accounts.test_second_factor import app_secret, totp

    user = User.objects.create_superuser("admin", "admin@clinic.example", "a-long-admin-password")
    app = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    staff = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    admin = staff.new_page()
    admin.goto(site.url + "/admin/login/?next=/admin/condition/page/")
    admin.get_by_label("Username").fill("admin")
    admin.get_by_label("Password").fill("a-long-admin-password")
    admin.get_by_role("button", name="Log in").tap()
    admin.get_by_label("Code").fill(totp(app_secret(app)))
    admin.get_by_role("button", name="Sign in").tap()
    row = admin.locator("tr", has=admin.get_by_role("link", name="Signs and symptoms", exact=True))
    expect(row).to_contain_text("1 yes / 0 no")
    staff.close()


def test_a_family_ticks_questions_and_prints_the_list(site, phone):
    phone.goto(site.url + "/topics/treatment/")
    phone.get_by_label("How will we know the treatment is working?").check()
    phone.get_by_label("What side effects should we watch for?").check()
    phone.get_by_role("button", name="Make my list").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Questions for your care team")
    expect(phone.locator(".asked .question")).to_have_count(3)  # two ticked, one to write in
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    # The answer boxes take typing, and what was typed is still there when the family comes back.
    phone.get_by_label("Answer:").first.fill("Blood tests every month")
    phone.get_by_label("My own question:").fill("Can she go to nursery?")
    phone.reload()
    expect(phone.get_by_label("Answer:").first).to_have_value("Blood tests every month")
    expect(phone.get_by_label("My own question:")).to_have_value("Can she go to nursery?")
    expect(phone.get_by_role("button", name="Print", exact=True)).to_be_visible()
    phone.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(phone.pdf(format="A4")))
    assert len(reader.pages) == 1  # the footer does not spill onto a second sheet
    text = unicodedata.normalize("NFKC", " ".join(page.extract_text() for page in reader.pages))  # ligatures
    text = re.sub(r"\s+", " ", text)
    assert "How will we know the treatment is working?" in text
    assert "What side effects should we watch for?" in text
    assert "Which medicines will my child take" not in text
    assert "Answer:" in text and "Appointment date" in text
    assert "Blood tests every month" in text and "Can she go to nursery?" in text
    for absent in ["Search", "Change the questions", "Check your understanding", "Print"]:
        assert absent not in text, absent


def test_the_ticked_list_and_the_comment_step_pass_axe(site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    page = context.new_page()
    page.goto(site.url + "/topics/outlook/")
    page.get_by_label("What should we do if the signs come back?").check()
    page.get_by_role("button", name="Make my list").click()
    assert axe_violations(page) == []
    page.goto(site.url + "/topics/outlook/")
    page.get_by_role("button", name=re.compile(r"^No\b")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your answer is saved")
    assert axe_violations(page) == []
    context.close()


def test_dark_mode_follows_the_device_passes_axe_and_prints_black_on_white(site, browser, tmp_path):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, color_scheme="dark", bypass_csp=True, device_scale_factor=2
    )
    page = context.new_page()
    found = {}
    for path in [
        "/",
        "/topics/symptoms/",
        "/search/?q=dancing+eyes",
        "/quiz/oms-basics/",
        "/glossary/",
        "/sources/",
        "/topics/treatment/questions/",
        "/topics/symptoms/feedback/?helpful=yes",
    ]:
        page.goto(site.url + path)
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(18, 20, 23)"
        page.screenshot(path=str(tmp_path / f"dark{path.replace('/', '_')}.png"), full_page=True)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}
    page.goto(site.url + "/topics/symptoms/")
    page.emulate_media(media="print")
    colours = page.evaluate(
        "[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor,"
        " getComputedStyle(document.querySelector('.care-box h2')).color]"
    )
    assert colours[:2] == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    assert colours[2] != "rgb(255, 180, 171)"  # the dark theme's pink stays on screen
    context.close()

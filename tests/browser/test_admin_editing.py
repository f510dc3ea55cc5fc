"""Staff editing content in the admin at 1280 x 800: previews, unsaved edits, the way back, pictures."""

import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from condition import drafts
from condition.models import Page, SectionImage


def test_editor_previews_a_draft_that_families_cannot_see(site, desktop):
    Page.objects.filter(translation_of=None, slug="outlook").update(status=Page.Status.DRAFT)
    user = User.objects.create_user("eddie", "e@clinic.example", "a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    desktop.goto(site.url + "/admin/login/")
    desktop.get_by_label("Username").fill("eddie")
    desktop.get_by_label("Password").fill("a-long-test-password")
    desktop.get_by_role("button", name="Log in").click()
    pk = Page.objects.get(translation_of=None, slug="outlook").pk
    desktop.goto(f"{site.url}/admin/condition/page/{pk}/preview/")
    expect(desktop.locator(".preview-banner")).to_contain_text("Status: Draft")
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Outlook and long-term care")
    response = desktop.request.get(site.url + "/topics/outlook/")
    assert response.status == 404


@pytest.fixture
def nurse(site, browser):
    """An Editor signed in at 1280 x 800, with the portal's own Content-Security-Policy (not bypassed)."""
    user = User.objects.create_user("eddie", "e@clinic.example", "a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.refused = []
    page.on("console", lambda message: "Content Security Policy" in message.text and page.refused.append(message.text))
    page.goto(site.url + "/admin/login/")
    page.get_by_label("Username").fill("eddie")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.user = user
    yield page
    context.close()


def dialogs_answered(page, accept):
    """Answer every dialog (accept or dismiss); returns the list of their messages."""
    seen = []

    def answer(dialog):
        seen.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.on("dialog", answer)
    return seen


def test_leaving_a_section_with_unsaved_words_asks_first_and_staying_keeps_them(site, nurse):
    draft = drafts.start_draft(Page.objects.get(translation_of=None, slug="symptoms"), nurse.user)
    section = draft.sections.order_by("order").first()
    nurse.goto(f"{site.url}/admin/condition/section/{section.pk}/change/")
    back = nurse.get_by_role("link", name=f"Back to the page draft “{draft.title}”")
    expect(back).to_be_visible()

    # Nothing typed: the way back just goes.
    back.click()
    expect(nurse).to_have_url(f"{site.url}/admin/condition/page/{draft.pk}/change/")
    nurse.go_back()

    body = nurse.locator("textarea[name='body']")
    body.fill(body.input_value() + " Some children sleep badly.")
    asked = dialogs_answered(nurse, accept=False)
    nurse.locator(".breadcrumbs").get_by_role("link", name=draft.title).click()
    expect(nurse).to_have_url(f"{site.url}/admin/condition/section/{section.pk}/change/")
    assert len(asked) == 1 and "not saved" in asked[0]
    expect(body).to_have_value(section.body + " Some children sleep badly.")
    # Closing the tab or typing an address: the browser's own question (beforeunload).
    assert nurse.evaluate(
        "() => { const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented; }"
    )

    asked.clear()
    nurse.get_by_role("button", name="Save", exact=True).click()
    expect(nurse).to_have_url(f"{site.url}/admin/condition/page/{draft.pk}/change/")  # saved, back on the page
    expect(nurse.locator(".messagelist")).to_contain_text("was changed successfully")
    assert asked == []
    section.refresh_from_db()
    assert section.body.endswith("Some children sleep badly.")
    assert nurse.refused == []


def test_a_page_drafts_section_change_link_warns_before_dropping_typed_words_and_goes_when_confirmed(site, nurse):
    draft = drafts.start_draft(Page.objects.get(translation_of=None, slug="symptoms"), nurse.user)
    nurse.goto(f"{site.url}/admin/condition/page/{draft.pk}/change/")
    summary = nurse.locator("textarea[name='summary']")
    summary.fill("A shorter summary.")
    summary.fill(draft.summary)  # typed and put back: nothing to lose
    asked = dialogs_answered(nurse, accept=True)
    change = nurse.locator("#sections-0 a.inlinechangelink")
    change.click()
    expect(nurse).to_have_url(
        f"{site.url}/admin/condition/section/{draft.sections.order_by('order', 'pk').first().pk}/change/"
    )
    assert asked == []

    nurse.go_back()
    summary.fill("A shorter summary.")
    nurse.locator("#sections-0 a.inlinechangelink").click()
    expect(nurse.locator("textarea[name='body']")).to_be_visible()
    assert len(asked) == 1 and "not saved" in asked[0]
    draft.refresh_from_db()
    assert draft.summary != "A shorter summary."  # confirmed: left without saving
    assert nurse.refused == []


def picture_file(name="timeline.png"):
    from tests.condition.test_images import picture_bytes

    return {"name": name, "mimeType": "image/png", "buffer": picture_bytes("PNG", (600, 400))}


def test_a_nurse_adds_a_picture_in_the_row_ready_sees_it_first_and_is_asked_again_after_a_missing_alt_text(site, nurse):
    draft = drafts.start_draft(Page.objects.get(translation_of=None, slug="symptoms"), nurse.user)
    section = draft.sections.order_by("order").first()
    nurse.goto(f"{site.url}/admin/condition/section/{section.pk}/change/")
    field = nurse.locator("#images-0").get_by_label("Picture:", exact=True)
    expect(field).to_be_visible()  # no "Add another Picture" to press first
    field.set_input_files(picture_file())
    preview = nurse.locator("#images-0 .picture-preview")
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("not saved yet")
    assert preview.locator("img").get_attribute("src").startswith("data:image/png;base64,")
    assert preview.locator("img").evaluate("img => img.naturalWidth") == 600  # shown under the portal's CSP

    nurse.get_by_role("button", name="Save and continue editing").click()
    summary = nurse.locator(".error-summary")
    expect(summary).to_contain_text("Picture 1 › Alt text: This field is required.")
    alt = nurse.locator("#id_images-0-alt")
    expect(alt).to_have_accessible_description(re.compile("This field is required"))
    expect(nurse.locator("#images-0 .picture-again")).to_contain_text("Choose the picture again: “timeline.png”")
    summary.get_by_role("link").click()
    expect(alt).to_be_focused()
    assert not SectionImage.objects.filter(section=section).exists()

    alt.fill("A timeline: tests first, then treatment")
    nurse.locator("#images-0").get_by_label("Picture:", exact=True).set_input_files(picture_file())
    expect(nurse.locator("#images-0 .picture-again")).to_be_hidden()
    nurse.get_by_role("button", name="Save and continue editing").click()
    expect(nurse.locator(".messagelist")).to_contain_text("was changed successfully")
    stored = nurse.locator("#images-0 img.picture-stored")
    expect(stored).to_have_attribute("alt", "A timeline: tests first, then treatment")
    assert stored.evaluate("img => img.naturalWidth") == 480
    assert SectionImage.objects.get(section=section).renditions
    assert nurse.refused == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_choose_file_button_is_whole_beside_a_stored_picture(site, browser, width):
    from tests.condition.test_images import add_image

    user = User.objects.create_user("eddie", "e@clinic.example", "a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    draft = drafts.start_draft(Page.objects.get(translation_of=None, slug="symptoms"), user)
    section = draft.sections.order_by("order").first()
    add_image(section, alt="A timeline of care")
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{site.url}/admin/condition/section/{section.pk}/change/")
    page.get_by_label("Username").fill("eddie")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    for row in ("#images-0", "#images-1"):  # the stored picture's row and the empty one
        field = page.locator(f"{row} input[type=file]")
        box, cell = field.bounding_box(), page.locator(f"{row} .form-row.field-image").bounding_box()
        assert box["width"] >= 200, f"the file field is squeezed to {box['width']} px"
        assert cell["x"] <= box["x"] and box["x"] + box["width"] <= cell["x"] + cell["width"], (box, cell)
        hidden = field.evaluate(
            """input => { for (let e = input.parentElement; e; e = e.parentElement) {
                const r = e.getBoundingClientRect(), i = input.getBoundingClientRect();
                if (getComputedStyle(e).overflow !== 'visible' && (i.right > r.right + 1 || i.left < r.left - 1)) return e.className;
            } return null; }"""
        )
        assert hidden is None, f"the file field is cut off by .{hidden}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_the_review_screen_shows_a_new_picture_itself_and_no_bookkeeping_fields(site, nurse):
    from tests.condition.test_images import add_image

    draft = drafts.start_draft(Page.objects.get(translation_of=None, slug="symptoms"), nurse.user)
    add_image(draft.sections.order_by("order").first(), alt="A timeline of care")
    nurse.goto(f"{site.url}/admin/condition/page/{draft.pk}/review/")
    picture = nurse.locator("table.review-added").filter(has_text="Picture: A timeline of care")
    thumbnail = picture.get_by_role("img", name="A timeline of care")
    expect(thumbnail).to_be_visible()
    assert thumbnail.evaluate("img => img.naturalWidth") == 480  # the stored copy, loaded
    box = thumbnail.bounding_box()
    assert box["width"] <= 240 and box["height"] <= 180
    expect(picture).to_contain_text("1200 × 800 pixels")
    text = nurse.locator("#content-main").inner_text()
    assert "full.png" not in text and "fallback" not in text and "Renditions" not in text
    fields = nurse.locator(".review-diff th[scope=row]").all_inner_texts()
    assert not {"Language", "Translation of", "Made from"} & {label.split(" changed")[0].strip() for label in fields}
    assert nurse.refused == []

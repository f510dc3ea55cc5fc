"""The page form's "Version and review" panel in a real browser: no edit lost on Submit."""

from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from condition import drafts
from condition.models import Page


def test_submit_for_review_waits_until_changes_typed_into_the_form_are_saved(site, desktop):
    editor = User.objects.create_user("eddie", "eddie@clinic.example", "a-long-test-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    draft = drafts.start_draft(Page.objects.get(translation_of=None, slug="symptoms"), editor)
    desktop.goto(site.url + f"/admin/condition/page/{draft.pk}/change/")
    desktop.get_by_label("Username").fill("eddie")
    desktop.get_by_label("Password").fill("a-long-test-password")
    desktop.get_by_role("button", name="Log in").click()

    submit = desktop.get_by_role("button", name="Submit for review")
    expect(submit).to_be_enabled()
    expect(desktop.locator("#save-first")).to_be_hidden()
    body = desktop.locator("textarea[name='sections-0-body']")
    body.fill(body.input_value() + " Some children sleep badly.")
    expect(submit).to_be_disabled()
    expect(desktop.locator("#save-first")).to_be_visible()
    expect(desktop.locator("#save-first")).to_contain_text("not saved")

    desktop.get_by_role("button", name="Save and continue editing").click()
    expect(desktop.locator(".messagelist")).to_contain_text("was changed successfully")
    desktop.get_by_role("button", name="Submit for review").click()
    expect(desktop.locator(".messagelist")).to_contain_text("Submitted")
    draft.refresh_from_db()
    assert draft.status == Page.Status.REVIEW
    assert "Some children sleep badly." in " ".join(draft.sections.values_list("body", flat=True))


def test_an_editors_home_lists_a_sent_back_draft_with_the_note_on_readable_lines(site, desktop):
    editor = User.objects.create_user("eddie", "eddie@clinic.example", "a-long-test-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = User.objects.create_user("rita", "rita@clinic.example", "a-long-test-password", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
    draft = drafts.start_draft(Page.objects.get(translation_of=None, slug="symptoms"), editor)
    drafts.submit(draft, editor)
    drafts.send_back(
        draft, reviewer, "Please say 'sleep badly' and keep it to one short sentence, as families read it."
    )
    desktop.goto(site.url + "/admin/")
    desktop.get_by_label("Username").fill("eddie")
    desktop.get_by_label("Password").fill("a-long-test-password")
    desktop.get_by_role("button", name="Log in").click()

    row = desktop.locator("#your-drafts tr").filter(has_text="Signs and symptoms")
    expect(row).to_contain_text("Sent back: Please say 'sleep badly'")
    # Each cell keeps its words whole: "Page" once broke into "Pag" and "e".
    kind = row.locator("td").first
    expect(kind).to_have_text("Page")
    lines = kind.evaluate(
        "cell => { const range = document.createRange(); range.selectNodeContents(cell); return range.getClientRects().length; }"
    )
    assert lines == 1


def test_an_editor_puts_back_a_taken_down_page_and_the_review_shows_only_what_changed_and_who_may_approve(
    site, desktop
):
    editor = User.objects.create_user(
        "eddie", "eddie@clinic.example", "a-long-test-password", is_staff=True, first_name="Eddie", last_name="Editor"
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = User.objects.create_user("rita", "rita@clinic.example", "a-long-test-password", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
    page = Page.objects.get(translation_of=None, slug="outlook")
    spanish = page.translations.get(language="es")
    drafts.take_down(page, reviewer, "Wrong advice in both languages.")
    desktop.goto(site.url + f"/admin/condition/page/{page.pk}/change/")
    desktop.get_by_label("Username").fill("eddie")
    desktop.get_by_label("Password").fill("a-long-test-password")
    desktop.get_by_role("button", name="Log in").click()

    panel = desktop.locator("#workflow")
    expect(panel).to_contain_text("Taken down with it:")
    panel.get_by_role("button", name="Put back the taken-down version").click()
    expect(desktop.locator(".messagelist")).to_contain_text("now holds the version taken down on")
    expect(desktop.locator(".messagelist")).to_contain_text("Español translation, taken down with it")
    expect(panel).to_contain_text("Who may approve: any clinical reviewer other than Eddie Editor, who started")

    panel.get_by_role("link", name="See what changed").click()
    review = desktop.locator("#content-main")
    expect(review).to_contain_text("only what changed since shows")
    expect(review).not_to_contain_text("nothing of it is live yet")
    expect(review.locator(".review-row.review-changed")).to_have_count(0)
    expect(review.locator("table.review-diff").first.locator("tr.changed")).to_have_count(0)
    expect(review).to_contain_text("Who may approve: any clinical reviewer other than Eddie Editor")
    spanish.refresh_from_db()
    page.refresh_from_db()
    assert not page.is_live and not spanish.is_live and spanish.edited_by == editor

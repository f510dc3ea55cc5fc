"""The whole sign-off loop in a real browser: families read only what a clinical reviewer approved."""

import pytest
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.accounts.test_second_factor import app_secret, totp


@pytest.fixture
def staff(site, browser):
    """An Editor's and a Clinical reviewer's browsers, each signed in."""
    eddie = User.objects.create_user("eddie", "eddie@clinic.example", "a-long-test-password", is_staff=True)
    eddie.groups.add(Group.objects.get(name="Editors"))
    rita = User.objects.create_user(
        "rita", "rita@clinic.example", "a-long-test-password", is_staff=True, first_name="Rita"
    )
    rita.groups.add(Group.objects.get(name="Clinical reviewers"))
    app = TOTPDevice.objects.create(user=rita, name="Phone", confirmed=True)
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(2)]
    editor, reviewer = (context.new_page() for context in contexts)
    for page, name in ((editor, "eddie"), (reviewer, "rita")):
        page.goto(site.url + "/admin/")
        page.get_by_label("Username").fill(name)
        page.get_by_label("Password").fill("a-long-test-password")
        page.get_by_role("button", name="Log in").click()
    reviewer.get_by_label("Code").fill(totp(app_secret(app)))
    reviewer.get_by_role("button", name="Sign in").click()
    yield editor, reviewer
    for context in contexts:
        context.close()


def start_draft(editor, site, admin_path, link_name):
    editor.goto(site.url + admin_path)
    editor.get_by_role("link", name=link_name, exact=True).first.click()
    editor.get_by_role("button", name="Start a draft of this").click()
    expect(editor.locator(".messagelist")).to_contain_text("This is your draft")


def save_and_submit(editor):
    editor.get_by_role("button", name="Save and continue editing").click()
    expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator(".messagelist")).to_contain_text("Submitted")


def open_review(reviewer, site, name):
    reviewer.goto(site.url + "/admin/")
    waiting = reviewer.locator("#waiting-for-review")
    expect(waiting).to_contain_text(name)
    waiting.get_by_role("link", name=name).first.click()


def test_a_page_change_goes_live_only_after_a_reviewer_sends_it_back_and_then_approves_it(site, staff):
    editor, reviewer = staff
    families = editor.context.browser.new_context().new_page()
    start_draft(editor, site, "/admin/condition/page/", "Signs and symptoms")
    body = editor.locator("textarea[name='sections-0-body']")
    body.fill("OMS usually starts **very suddenly**, over a few days. Call 555 0100. [cite:nord]")
    save_and_submit(editor)

    families.goto(site.url + "/topics/symptoms/")
    expect(families.locator("#how-oms-starts")).not_to_contain_text("over a few days")

    open_review(reviewer, site, "Signs and symptoms")
    expect(reviewer.locator(".review-row ins").first).to_be_visible()
    expect(reviewer.locator(".review")).to_contain_text("over a few days")
    reviewer.get_by_label("What needs to change").fill("Do not type phone numbers into the text.")
    reviewer.get_by_role("button", name="Send back to the editor").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("Sent back")

    editor.reload()
    expect(editor.locator(".workflow-note")).to_contain_text("Do not type phone numbers")
    editor.locator("textarea[name='sections-0-body']").fill(
        "OMS usually starts **very suddenly**, over a few days. [cite:nord]"
    )
    save_and_submit(editor)

    open_review(reviewer, site, "Signs and symptoms")
    reviewer.get_by_role("button", name="Approve: put it live now").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("Approved")

    families.goto(site.url + "/topics/symptoms/")
    # What a family sees: a word's explanation stays hidden in the text until it is tapped.
    expect(families.locator("#how-oms-starts")).to_contain_text(
        "OMS usually starts very suddenly, over a few days.", use_inner_text=True
    )
    expect(families.locator("#how-oms-starts p > strong")).to_have_text("very suddenly")  # not a word's explanation


def test_a_glossary_term_and_a_quiz_question_change_only_when_approved(site, staff):
    editor, reviewer = staff
    families = editor.context.browser.new_context().new_page()

    start_draft(
        editor, site, "/admin/condition/glossaryterm/?language=en", "ataxia"
    )  # the Spanish term is "ataxia" too
    editor.get_by_label("Definition").fill("Wobbly, unsteady walking and sitting.")
    save_and_submit(editor)
    families.goto(site.url + "/glossary/")
    expect(families.locator("#term-ataxia")).not_to_contain_text("Wobbly")
    open_review(reviewer, site, "ataxia")
    expect(reviewer.locator(".review-diff ins").first).to_contain_text("Wobbly")
    reviewer.get_by_role("button", name="Approve: put it live now").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("Approved")  # the approval has been answered
    families.goto(site.url + "/glossary/")
    expect(families.locator("dd").filter(has_text="Wobbly")).to_have_count(1)

    from quizzes.models import Quiz

    quiz = Quiz.objects.get(translation_of=None)
    start_draft(editor, site, "/admin/quizzes/quiz/", quiz.title)
    editor.locator("#questions-group a.inlinechangelink").first.click()
    editor.get_by_label("Prompt").fill("What should you do first when a child on treatment has a fever?")
    editor.get_by_role("button", name="Save", exact=True).click()
    editor.goto(site.url + f"/admin/quizzes/quiz/{quiz.drafts.get().pk}/change/")
    editor.get_by_role("button", name="Submit for review").click()
    families.goto(site.url + quiz.get_absolute_url())
    expect(families.locator("main")).not_to_contain_text("What should you do first when a child on treatment")
    open_review(reviewer, site, quiz.title)
    reviewer.get_by_role("button", name="Approve: put it live now").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("Approved")
    families.goto(site.url + quiz.get_absolute_url())
    expect(families.locator("main")).to_contain_text("What should you do first when a child on treatment has a fever?")

from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.accounts.test_second_factor import app_secret, totp


def test_reviewer_edits_a_section_in_the_admin_and_families_see_it_at_once(site, desktop):
    user = User.objects.create_user(
        "rita", "rita@clinic.example", "a-long-test-password", is_staff=True, first_name="Rita"
    )
    user.groups.add(Group.objects.get(name="Clinical reviewers"))
    app = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)

    page = desktop
    page.goto(site.url + "/admin/")
    page.get_by_label("Username").fill("rita")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Code").fill(totp(app_secret(app)))
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#reviews-due")).to_contain_text("Signs and symptoms")

    page.get_by_role("link", name="Pages").first.click()
    page.get_by_role("link", name="Signs and symptoms").click()
    body = page.locator("textarea[name='sections-0-body']")
    body.fill("OMS usually starts **very suddenly**, over days. [cite:nord]")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(site.url + "/topics/symptoms/")
    expect(page.locator("#how-oms-starts")).to_contain_text("OMS usually starts very suddenly, over days.")
    expect(page.locator("#how-oms-starts strong")).to_have_text("very suddenly")


def test_editor_previews_a_draft_that_families_cannot_see(site, desktop):
    from condition.models import Page

    Page.objects.filter(slug="outlook").update(status=Page.Status.DRAFT)
    user = User.objects.create_user("eddie", "e@clinic.example", "a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    desktop.goto(site.url + "/admin/login/")
    desktop.get_by_label("Username").fill("eddie")
    desktop.get_by_label("Password").fill("a-long-test-password")
    desktop.get_by_role("button", name="Log in").click()
    pk = Page.objects.get(slug="outlook").pk
    desktop.goto(f"{site.url}/admin/condition/page/{pk}/preview/")
    expect(desktop.locator(".preview-banner")).to_contain_text("Status: Draft")
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Outlook and long-term care")
    response = desktop.request.get(site.url + "/topics/outlook/")
    assert response.status == 404

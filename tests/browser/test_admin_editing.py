from django.contrib.auth.models import Group, User
from playwright.sync_api import expect


def test_editor_previews_a_draft_that_families_cannot_see(site, desktop):
    from condition.models import Page

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

"""axe-core on the admin screens staff use most, at 1280 px: nothing from the portal's own markup or CSS."""

import pytest
from django.contrib.auth.models import Group, User

from condition.models import Page
from tests.accounts.test_second_factor import app_secret, totp
from tests.browser.conftest import axe_violations


@pytest.fixture
def reviewer_page(site, browser):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from quizzes.models import Attempt, Quiz, attempt_submit

    user = User.objects.create_user("rita", "rita@clinic.example", "a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Clinical reviewers"))
    app = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    # Wrong answers, so the home page's "most missed questions" table has rows, and
    # long section headings, which once squeezed the questions to a letter per line.
    quiz = Quiz.objects.live().get()
    for question in quiz.questions.select_related("section"):
        question.section.heading = (
            "What the doctors look for in the first weeks in hospital, " + question.section.heading
        )
        question.section.save()
    for _ in range(3):
        answers = [(q, q.choices.filter(is_correct=False).first()) for q in quiz.questions.prefetch_related("choices")]
        attempt_submit(quiz=quiz, answers=answers)
    assert Attempt.objects.count() == 3
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(site.url + "/admin/login/")
    page.get_by_label("Username").fill("rita")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    assert axe_violations(page) == []  # the sign-in code step
    page.get_by_label("Code").fill(totp(app_secret(app)))
    page.get_by_role("button", name="Sign in").click()
    yield page
    context.close()


def admin_paths():
    page = Page.objects.get(translation_of=None, slug="symptoms")
    return {
        "home": "/admin/",
        "page list": "/admin/condition/page/",
        "page form": f"/admin/condition/page/{page.pk}/change/",
    }


def test_axe_finds_nothing_from_the_portal_on_the_admin_home_page_list_and_page_form(site, reviewer_page):
    found = {}
    for name, path in admin_paths().items():
        reviewer_page.goto(site.url + path)
        violations = axe_violations(reviewer_page)
        if violations:
            found[name] = violations
    assert found == {}


def test_the_admin_home_and_page_list_fit_a_1280_px_screen(site, reviewer_page):
    reviewer_page.goto(site.url + "/admin/")
    widths = reviewer_page.eval_on_selector_all("#missed-questions th", "cells => cells.map(c => c.offsetWidth)")
    assert widths and min(widths) >= 150, f"question cells squeezed: {widths}"
    heights = reviewer_page.eval_on_selector_all("#missed-questions tr", "rows => rows.map(r => r.offsetHeight)")
    assert max(heights) < 120, f"a row wraps into a column of letters: {heights}"
    assert reviewer_page.evaluate("document.documentElement.scrollWidth") <= 1280

    reviewer_page.goto(site.url + "/admin/condition/page/")
    assert reviewer_page.evaluate("document.documentElement.scrollWidth") <= 1280
    table = reviewer_page.evaluate("document.querySelector('#result_list').getBoundingClientRect().right")
    space = reviewer_page.evaluate("document.querySelector('#changelist-filter').getBoundingClientRect().left")
    assert table <= space, f"the page list runs under the filters ({table} > {space})"


def test_axe_finds_nothing_on_the_review_page_and_the_open_take_down_box_light_and_dark(site, reviewer_page):
    from condition import drafts

    editor = User.objects.create_user("eddie", "eddie@clinic.example", "a-long-test-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    page = Page.objects.get(translation_of=None, slug="symptoms")
    draft = drafts.start_draft(page, editor)
    section = draft.sections.exclude(body="").first()
    section.body += "\n\nSome children sleep badly."
    section.save()
    drafts.submit(draft, editor)

    found = {}
    for scheme in ("light", "dark"):
        reviewer_page.emulate_media(color_scheme=scheme)
        reviewer_page.goto(site.url + f"/admin/condition/page/{draft.pk}/review/")
        reviewer_page.locator(".review-same > summary").click()
        found[f"review ({scheme})"] = axe_violations(reviewer_page)
        reviewer_page.goto(site.url + f"/admin/condition/page/{page.pk}/change/")
        reviewer_page.locator(".take-down > summary").click()
        found[f"take-down ({scheme})"] = axe_violations(reviewer_page)
        summary = reviewer_page.locator(".take-down > summary").bounding_box()
        assert summary["height"] >= 24
    assert {name: v for name, v in found.items() if v} == {}


def test_axe_finds_nothing_on_a_section_form_with_pictures_and_errors_and_its_review_light_and_dark(
    site, reviewer_page
):
    from condition import drafts
    from tests.condition.test_images import add_image, picture_bytes

    editor = User.objects.create_user("eddie", "eddie@clinic.example", "a-long-test-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    draft = drafts.start_draft(Page.objects.get(translation_of=None, slug="symptoms"), editor)
    section = draft.sections.order_by("order").first()
    add_image(section, alt="A timeline of care")
    found = {}
    for scheme in ("light", "dark"):
        reviewer_page.emulate_media(color_scheme=scheme)
        reviewer_page.goto(site.url + f"/admin/condition/section/{section.pk}/change/")
        found[f"section form ({scheme})"] = axe_violations(reviewer_page)
        empty_row = reviewer_page.locator("#images-1")
        empty_row.locator("input[type=file]").set_input_files(
            {"name": "new.png", "mimeType": "image/png", "buffer": picture_bytes("PNG", (300, 200))}
        )
        reviewer_page.get_by_role("button", name="Save and continue editing").click()
        reviewer_page.locator(".error-summary").wait_for()
        reviewer_page.locator("#images-1 input[type=file]").set_input_files(
            {"name": "new.png", "mimeType": "image/png", "buffer": picture_bytes("PNG", (300, 200))}
        )
        reviewer_page.locator("#images-1 .picture-preview img").wait_for()
        found[f"section form with errors and a preview ({scheme})"] = axe_violations(reviewer_page)
        reviewer_page.goto(site.url + f"/admin/condition/page/{draft.pk}/review/")
        found[f"review with a picture ({scheme})"] = axe_violations(reviewer_page)
    assert {name: v for name, v in found.items() if v} == {}

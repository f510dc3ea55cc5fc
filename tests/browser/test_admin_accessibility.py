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


# --- every admin screen, from the admin's own registry, light and dark -----------------------------------


def every_admin_screen(superuser):
    """{name: address} for the admin home, Your language, the password change and each registered model's
    list, add form and change form (for content, a draft's: the form staff type in), found through
    admin.site._registry so a new model is checked without being listed here."""
    from django.contrib import admin
    from django.test import RequestFactory
    from django.urls import reverse

    from condition import drafts

    request = RequestFactory().get("/admin/")
    request.user = superuser
    screens = {
        "home": reverse("admin:index"),
        "your language": reverse("admin:your_language"),
        "password change": reverse("admin:password_change"),
    }
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        name = opts.label_lower
        route = f"admin:{opts.app_label}_{opts.model_name}"
        screens[f"{name} list"] = reverse(f"{route}_changelist")
        if model_admin.has_add_permission(request):
            screens[f"{name} add"] = reverse(f"{route}_add")
        rows = model._default_manager.all()
        if issubclass(model, drafts.Content):
            rows = rows.originals().filter(translation_of=None, status=model.Status.PUBLISHED)
        row = rows.order_by("pk").first()
        if row is None:
            continue
        if issubclass(model, drafts.Content):
            # The form staff type in: a live item's own form is read-only (its words are in the list).
            row = drafts.start_draft(row, superuser)
        screens[f"{name} change"] = reverse(f"{route}_change", args=[row.pk])
    return screens


def signed_in_records(user):
    """A row in each sign-in admin (lockouts, access log, recovery codes), so their forms open too."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_otp.plugins.otp_static.models import StaticDevice

    from condition.models import Page, PageFeedback
    from quizzes.models import Quiz, attempt_submit

    where = {"ip_address": "192.0.2.1", "path_info": "/admin/login/", "user_agent": "Firefox"}
    AccessAttempt.objects.create(username="guess", failures_since_start=2, **where)
    AccessLog.objects.create(username=user.username, **where)
    AccessFailureLog.objects.create(username="guess", locked_out=False, **where)
    StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True).token_set.create(token="abcd2345")
    PageFeedback.objects.create(page=Page.objects.live().first(), helpful=False, comment="Too long")
    quiz = Quiz.objects.live().first()
    question = quiz.questions.first()
    attempt_submit(quiz=quiz, answers=[(question, question.choices.first())])


BREADCRUMB_CONTRAST = """() => {
    const rgb = text => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const luminance = ([r, g, b]) => {
        const [R, G, B] = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const bar = document.querySelector("div.breadcrumbs");
    const background = rgb(getComputedStyle(bar).backgroundColor);
    return [...bar.querySelectorAll("a")].map(link => ({
        contrast: ratio(rgb(getComputedStyle(link).color), background),
        underlined: getComputedStyle(link).textDecorationLine.includes("underline"),
    }));
}"""


def test_axe_finds_nothing_on_any_admin_screen_light_and_dark(site, browser):
    """Sign-in, the code step and every admin screen, in one browser and one sign-in: 0 violations."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    superuser = User.objects.create_superuser("sam", "sam@clinic.example", "a-long-test-password")
    app = TOTPDevice.objects.create(user=superuser, name="Phone", confirmed=True)
    signed_in_records(superuser)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    found = {}

    def scheme(colours):
        page.emulate_media(color_scheme=colours)
        # Links fade to their new colour (Django's 0.15 s transition): read them once they are there.
        page.evaluate("() => Promise.all(document.getAnimations().map(animation => animation.finished))")

    def check(name):
        """Every rule in light; in dark (the same page, axe already in it) the rules that read colours."""
        scheme("light")
        found[f"{name} (light)"] = axe_violations(page)
        scheme("dark")
        found[f"{name} (dark)"] = axe_violations(page, colours_only=True, inject=False)

    page.goto(site.url + "/admin/login/")
    check("sign-in")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/sign-in/code/**")
    check("code step")
    page.get_by_label("Code").fill(totp(app_secret(app)))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    screens = every_admin_screen(superuser)
    assert len(screens) > 45
    for name, path in screens.items():
        page.emulate_media(color_scheme="light")  # each page opens in light: no colours fading under axe
        response = page.goto(site.url + path)
        assert response.status == 200, f"{name}: {path} answered {response.status}"
        check(name)
        if name == "condition.page change":
            for colours in ("light", "dark"):
                scheme(colours)
                links = page.evaluate(BREADCRUMB_CONTRAST)
                assert len(links) >= 3, links
                # Against the bar, and told apart from the words between them without colour (underlined).
                assert all(link["contrast"] >= 4.5 and link["underlined"] for link in links), (colours, links)
    context.close()
    failed = [f"{name}: {rule} {targets}" for name, violations in found.items() for rule, _, targets in violations]
    assert not failed, "\n".join(failed)

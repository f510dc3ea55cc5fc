"""Independent review (attack): today's put-back, restore-after-take-down and the new POSTs against the
two-person rule, CSRF and the second factor."""

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from condition import drafts, translations
from condition.drafts import Revision, WorkflowError
from condition.models import Page
from tests.condition.test_put_back import review, workflow
from tests.conftest import verified_login
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _live_pks():
    return set(Page.objects.filter(status=Page.Status.PUBLISHED).values_list("pk", flat=True))


def test_csrf_less_put_back_is_refused(down, editor):
    page, _ = down
    staff = verified_login(Client(enforce_csrf_checks=True), editor)
    response = staff.post(workflow(page, "put-back"))
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.edited_by != editor or drafts.taken_down_version(page) is not None


def test_csrf_less_approve_and_restore_are_refused(down, editor, reviewer):
    page, _ = down
    drafts.put_back(page, editor)
    drafts.submit(page, editor)
    staff = verified_login(Client(enforce_csrf_checks=True), reviewer)
    seen = drafts.fingerprint(page)
    assert staff.post(workflow(page, "approve"), {"seen": seen}).status_code == 403
    page.refresh_from_db()
    assert not page.is_live


def test_reviewer_without_second_factor_cannot_put_back_or_approve(down, editor, reviewer):
    page, _ = down
    drafts.put_back(page, editor)
    drafts.submit(page, editor)
    half = Client()
    half.force_login(reviewer)  # password only, no one-time code
    response = half.post(workflow(page, "approve"), {"seen": drafts.fingerprint(page)})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.is_live


def test_reviewer_alone_cannot_bring_back_what_they_took_down(down, reviewer):
    """Rita took it down; she puts it back, submits, and tries to approve, by the admin's POSTs."""
    page, spanish = down
    staff = verified_login(Client(), reviewer)
    staff.post(workflow(page, "put-back"))
    staff.post(workflow(page, "submit"))
    page.refresh_from_db()
    staff.post(workflow(page, "approve"), {"seen": drafts.fingerprint(page)})
    staff.post(workflow(spanish, "submit"))
    spanish.refresh_from_db()
    staff.post(workflow(spanish, "approve"), {"seen": drafts.fingerprint(spanish)})
    assert not Page.objects.filter(pk__in=[page.pk, spanish.pk], status=Page.Status.PUBLISHED).exists()


def test_reviewer_alone_via_restore_after_take_down(down, reviewer):
    page, spanish = down
    staff = verified_login(Client(), reviewer)
    revision = Revision.of(page).filter(action=Revision.Action.APPROVED).first()
    staff.post(workflow(page, "restore"), {"revision": revision.pk})
    for item in (page, spanish):
        staff.post(workflow(item, "submit"))
        item.refresh_from_db()
        staff.post(workflow(item, "approve"), {"seen": drafts.fingerprint(item)})
    assert not Page.objects.filter(pk__in=[page.pk, spanish.pk], status=Page.Status.PUBLISHED).exists()


def test_reviewer_who_submitted_untouched_taken_down_translation_cannot_approve(down, editor, reviewer, admin_user):
    """The editor puts the English back; the Spanish came back with it. Rita submits the Spanish herself."""
    page, spanish = down
    drafts.put_back(page, editor)
    drafts.submit(page, editor)
    drafts.approve(page, admin_user)
    staff = verified_login(Client(), reviewer)
    staff.post(workflow(spanish, "submit"))
    spanish.refresh_from_db()
    staff.post(workflow(spanish, "approve"), {"seen": drafts.fingerprint(spanish)})
    spanish.refresh_from_db()
    assert not spanish.is_live


def test_working_copy_in_review_at_take_down_does_not_bring_the_page_back(editor, reviewer, admin_user):
    page = PageFactory(title="Rash", slug="rash")
    Revision.record(page, Revision.Action.APPROVED, admin_user)
    working = drafts.start_draft(page, editor)
    working.title = "Rash (new)"
    working.save()
    drafts.submit(working, editor)
    drafts.take_down(page, reviewer, "Dangerous.")
    try:
        drafts.approve(working, admin_user)
    except WorkflowError:
        pass
    page.refresh_from_db()
    assert not page.is_live
    assert not Page.objects.live("en").filter(slug="rash").exists()


def test_working_copy_of_spanish_in_review_at_take_down_stays_down(down, editor, reviewer, admin_user):
    page, spanish = down
    # Before: the Spanish is live with a working copy in review. Re-create that situation.
    drafts.put_back(page, editor)
    drafts.submit(page, editor)
    page = drafts.approve(page, admin_user)
    drafts.put_back(spanish, editor)
    drafts.submit(spanish, editor)
    spanish = drafts.approve(spanish, admin_user)
    working = drafts.start_draft(spanish, editor)
    working.title = "Fiebre nueva"
    working.save()
    drafts.submit(working, editor)
    drafts.take_down(page, reviewer, "Again.")
    with pytest.raises(WorkflowError):
        drafts.approve(working, admin_user)
    assert not Page.objects.live("es").exists()


def test_replayed_approve_post_after_take_down_does_not_bring_back(down, editor, reviewer, admin_user):
    page, _ = down
    drafts.put_back(page, editor)
    drafts.submit(page, editor)
    seen = drafts.fingerprint(page)
    staff = verified_login(Client(), reviewer)
    staff.post(workflow(page, "approve"), {"seen": seen})
    page.refresh_from_db()
    assert page.is_live
    drafts.take_down(page, admin_user, "Again")
    staff.post(workflow(page, "approve"), {"seen": seen})  # replay
    page.refresh_from_db()
    assert not page.is_live


def test_put_back_with_slug_taken_meanwhile_is_a_message_not_a_500(down, editor):
    page, _ = down
    page.slug = "fever-old"
    page.save()
    PageFactory(title="Other fever", slug="fever", status=Page.Status.DRAFT)
    staff = verified_login(Client(raise_request_exception=False), editor)
    response = staff.post(workflow(page, "put-back"))
    assert response.status_code == 302  # a WorkflowError message, as approve() gives; not an IntegrityError 500


def test_every_admin_post_url_refuses_an_editor_making_anything_live(down, editor, client):
    """Every admin URL with a pk, POSTed by an editor with guessed actions: nothing goes live."""
    page, spanish = down
    before = _live_pks()
    staff = verified_login(Client(raise_request_exception=False), editor)
    names = []
    from django.contrib import admin

    assert get_resolver().resolve("/admin/").url_name == "index"  # the admin is where the resolver says
    for model, model_admin in admin.site._registry.items():
        for url in model_admin.get_urls():
            names.append((model, url.name, str(url.pattern)))
    for item in (page, spanish):
        for action in (
            "approve",
            "put-back",
            "restore",
            "submit",
            "draft",
            "translate",
            "take-down",
            "send-back",
            "put_back",
            "need",
            "change_url",
            "apply",
            "put-live",
        ):
            staff.post(workflow(item, action), {"revision": "1", "seen": drafts.fingerprint(item), "note": "x"})
    assert _live_pks() == before
    assert any("workflow" in (n or "") for _, n, _ in names)


def test_restoring_an_older_english_version_after_a_take_down_leaves_the_spanish_down_and_its_review_says_why(
    editor, reviewer, admin_user
):
    """v1 (safe) then v2 (a wrong dose) in both languages; v2 is taken down. The editor starts the English
    from v1, the safe version. The Spanish should not come back holding the wrong dose, shown to the reviewer
    as unchanged."""
    page = PageFactory(title="Steroids", slug="steroids")
    SectionFactory(page=page, heading="Dose", anchor="dose", body="Give 2 mg per kg.")
    v1 = Revision.record(page, Revision.Action.APPROVED, admin_user)
    spanish = translations.start_translation(page, "es", editor)
    section = spanish.sections.get(anchor="dose")
    section.body = "Dé 2 mg por kg."
    section.save()
    drafts.submit(spanish, editor)
    spanish = drafts.approve(spanish, admin_user)
    # v2: the wrong dose, in English then in Spanish.
    working = drafts.start_draft(page, editor)
    working.sections.filter(anchor="dose").update(body="Give 20 mg per kg.")
    drafts.submit(working, editor)
    page = drafts.approve(working, admin_user)
    working = drafts.start_draft(spanish, editor)
    working.sections.filter(anchor="dose").update(body="Dé 20 mg por kg.")
    drafts.submit(working, editor)
    spanish = drafts.approve(working, admin_user)
    assert spanish.sections.get(anchor="dose").body == "Dé 20 mg por kg."
    drafts.take_down(page, reviewer, "Wrong dose in both languages.")
    page.refresh_from_db()

    staff = verified_login(Client(), editor)
    staff.post(workflow(page, "restore"), {"revision": v1.pk})
    page.refresh_from_db()
    spanish.refresh_from_db()
    assert page.sections.get(anchor="dose").body == "Give 2 mg per kg."
    assert not spanish.is_live  # it stays down: restoring the English from v1 does not put it back
    html = verified_login(Client(), reviewer).get(review(spanish)).content.decode()
    # Its review never passes the taken-down words off as unchanged: it names why they came down.
    assert "This version was taken down because" in html and "Wrong dose in both languages." in html


def test_put_back_of_care_advice_whose_key_was_reused_meanwhile_is_a_message_not_a_500(editor, reviewer, admin_user):
    """Care advice has no old-address check: while it is down an editor renames its key and writes a new
    box under the old key (both drafts, as the admin allows); putting the old one back is then a 500."""
    from condition.models import CareAdvice
    from tests.factories import CareAdviceFactory

    advice = CareAdviceFactory(key="fever", title="Fever")
    Revision.record(advice, Revision.Action.APPROVED, admin_user)
    drafts.take_down(advice, reviewer, "Wrong number.")
    advice.refresh_from_db()
    advice.key = "fever-old"
    advice.save()
    CareAdviceFactory(key="fever", title="Fever (new)", status=CareAdvice.Status.DRAFT).full_clean()
    staff = verified_login(Client(raise_request_exception=False), editor)
    response = staff.post(reverse("admin:condition_careadvice_workflow", args=[advice.pk, "put-back"]))
    assert response.status_code == 302


def test_approving_a_working_copy_submitted_before_the_take_down(editor, reviewer, admin_user):
    """Probe: what approving a change submitted before the take-down does to the taken-down page."""
    page = PageFactory(title="Rash", slug="rash2")
    Revision.record(page, Revision.Action.APPROVED, admin_user)
    working = drafts.start_draft(page, editor)
    working.title = "Rash (new)"
    working.save()
    drafts.submit(working, editor)
    drafts.take_down(page, reviewer, "Dangerous.")
    with pytest.raises(WorkflowError):  # expected: refused, the item it changes is down
        drafts.approve(working, admin_user)

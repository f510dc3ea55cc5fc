"""A hostile staff member against the sign-off promise: a clinician approved every word a family reads."""

import pytest
from django.test import Client
from django.urls import reverse

from condition import drafts
from condition.drafts import Revision, WorkflowError
from condition.models import CareAdvice, Condition, GlossaryTerm, Page, Section, Source
from tests.condition.test_admin import page_form_data
from tests.conftest import verified_login
from tests.factories import GlossaryTermFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db

WORKFLOW = "admin:condition_page_workflow"


def _seen(html):
    """The approve form's record of what the reviewer was shown."""
    import re

    return re.search(r'name="seen" value="([0-9a-f]+)"', html).group(1)


def test_a_draft_rewritten_after_the_reviewer_opened_it_is_not_approved_unseen(client, editor_client, editor, reviewer):
    page = PageFactory(title="Fever")
    SectionFactory(page=page, body="Call the clinic.")
    draft = drafts.start_draft(page, editor)
    data = page_form_data(draft)
    data["sections-0-body"] = "Call the clinic now."
    assert editor_client.post(reverse("admin:condition_page_change", args=[draft.pk]), data).status_code == 302
    drafts.submit(draft, editor)
    reviewer_client = verified_login(Client(), reviewer)
    seen = _seen(reviewer_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode())

    # The editor takes it back, rewrites it and submits again while the reviewer reads.
    assert editor_client.post(reverse(WORKFLOW, args=[draft.pk, "withdraw"])).status_code == 302
    data["sections-0-body"] = "Give ten times the dose."
    assert editor_client.post(reverse("admin:condition_page_change", args=[draft.pk]), data).status_code == 302
    assert editor_client.post(reverse(WORKFLOW, args=[draft.pk, "submit"])).status_code == 302

    response = reviewer_client.post(reverse(WORKFLOW, args=[draft.pk, "approve"]), {"seen": seen}, follow=True)
    assert "changed after you opened it" in response.content.decode()
    assert "ten times" not in client.get(page.get_absolute_url()).content.decode()
    assert Page.objects.get(pk=draft.pk).status == Page.Status.REVIEW
    # An approve without the review page's record is refused too.
    reviewer_client.post(reverse(WORKFLOW, args=[draft.pk, "approve"]))
    assert Page.objects.filter(pk=draft.pk).exists()
    # Seen again, it can be approved.
    seen = _seen(reviewer_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode())
    reviewer_client.post(reverse(WORKFLOW, args=[draft.pk, "approve"]), {"seen": seen})
    assert "ten times" in client.get(page.get_absolute_url()).content.decode()


def test_restoring_an_old_version_never_rewrites_a_draft_waiting_for_review(editor_client, editor, reviewer):
    page = PageFactory(title="Fever")
    SectionFactory(page=page, body="Version one.")
    Revision.record(page, Revision.Action.APPROVED, reviewer)
    drafts.take_down(page, reviewer, "Wrong dose.")
    page.refresh_from_db()
    data = page_form_data(page)
    data["sections-0-body"] = "Version two."
    assert editor_client.post(reverse("admin:condition_page_change", args=[page.pk]), data).status_code == 302
    drafts.submit(page, editor)
    approved = Revision.of(page).filter(action="approved").get()

    response = editor_client.post(reverse(WORKFLOW, args=[page.pk, "restore"]), {"revision": approved.pk})
    assert response.status_code == 403
    assert list(page.sections.values_list("body", flat=True)) == ["Version two."]
    with pytest.raises(WorkflowError, match="waiting for review"):
        drafts.draft_from_revision(approved, editor)
    assert list(page.sections.values_list("body", flat=True)) == ["Version two."]


def test_a_reviewer_may_not_approve_words_they_wrote_when_someone_else_submitted_them(
    editor_client, editor, reviewer, settings
):
    settings.OMS_ALLOW_SELF_APPROVAL = False
    page = PageFactory(title="Fever")
    SectionFactory(page=page, body="Call the clinic.")
    reviewer_client = verified_login(Client(), reviewer)
    reviewer_client.post(reverse(WORKFLOW, args=[page.pk, "draft"]))
    draft = page.drafts.get()
    data = page_form_data(draft)
    data["sections-0-body"] = "The reviewer's own words."
    assert reviewer_client.post(reverse("admin:condition_page_change", args=[draft.pk]), data).status_code == 302
    assert editor_client.post(reverse(WORKFLOW, args=[draft.pk, "submit"])).status_code == 302

    with pytest.raises(WorkflowError, match="You edited this draft"):
        drafts.approve(draft, reviewer)
    assert page.sections.get().body == "Call the clinic."
    settings.OMS_ALLOW_SELF_APPROVAL = True  # a clinic of one
    drafts.approve(draft, reviewer)
    assert page.sections.get().body == "The reviewer's own words."


def test_a_name_taken_meanwhile_is_a_clear_refusal_at_approval_and_nothing_goes_live(reviewer_client, editor):
    first = GlossaryTermFactory(term="ataxia", slug="ataxia")
    second = GlossaryTermFactory(term="biopsy", slug="biopsy")
    one, two = drafts.start_draft(first, editor), drafts.start_draft(second, editor)
    for draft in (one, two):
        draft.term, draft.slug = "myoclonus", "myoclonus"
        draft.full_clean()
        draft.save()
        drafts.submit(draft, editor)
    drafts.approve(one, drafts.get_user_model().objects.create(username="other", is_superuser=True))

    url = reverse("admin:condition_glossaryterm_workflow", args=[two.pk, "approve"])
    response = reviewer_client.post(url, {"seen": drafts.fingerprint(two)}, follow=True)
    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert any("Another glossary term already uses this" in message for message in messages), messages
    assert GlossaryTerm.objects.get(pk=second.pk).term == "biopsy"
    assert GlossaryTerm.objects.get(pk=two.pk).status == GlossaryTerm.Status.REVIEW


def test_a_page_cannot_take_another_pages_printed_address_at_approval(client, editor, reviewer):
    moving = PageFactory(slug="fits", title="Fits")
    other = PageFactory(slug="other", title="Other")
    draft = drafts.start_draft(other, editor)
    draft.slug = "fits-later"  # valid when written ...
    draft.full_clean()
    draft.save()
    renamed = drafts.start_draft(moving, editor)
    renamed.slug = "seizures"
    renamed.save()
    drafts.submit(renamed, editor)
    drafts.approve(renamed, reviewer)  # /topics/fits/ is now a printed address of "Fits"
    Page.objects.filter(pk=draft.pk).update(slug="fits")  # ... as an old version restored would set it
    drafts.submit(draft, editor)

    with pytest.raises(WorkflowError, match="printed handouts still lead there"):
        drafts.approve(draft, reviewer)
    assert client.get("/topics/fits/", follow=True).redirect_chain[-1][0] == "/topics/seizures/"


def test_a_draft_may_swap_two_section_anchors(client, editor, reviewer):
    page = PageFactory()
    first = SectionFactory(page=page, anchor="before", heading="Before")
    second = SectionFactory(page=page, anchor="after", heading="After")
    draft = drafts.start_draft(page, editor)
    one, two = draft.sections.get(origin=first), draft.sections.get(origin=second)
    one.anchor = "swap"
    one.save()
    two.anchor = "before"
    two.save()
    one.anchor = "after"
    one.save()
    drafts.submit(draft, editor)
    drafts.approve(draft, reviewer)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.anchor, second.anchor) == ("after", "before")
    assert 'id="before"' in client.get(page.get_absolute_url()).content.decode()


def test_staff_typed_markup_is_escaped_on_the_review_page_and_the_draft_form(reviewer_client, editor):
    page = PageFactory(title="<script>alert(1)</script>")
    SectionFactory(page=page, heading="<img src=x onerror=alert(2)>", body="<script>alert(3)</script>")
    draft = drafts.start_draft(page, editor)
    draft.title = "<svg onload=alert(4)>"
    draft.save()
    draft.sections.update(body="<b onmouseover=alert(5)>x</b>")
    drafts.submit(draft, editor)
    for name in ("review", "change"):
        html = reviewer_client.get(reverse(f"admin:condition_page_{name}", args=[draft.pk])).content.decode()
        for raw in ("<script>alert", "<img src=x", "<svg onload", "<b onmouseover"):
            assert raw not in html, f"{raw} unescaped on the {name} page"


def test_a_page_never_goes_live_under_a_condition_no_one_approved(client, editor_client, editor, reviewer):
    page = PageFactory(title="Fever")
    SectionFactory(page=page, body="Call the clinic.")
    add = reverse("admin:condition_condition_add")
    unapproved = {"name": "UNAPPROVED name", "slug": "other", "summary": "x", "other_names": "UNAPPROVED alias"}
    assert editor_client.post(add, unapproved).status_code == 302  # a new condition: a draft
    draft = drafts.start_draft(page, editor)
    data = page_form_data(draft, condition=Condition.objects.get(translation_of=None, slug="other").pk)
    assert editor_client.post(reverse("admin:condition_page_change", args=[draft.pk]), data).status_code == 302
    draft.refresh_from_db()
    drafts.submit(draft, editor)

    with pytest.raises(WorkflowError, match="is not live: approve it first"):
        drafts.approve(draft, reviewer)
    assert "UNAPPROVED" not in client.get(page.get_absolute_url()).content.decode()
    assert page.title not in client.get("/search/?q=alias").content.decode()


def test_a_quiz_result_never_shows_a_care_box_taken_down(client, reviewer):
    from quizzes.models import attempt_submit
    from tests.factories import CareSectionFactory, QuizFactory, question_with_choices

    section = CareSectionFactory(care_advice__title="Give double the dose")
    quiz = QuizFactory()
    question = question_with_choices(quiz)
    question.section = section
    question.save()
    attempt = attempt_submit(quiz=quiz, answers=[(question, question.choices.filter(is_correct=False).first())])
    assert "Give double the dose" in client.get(attempt.get_absolute_url()).content.decode()

    drafts.take_down(section.care_advice, reviewer, "The dose is wrong.")
    html = client.get(attempt.get_absolute_url()).content.decode()
    assert "Give double the dose" not in html and f"#{section.anchor}" not in html


def test_restoring_a_version_whose_care_advice_is_gone_is_a_clear_refusal(editor_client, reviewer):
    from tests.factories import CareSectionFactory

    section = CareSectionFactory()
    page, advice = section.page, section.care_advice
    approved = Revision.record(page, Revision.Action.APPROVED, reviewer)
    Section.objects.filter(pk=section.pk).update(care_advice=None, heading="Plain", body="Plain words.")
    drafts.take_down(advice, reviewer, "Wrong.")
    CareAdvice.objects.filter(pk=advice.pk).delete()

    url = reverse(WORKFLOW, args=[page.pk, "restore"])
    response = editor_client.post(url, {"revision": approved.pk}, follow=True)
    assert response.status_code == 200
    assert "no longer exists" in " ".join(str(message) for message in response.context["messages"])
    assert not page.drafts.exists()


def test_a_citation_over_two_lines_can_be_submitted_and_the_reviewers_are_mailed(editor_client, reviewer, mailoutbox):
    add = reverse("admin:condition_source_add")
    data = {"key": "lines", "citation": "Author A.\r\nA title.\r\nA journal. 2020.", "url": "", "year": ""}
    assert editor_client.post(add, data).status_code == 302
    source = Source.objects.get(key="lines")
    url = reverse("admin:condition_source_workflow", args=[source.pk, "submit"])
    assert editor_client.post(url).status_code == 302
    source.refresh_from_db()
    assert source.status == Source.Status.REVIEW
    assert [mail.subject for mail in mailoutbox] == [
        "OMS family guide: please review source “lines: Author A. A title. A journal. 2020.”"
    ]


@pytest.mark.parametrize("revision", ["abc", "1.5", "", "-1", "١"])
def test_a_malformed_version_to_restore_is_a_404_not_a_500(editor_client, revision):
    page = PageFactory()
    url = reverse(WORKFLOW, args=[page.pk, "restore"])
    assert editor_client.post(url, {"revision": revision}).status_code == 404
    assert not page.drafts.exists()


def test_a_withdrawal_that_loses_the_race_with_approval_never_takes_the_item_down(editor, reviewer):
    term = GlossaryTermFactory(term="ataxia", status=GlossaryTerm.Status.DRAFT)  # new: approval makes this row live
    drafts.submit(term, editor)
    seen_by_the_editor = GlossaryTerm.objects.get(pk=term.pk)  # the withdraw request loaded it ...
    drafts.approve(term, reviewer)  # ... and the approval committed first
    with pytest.raises(WorkflowError, match="no longer waiting for review"):
        drafts.withdraw(seen_by_the_editor)
    with pytest.raises(WorkflowError, match="waiting for review can be sent back"):
        drafts.send_back(seen_by_the_editor, reviewer, "Too late.")
    assert GlossaryTerm.objects.get(pk=term.pk).is_live


def test_a_draft_of_the_clinic_profile_can_be_started_on_every_database(editor_client, reviewer):
    """On PostgreSQL the profile's explicit id 1 leaves the id sequence at 1: the first draft must not take it."""
    from condition.models import ClinicProfile

    profile = ClinicProfile(name="Clinic", phone="555 1000", status=ClinicProfile.Status.PUBLISHED)
    profile.save()
    url = reverse("admin:condition_clinicprofile_workflow", args=[1, "draft"])
    assert editor_client.post(url).status_code == 302
    draft = ClinicProfile.objects.get(draft_of=profile)
    assert draft.pk != 1 and ClinicProfile.objects.live().get().phone == "555 1000"

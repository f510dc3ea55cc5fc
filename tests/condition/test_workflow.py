"""Drafts and review: families read only what a clinical reviewer approved."""

import pathlib
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.urls import reverse

from condition import drafts, images
from condition.drafts import Revision, WorkflowError
from condition.models import ClinicProfile, Condition, GlossaryTerm, Page, Section, SectionImage, Source
from condition.shipped import PICTURES as PICTURE_FOLDER
from quizzes.models import Attempt, Choice, Quiz, attempt_submit
from tests.condition.test_admin import page_form_data
from tests.factories import GlossaryTermFactory, PageFactory, QuizFactory, SectionFactory, question_with_choices

pytestmark = pytest.mark.django_db


def through_review(item, editor, reviewer, change):
    """An editor drafts `change` on live `item`, submits it, a reviewer approves: returns the live item."""
    draft = drafts.start_draft(item, editor)
    change(draft)
    drafts.submit(draft, editor)
    return drafts.approve(draft, reviewer)


def test_families_read_the_live_page_until_the_draft_is_approved_and_then_the_same_page_changes(
    client, editor, reviewer
):
    page = PageFactory(title="Fever")
    kept = SectionFactory(page=page, heading="What to do", body="Old advice.")
    dropped = SectionFactory(page=page, heading="Old part", body="Going away.")

    draft = drafts.start_draft(page, editor)
    assert draft.pk != page.pk and draft.draft_of == page and draft.status == Page.Status.DRAFT
    copy = draft.sections.get(origin=kept)
    copy.body = "New advice."
    copy.save()
    draft.sections.get(origin=dropped).delete()
    Section.objects.create(page=draft, heading="New part", anchor="new-part", body="Added words.", order=10**6)
    assert drafts.start_draft(page, editor) == draft  # one draft at a time

    html = client.get(page.get_absolute_url()).content.decode()
    assert "Old advice." in html and "New advice." not in html and "Added words." not in html

    drafts.submit(draft, editor)
    live = drafts.approve(draft, reviewer)
    assert live.pk == page.pk
    html = client.get(page.get_absolute_url()).content.decode()
    assert "New advice." in html and "Added words." in html and "Going away." not in html
    assert Section.objects.get(pk=kept.pk).body == "New advice."  # same row: quiz links survive
    assert not Section.objects.filter(pk=dropped.pk).exists()
    assert not Page.objects.filter(pk=draft.pk).exists()  # the working copy is gone
    approved = Revision.of(page).get()
    assert (approved.action, approved.reviewer, approved.editor) == ("approved", reviewer, editor)
    assert [s["body"] for s in approved.data["sections"]] == ["New advice.", "Added words."]


def test_approving_a_quiz_keeps_its_questions_and_choices_so_past_attempts_survive(editor, reviewer):
    quiz = QuizFactory()
    question = question_with_choices(quiz, right="Right", wrong=("Wrong",))
    right, wrong = question.choices.order_by("pk")
    attempt_submit(quiz=quiz, answers=[(question, wrong)])

    def swap_the_right_answer(draft):
        copy = draft.questions.get()
        for choice in copy.choices.all():
            choice.is_correct = not choice.is_correct
            choice.save() if not choice.is_correct else None
        copy.choices.filter(origin=wrong).update(is_correct=True)
        copy.prompt = "Which one now?"
        copy.save()

    through_review(quiz, editor, reviewer, swap_the_right_answer)
    question.refresh_from_db()
    assert question.prompt == "Which one now?"
    assert set(question.choices.values_list("pk", "is_correct")) == {(right.pk, False), (wrong.pk, True)}
    assert Attempt.objects.filter(quiz=quiz).count() == 1
    assert Quiz.objects.filter(translation_of=None, slug=quiz.slug).count() == 1


def test_a_reviewer_may_not_approve_their_own_draft_unless_the_clinic_allows_it(reviewer, settings):
    settings.OMS_ALLOW_SELF_APPROVAL = False
    term = GlossaryTermFactory(definition="Old.")
    draft = drafts.start_draft(term, reviewer)
    draft.definition = "New."
    draft.save()
    drafts.submit(draft, reviewer)
    with pytest.raises(WorkflowError, match="another clinical reviewer"):
        drafts.approve(draft, reviewer)
    assert GlossaryTerm.objects.get(pk=term.pk).definition == "Old."
    settings.OMS_ALLOW_SELF_APPROVAL = True  # a clinic of one
    drafts.approve(draft, reviewer)
    assert GlossaryTerm.objects.get(pk=term.pk).definition == "New."


def test_an_editor_cannot_approve(editor):
    draft = PageFactory(status=Page.Status.DRAFT)
    drafts.submit(draft, editor)
    with pytest.raises(WorkflowError, match="Only a clinical reviewer"):
        drafts.approve(draft, editor)
    assert Page.objects.get(pk=draft.pk).status == Page.Status.REVIEW


def test_reviewers_are_mailed_on_submit_and_the_editor_on_send_back_and_approval(editor, reviewer, mailoutbox):
    editor.email, reviewer.email = "ed@clinic.example", "rita@clinic.example"
    editor.save()
    reviewer.save()
    draft = drafts.start_draft(PageFactory(title="Sleep"), editor)
    drafts.submit(draft, editor)
    assert mailoutbox[-1].to == ["rita@clinic.example"] and "Sleep" in mailoutbox[-1].subject
    assert f"/admin/condition/page/{draft.pk}/review/" in mailoutbox[-1].body

    with pytest.raises(WorkflowError, match="Say what needs to change"):
        drafts.send_back(draft, reviewer, "  ")
    drafts.send_back(draft, reviewer, "Please cite the dose.")
    assert mailoutbox[-1].to == ["ed@clinic.example"] and "Please cite the dose." in mailoutbox[-1].body
    draft.refresh_from_db()
    assert (draft.status, draft.review_note) == (Page.Status.DRAFT, "Please cite the dose.")

    drafts.submit(draft, editor)
    drafts.approve(draft, reviewer)
    assert mailoutbox[-1].to == ["ed@clinic.example"] and "approved" in mailoutbox[-1].subject


def test_approving_an_edit_leaves_the_clinical_review_dates_alone(editor, reviewer):
    page = PageFactory(title="Old", last_reviewed="2026-01-10", reviewed_by="Dr A", next_review_due="2027-01-10")

    def edit(draft):
        draft.title = "New"
        draft.last_reviewed, draft.reviewed_by, draft.next_review_due = None, "", None
        draft.save()

    live = through_review(page, editor, reviewer, edit)
    live.refresh_from_db()
    assert live.title == "New"
    assert (str(live.last_reviewed), live.reviewed_by, str(live.next_review_due)) == (
        "2026-01-10",
        "Dr A",
        "2027-01-10",
    )


def test_an_approved_version_can_start_a_draft_and_nothing_live_changes(editor, reviewer):
    page = PageFactory(title="First title")
    SectionFactory(page=page, body="First words.")

    def edit(draft):
        draft.title = "Second title"
        draft.save()
        draft.sections.update(body="Second words.")

    through_review(page, editor, reviewer, edit)
    second_version = Revision.of(page).get()
    through_review(page, editor, reviewer, lambda draft: Page.objects.filter(pk=draft.pk).update(title="Third"))
    draft = drafts.draft_from_revision(second_version, editor)
    assert (draft.title, draft.sections.get().body, draft.draft_of_id) == ("Second title", "Second words.", page.pk)
    page.refresh_from_db()
    assert page.title == "Third" and page.is_live


def test_a_reviewer_takes_a_page_down_at_once_and_the_reason_is_logged(client, reviewer, editor):
    page = PageFactory(title="Risky")
    SectionFactory(page=page)
    assert client.get(page.get_absolute_url()).status_code == 200
    with pytest.raises(WorkflowError):
        drafts.take_down(page, editor, "No right to.")
    drafts.take_down(page, reviewer, "Dose is wrong.")
    assert client.get(page.get_absolute_url()).status_code == 404
    assert Revision.of(page).get().note == "Dose is wrong."


def test_a_draft_may_not_take_another_live_items_name():
    GlossaryTermFactory(term="ataxia", slug="ataxia")
    other = GlossaryTermFactory(term="biopsy", slug="biopsy")
    draft = drafts.start_draft(other, None)
    draft.term = "ataxia"
    with pytest.raises(ValidationError, match="already uses this"):
        draft.full_clean()
    draft.term = "biopsy"
    draft.full_clean()  # its own live item's name is fine


def test_no_draft_text_reaches_families_on_any_public_page(client, oms_content, editor):
    marker = "UNAPPROVEDWORDS"
    search = "/search/?q=" + marker
    no_hits = client.get(search).content.decode()  # the page repeats the query
    for item in [
        *Page.objects.live(),
        *GlossaryTerm.objects.live()[:3],
        *Source.objects.live()[:3],
        Condition.objects.get(translation_of=None),
        ClinicProfile.load(),
        Quiz.objects.get(translation_of=None),
    ]:
        draft = drafts.start_draft(item, editor)
        for field in draft._meta.concrete_fields:
            if field.get_internal_type() == "TextField" and getattr(draft, field.name):
                setattr(draft, field.name, f"{marker} {getattr(draft, field.name)}")
        draft.save()
        for section in getattr(draft, "sections", Section.objects.none()).filter(care_advice=None):
            section.body = f"{marker} {section.body}"
            section.save()
        for question in getattr(draft, "questions", Section.objects.none()).all():
            question.prompt = f"{marker}?"
            question.save()
        for image in SectionImage.objects.filter(section__page=draft if isinstance(draft, Page) else None):
            image.alt, image.caption = f"{marker} {image.alt}"[:250], marker
            image.save()
        if isinstance(draft, ClinicProfile):
            draft.short_name = marker
            draft.save()
    from condition.models import CareAdvice

    # A new picture in a draft section: neither its words nor its files reach families.
    draft_section = Section.objects.filter(page__status=Page.Status.DRAFT, care_advice=None).first()
    with (PICTURE_FOLDER / "care-for-oms.png").open("rb") as handle:
        new_picture = SectionImage(section=draft_section, alt=marker, caption=marker, image=File(handle, name="x.png"))
        new_picture.save()

    for advice in CareAdvice.objects.live():
        draft = drafts.start_draft(advice, editor)
        draft.action = f"{marker} {draft.action}"
        draft.save()
    urls = ["/", "/glossary/", "/sources/", "/help/", reverse("quizzes:index")]
    urls += ["/search/?q=fever", reverse("condition:condition_handout", args=["oms"])]
    urls += [page.get_absolute_url() for page in Page.objects.live()]
    urls += [reverse("condition:page_handout", args=[page.slug]) for page in Page.objects.live()]
    urls += [reverse("quizzes:take", args=[quiz.slug]) for quiz in Quiz.objects.live()]
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert marker not in response.content.decode(), f"draft text on {url}"
    assert client.get(search).content.decode() == no_hits
    assert client.get(images.url(new_picture.renditions[0]["webp"])).status_code == 404


def test_condition_never_imports_quizzes():
    """Imports run one way: quizzes -> condition -> nothing."""
    root = pathlib.Path(__file__).resolve().parents[2] / "condition"
    offenders = [
        str(path.relative_to(root.parent))
        for path in root.rglob("*.py")
        if re.search(r"^\s*(from|import) quizzes\b", path.read_text(), re.M)
    ]
    assert offenders == []


def test_every_content_model_is_declared_once_and_known_to_signals_and_export():
    from django.db.models.signals import post_save

    from condition.management.commands.export_content import export_models

    names = {model._meta.label_lower for model in drafts.content_models()}
    assert names == {
        "condition.condition",
        "condition.page",
        "condition.section",
        "condition.sectionimage",
        "condition.suggestedquestion",
        "condition.source",
        "condition.careadvice",
        "condition.glossaryterm",
        "condition.clinicprofile",
        "quizzes.quiz",
        "quizzes.question",
        "quizzes.choice",
    }
    for model in drafts.content_models():
        assert post_save.has_listeners(model), model
        assert model in export_models()


# --- the admin ---------------------------------------------------------------------


def test_the_whole_loop_in_the_admin_draft_submit_send_back_fix_approve(client, editor_client, editor, reviewer):
    from django.test import Client

    from tests.conftest import verified_login

    page = PageFactory(title="Fits")
    SectionFactory(page=page, body="Stay calm and time the fit.")
    live_change = reverse("admin:condition_page_change", args=[page.pk])
    assert editor_client.post(live_change, page_form_data(page, title="Sneaky")).status_code == 403

    editor_client.post(reverse("admin:condition_page_workflow", args=[page.pk, "draft"]))
    draft = page.drafts.get()
    data = page_form_data(draft)
    data["sections-0-body"] = "Stay calm, time the fit and call 999."
    response = editor_client.post(reverse("admin:condition_page_change", args=[draft.pk]), data)
    assert response.status_code == 302
    assert editor_client.post(reverse("admin:condition_page_workflow", args=[draft.pk, "submit"])).status_code == 302
    assert "Stay calm and time the fit." in client.get(page.get_absolute_url()).content.decode()

    reviewer_client = verified_login(Client(), reviewer)
    home = reviewer_client.get(reverse("admin:index")).content.decode()
    assert "Waiting for review" in home and "Fits" in home and "Eddie" in home
    review = reviewer_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    assert "<del>.</del>" in review or "<del>" in review
    assert "<ins>, time the fit and call 999.</ins>" in review or "<ins>" in review
    workflow = "admin:condition_page_workflow"
    reviewer_client.post(reverse(workflow, args=[draft.pk, "send-back"]), {"note": "No phone numbers in text."})
    draft.refresh_from_db()
    assert draft.status == Page.Status.DRAFT
    assert (
        "No phone numbers in text."
        in editor_client.get(reverse("admin:condition_page_change", args=[draft.pk])).content.decode()
    )

    data["sections-0-body"] = "Stay calm, time the fit and call the emergency number."
    assert editor_client.post(reverse("admin:condition_page_change", args=[draft.pk]), data).status_code == 302
    editor_client.post(reverse(workflow, args=[draft.pk, "submit"]))
    draft.refresh_from_db()
    seen = {"seen": drafts.fingerprint(draft)}  # the review page's approve form carries what the reviewer saw
    assert reviewer_client.post(reverse(workflow, args=[draft.pk, "approve"]), seen).status_code == 302
    assert "call the emergency number" in client.get(page.get_absolute_url()).content.decode()


def test_a_review_page_shows_the_words_that_changed_side_by_side(reviewer_client, editor):
    term = GlossaryTermFactory(term="ataxia", definition="Shaky walking and sitting.")
    draft = drafts.start_draft(term, editor)
    draft.definition = "Wobbly walking and sitting."
    draft.save()
    html = reviewer_client.get(reverse("admin:condition_glossaryterm_review", args=[draft.pk])).content.decode()
    assert "<del>Shaky</del>" in html and "<ins>Wobbly</ins>" in html


def test_the_review_shows_each_changed_sections_reading_grade(reviewer_client, editor):
    page = PageFactory()
    SectionFactory(page=page, body="Short words.")
    draft = drafts.start_draft(page, editor)
    draft.sections.update(
        body="Immunomodulatory pharmacotherapy necessitates comprehensive interdisciplinary surveillance."
    )
    html = reviewer_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    assert "How easy to read (draft)" in html and "Grade" in html


def test_section_page_field_never_offers_a_live_page_even_to_a_reviewer(reviewer_client):
    live = PageFactory(status=Page.Status.PUBLISHED, title="Live page")
    draft = PageFactory(status=Page.Status.DRAFT, title="Draft page")
    section = SectionFactory(page=draft, body="Draft words.")
    url = reverse("admin:condition_section_change", args=[section.pk])
    form = reviewer_client.get(url).content.decode()
    assert "Draft page" in form and "Live page" not in form
    data = {"page": live.pk, "heading": section.heading, "anchor": section.anchor, "body": "x", "order": 1}
    response = reviewer_client.post(url, data)
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert Section.objects.get(pk=section.pk).page == draft


def test_saving_a_draft_untouched_keeps_unix_line_endings(editor_client):
    page = PageFactory(status=Page.Status.DRAFT, key_points="First point.\nSecond point.")
    url = reverse("admin:condition_page_change", args=[page.pk])
    browser_post = page_form_data(page, key_points="First point.\r\nSecond point.")
    assert editor_client.post(url, browser_post).status_code == 302
    page.refresh_from_db()
    assert page.key_points == "First point.\nSecond point."
    from django.contrib.admin.models import LogEntry

    assert "Key points" not in LogEntry.objects.latest("action_time").get_change_message()


def test_choices_of_a_live_quiz_change_only_in_its_draft(editor_client, editor):
    quiz = QuizFactory()
    question = question_with_choices(quiz)
    assert not Choice.objects.filter(question__quiz__drafts__isnull=False).exists()
    drafts.start_draft(quiz, editor)
    copy = quiz.drafts.get().questions.get()
    assert copy.origin == question and copy.choices.count() == question.choices.count()
    url = reverse("admin:quizzes_question_change", args=[question.pk])
    assert editor_client.get(url).status_code == 200  # read-only view
    assert editor_client.post(url, {"prompt": "Changed?"}).status_code == 403


def test_a_mail_server_that_is_down_never_blocks_or_undoes_a_review_step(editor, reviewer, settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1  # nothing listens
    reviewer.email = editor.email = "staff@clinic.example"
    reviewer.save()
    editor.save()
    draft = drafts.start_draft(PageFactory(title="Old"), editor)
    Page.objects.filter(pk=draft.pk).update(title="New")
    drafts.submit(draft, editor)
    live = drafts.approve(draft, reviewer)
    assert live.title == "New"
    assert "could not send" in caplog.text

"""Whoever changed anything in a draft may not approve it, however they changed it.

A reviewer changes one thing in a draft through the admin as a browser
would (a field, a row added, changed, removed or moved in or out, a
picture, a choice, a many-to-many pick, "replace with an old version"), an
Editor submits it, and the reviewer's own approval is refused; another
reviewer's goes through. Each kind of change is tried on an English item and
on a translation (which writes only its translated words).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.test import Client
from django.urls import reverse

from condition import contributors, drafts
from condition.drafts import Revision, WorkflowError
from condition.models import Page, Section, SectionImage, SuggestedQuestion
from condition.shipped import PICTURES as PICTURE_FOLDER
from quizzes.models import Choice, Question, Quiz
from tests.condition.test_write_paths import SPECS, browser_form, resolved, working_copy
from tests.conftest import verified_login
from tests.factories import PageFactory, QuizFactory, SectionFactory, question_with_choices, translate

pytestmark = pytest.mark.django_db


def picture_file(name="reviewer.png"):
    return SimpleUploadedFile(name, (PICTURE_FOLDER / "care-for-oms.png").read_bytes(), content_type="image/png")


def change_url(row):
    opts = row._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])


def delete_url(row):
    opts = row._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[row.pk])


def form_of(superuser_client, row, model=None):
    """The change form's fields as a browser sends them (a multiple select sends only what is picked)."""
    data = browser_form(superuser_client, change_url(row), model or type(row))
    if isinstance(row, Page):
        data["related_pages"] = [str(pk) for pk in row.related_pages.values_list("pk", flat=True)]
    return data


def post_form(client, row, superuser_client, **changes):
    """The row's change form as the browser shows it, with `changes`, posted by `client`."""
    url = change_url(row)
    data = {**form_of(superuser_client, row), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def add_row(data, prefix, **fields):
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": value for name, value in fields.items()})
    return data


@pytest.fixture
def people(editor, reviewer, admin_user, settings):
    settings.OMS_ALLOW_SELF_APPROVAL = True  # the translations below are set up by one person
    return {
        "editor": editor,
        "reviewer": reviewer,
        "superuser": verified_login(Client(), admin_user),
        "reviewer_client": verified_login(Client(), reviewer),
        "other_reviewer": admin_user,
    }


def live_page(people, language):
    page = PageFactory(title="Fever")
    first = SectionFactory(page=page, heading="When to call", anchor="when-to-call", body="Call the clinic.")
    SectionFactory(page=page, heading="At home", anchor="at-home", body="Rest.")
    with (PICTURE_FOLDER / "care-for-oms.png").open("rb") as handle:
        from django.core.files import File

        SectionImage.objects.create(section=first, alt="A thermometer", image=File(handle, name="fever.png"))
    SuggestedQuestion.objects.create(page=page, text="When do we call?", order=1)
    Revision.record(page, Revision.Action.APPROVED, people["other_reviewer"])
    if language == "en":
        return page

    def words(draft):
        draft.title = "Fiebre"
        draft.save()
        for section in draft.sections.all():
            section.body = "Llame a la clínica."
            section.save()

    return translate(page, people["other_reviewer"], change=words)


def live_quiz(language, people):
    quiz = QuizFactory(title="Fever quiz")
    question_with_choices(quiz, right="Call", wrong=("Wait", "Ignore"))
    question_with_choices(quiz, right="Rest", wrong=("Run", "Swim"))
    Revision.record(quiz, Revision.Action.APPROVED, people["other_reviewer"])
    if language == "en":
        return quiz
    return translate(quiz, people["other_reviewer"])


def refused_then_approved(people, draft, live):
    """The Editor submits; the reviewer who changed it is refused; another reviewer approves."""
    drafts.submit(draft, people["editor"])
    with pytest.raises(WorkflowError, match="You edited this draft"):
        drafts.approve(draft, people["reviewer"])
    assert type(draft).objects.get(pk=draft.pk).status == draft.Status.REVIEW
    drafts.approve(draft, people["other_reviewer"])
    live.refresh_from_db()
    return live


# --- a page, its sections, pictures and questions for the care team -----------------------------


def page_title(c, draft, other, sup):
    post_form(c, draft, sup, title="Fever (changed)" if draft.language == "en" else "Fiebre (cambiado)")


def section_changed(c, draft, other, sup):
    post_form(c, draft, sup, **{"sections-0-body": "The reviewer's words."})


def section_changed_on_its_own_page(c, draft, other, sup):
    post_form(c, draft.sections.first(), sup, body="The reviewer's words.")


def section_removed_in_the_page_form(c, draft, other, sup):
    post_form(c, draft, sup, **{"sections-1-DELETE": "on"})


def section_deleted(c, draft, other, sup):
    assert c.post(delete_url(draft.sections.last()), {"post": "yes"}).status_code == 302


def section_added(c, draft, other, sup):
    data = form_of(sup, draft)
    add_row(data, "sections", heading="New part", anchor="new-part", body="New words.", order=9)
    assert c.post(change_url(draft), data).status_code == 302


def section_moved_out(c, draft, other, sup):
    post_form(c, draft.sections.last(), sup, page=other.pk)


def section_moved_in(c, draft, other, sup):
    post_form(c, other.sections.get(), sup, page=draft.pk)


def related_topic_picked(c, draft, other, sup):
    picked = PageFactory(title="Another live topic")
    data = form_of(sup, draft)
    data["related_pages"] = [picked.pk]
    assert c.post(change_url(draft), data).status_code == 302


def picture_added(c, draft, other, sup):
    section = draft.sections.last()
    data = add_row(browser_form(sup, change_url(section), Section), "images", alt="A new picture", order=2)
    index = int(data["images-TOTAL_FORMS"]) - 1
    data[f"images-{index}-image"] = picture_file()
    assert c.post(change_url(section), data).status_code == 302


def picture_replaced(c, draft, other, sup):
    picture = SectionImage.objects.get(section__page=draft)
    data = browser_form(sup, change_url(picture), SectionImage)
    data["image"] = picture_file("other.png")
    assert c.post(change_url(picture), data).status_code == 302


def picture_words_changed(c, draft, other, sup):
    post_form(c, SectionImage.objects.get(section__page=draft), sup, alt="A wrong description")


def picture_removed(c, draft, other, sup):
    assert c.post(delete_url(SectionImage.objects.get(section__page=draft)), {"post": "yes"}).status_code == 302


def care_team_question_changed(c, draft, other, sup):
    post_form(c, draft, sup, **{"suggested_questions-0-text": "The reviewer's question?"})


def care_team_question_removed(c, draft, other, sup):
    post_form(c, draft, sup, **{"suggested_questions-0-DELETE": "on"})


def care_team_question_added(c, draft, other, sup):
    data = add_row(form_of(sup, draft), "suggested_questions", text="A new one?", order=5)
    assert c.post(change_url(draft), data).status_code == 302


def old_version_restored(c, draft, other, sup):
    live = draft.draft_of
    revision = Revision.of(live).filter(action="approved").first()
    opts = live._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_workflow", args=[live.pk, "restore"])
    assert c.post(url, {"revision": revision.pk}).status_code == 302


PAGE_CHANGES = [
    page_title,
    section_changed,
    section_changed_on_its_own_page,
    picture_words_changed,
    care_team_question_changed,
    old_version_restored,
]
# A translation's rows follow the original's: none is added, removed, moved or re-pictured there.
ENGLISH_PAGE_CHANGES = [
    section_removed_in_the_page_form,
    section_deleted,
    section_added,
    section_moved_out,
    section_moved_in,
    related_topic_picked,
    picture_added,
    picture_replaced,
    picture_removed,
    care_team_question_removed,
    care_team_question_added,
]


def in_both_languages(changes, english_only):
    """(change, language) cases: a translation writes only its words, so row changes are English only."""
    return pytest.mark.parametrize(
        ("change", "language"),
        [(change, "en") for change in changes + english_only] + [(change, "es") for change in changes],
        ids=lambda value: getattr(value, "__name__", value),
    )


def changed_by_the_reviewer(people, live, other, change, *, restore):
    """The reviewer makes `change` in the Editor's draft of `live`; the Editor submits it; the reviewer's
    own approval is refused and another reviewer's goes through."""
    draft = drafts.start_draft(live, people["editor"])
    before = drafts.fingerprint(draft)
    change(people["reviewer_client"], draft, other, people["superuser"])
    draft = type(draft).objects.get(pk=draft.pk)
    assert drafts.fingerprint(draft) != before or change is restore, "the change changed nothing"
    assert people["reviewer"].pk in contributors.users_who_changed(draft)
    refused_then_approved(people, draft, live)


@in_both_languages(PAGE_CHANGES, ENGLISH_PAGE_CHANGES)
def test_a_reviewer_who_changed_a_page_draft_may_not_approve_it(people, settings, change, language):
    live = live_page(people, language)
    settings.OMS_ALLOW_SELF_APPROVAL = False
    other = PageFactory(title="Another draft", status=Page.Status.DRAFT)
    SectionFactory(page=other, heading="Elsewhere", anchor="elsewhere", body="Other words.")
    changed_by_the_reviewer(people, live, other, change, restore=old_version_restored)
    if change in (section_moved_out, section_moved_in):  # the other draft was changed too
        assert people["reviewer"].pk in contributors.users_who_changed(other)


# --- a quiz, its questions and their choices ---------------------------------------------------


def quiz_title(c, draft, other, sup):
    post_form(c, draft, sup, title="Changed quiz" if draft.language == "en" else "Cuestionario cambiado")


def question_prompt(c, draft, other, sup):
    post_form(c, draft.questions.first(), sup, prompt="The reviewer's question?")


def choice_text(c, draft, other, sup):
    post_form(c, draft.questions.first(), sup, **{"choices-1-text": "The reviewer's answer"})


def right_answer_moved(c, draft, other, sup):
    question = draft.questions.first()
    rows = list(question.choices.all())
    right = next(index for index, choice in enumerate(rows) if choice.is_correct)
    wrong = next(index for index, choice in enumerate(rows) if not choice.is_correct)
    data = browser_form(sup, change_url(question), Question)
    data.pop(f"choices-{right}-is_correct")
    data[f"choices-{wrong}-is_correct"] = "on"
    assert c.post(change_url(question), data).status_code == 302


def choice_added(c, draft, other, sup):
    question = draft.questions.first()
    data = browser_form(sup, change_url(question), Question)
    extra = question.choices.count()  # the first blank extra row
    data.update({f"choices-{extra}-text": "A new answer", f"choices-{extra}-order": "9"})
    assert c.post(change_url(question), data).status_code == 302


def choice_removed(c, draft, other, sup):
    question = draft.questions.first()
    wrong = next(index for index, choice in enumerate(question.choices.all()) if not choice.is_correct)
    post_form(c, question, sup, **{f"choices-{wrong}-DELETE": "on"})


def question_deleted(c, draft, other, sup):
    assert c.post(delete_url(draft.questions.last()), {"post": "yes"}).status_code == 302


def question_deleted_from_the_list(c, draft, other, sup):
    url = reverse("admin:quizzes_question_changelist")
    data = {"action": "delete_selected", "_selected_action": [draft.questions.last().pk], "post": "yes"}
    assert c.post(url, data).status_code == 302


def question_moved_out(c, draft, other, sup):
    post_form(c, draft.questions.last(), sup, quiz=other.pk)


def question_added(c, draft, other, sup):
    url = reverse("admin:quizzes_question_add")
    data = {
        **browser_form(sup, url, Question),
        "quiz": draft.pk,
        "prompt": "A new question?",
        "explanation": "Because.",
        "order": "9",
        "choices-0-text": "Right",
        "choices-0-is_correct": "on",
        "choices-1-text": "Wrong",
    }
    assert c.post(url, data).status_code == 302


def quiz_version_restored(c, draft, other, sup):
    old_version_restored(c, draft, other, sup)


QUIZ_CHANGES = [quiz_title, question_prompt, choice_text, quiz_version_restored]
ENGLISH_QUIZ_CHANGES = [
    right_answer_moved,
    choice_added,
    choice_removed,
    question_deleted,
    question_deleted_from_the_list,
    question_moved_out,
    question_added,
]


@in_both_languages(QUIZ_CHANGES, ENGLISH_QUIZ_CHANGES)
def test_a_reviewer_who_changed_a_quiz_draft_may_not_approve_it(people, settings, change, language):
    live = live_quiz(language, people)
    settings.OMS_ALLOW_SELF_APPROVAL = False
    other = QuizFactory(title="Another draft quiz", status=Quiz.Status.DRAFT)
    changed_by_the_reviewer(people, live, other, change, restore=quiz_version_restored)


# --- what is not a change ------------------------------------------------------------------------


def test_starting_opening_and_saving_a_draft_unchanged_is_no_change(people, settings):
    settings.OMS_ALLOW_SELF_APPROVAL = False
    live = live_page(people, "en")
    client = people["reviewer_client"]
    client.post(reverse("admin:condition_page_workflow", args=[live.pk, "draft"]))
    draft = live.drafts.get()
    post_form(client, draft, people["superuser"])  # "Save" with nothing changed
    assert contributors.users_who_changed(draft) == set()
    drafts.submit(draft, people["editor"])
    drafts.approve(draft, people["reviewer"])  # the reviewer changed nothing: they may approve


def test_the_record_starts_again_once_the_item_is_live(people, settings):
    settings.OMS_ALLOW_SELF_APPROVAL = False
    page = PageFactory(title="New topic", status=Page.Status.DRAFT)
    SectionFactory(page=page, body="Draft words.")
    post_form(people["reviewer_client"], page, people["superuser"], title="New topic (reviewer)")
    drafts.submit(page, people["editor"])
    drafts.approve(page, people["other_reviewer"])
    assert contributors.users_who_changed(page) == set()


def test_a_deleted_draft_leaves_no_record(people):
    page = PageFactory(title="Discarded", status=Page.Status.DRAFT)
    post_form(people["reviewer_client"], page, people["superuser"], title="Discarded (reviewer)")
    pk = page.pk
    page.delete()
    assert not contributors.Contributor.objects.filter(object_id=pk).exists()


# --- every write path: the admin's own URLs and the models ----------------------------------------

EDIT_CASES = [(label, index) for label, spec in SPECS.items() for index in range(len(spec.edits))]


@pytest.mark.parametrize(("label", "index"), EDIT_CASES, ids=str)
def test_every_admin_edit_a_reviewer_makes_blocks_their_own_approval(oms_content, people, settings, label, index):
    """The edits tests/condition/test_write_paths.py sends to a draft through each admin change form."""
    settings.OMS_ALLOW_SELF_APPROVAL = False
    draft_row = working_copy(SPECS[label].target(), people["editor"])
    url = change_url(draft_row)
    data = {**form_of(people["superuser"], draft_row), **resolved(SPECS[label].edits[index])}
    assert people["reviewer_client"].post(url, data).status_code == 302
    draft = drafts.owning_item(type(draft_row).objects.get(pk=draft_row.pk))
    drafts.submit(draft, people["editor"])
    with pytest.raises(WorkflowError, match="You edited this draft"):
        drafts.approve(draft, people["reviewer"])


def test_every_content_model_and_pick_is_recorded_whichever_code_writes_it():
    """The record hangs on the model signals, so writes by any view (a library's too) count."""

    def ours(signal, sender, prefix):
        return any(str(entry[0][0]).startswith(prefix) and entry[0][1] == id(sender) for entry in signal.receivers)

    missing = []
    for model in drafts.content_models():
        for signal in (pre_save, post_save, pre_delete):
            if not ours(signal, model, "contributors-"):
                missing.append(f"{model._meta.label} {signal}")
        for field in model._meta.many_to_many:
            if not ours(m2m_changed, field.remote_field.through, "contributors-m2m"):
                missing.append(f"{model._meta.label}.{field.name}")
    assert not missing
    assert {Page, Section, SectionImage, SuggestedQuestion, Quiz, Question, Choice} <= set(drafts.content_models())

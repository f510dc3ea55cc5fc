"""A hostile Editor against translations: a clinician approved every word a family reads,
and only the translator's words differ from the original."""

import pytest
from django.urls import reverse

from condition import drafts, translations
from condition.models import CareAdvice, Page, Section
from tests.condition.test_write_paths import browser_form
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def care_box(key, title, urgency, action):
    return CareAdvice.objects.create(
        key=key,
        title=title,
        urgency=urgency,
        look_for="- What to look for",
        action=action,
        status=CareAdvice.Status.PUBLISHED,
    )


def approve(draft, editor, reviewer):
    drafts.submit(draft, editor)
    return drafts.approve(draft, reviewer)


@pytest.fixture
def page_with_care_box(db):
    """A live English page: a text section, then the emergency care box."""
    emergency = care_box("fits", "A fit that does not stop", CareAdvice.Urgency.EMERGENCY, "Call the emergency number.")
    page = PageFactory(title="Fits", slug="fits")
    SectionFactory(page=page, heading="About fits", body="Fits are rare.", anchor="about", order=1)
    SectionFactory(page=page, heading="", body="", care_advice=emergency, anchor="fits-box", order=2)
    return page


def test_a_translators_section_page_cannot_swap_the_care_box_families_see(
    editor_client, editor, reviewer, page_with_care_box
):
    mild = care_box("rash", "A mild rash", CareAdvice.Urgency.SOON, "Mention it at the next visit.")
    spanish = translations.start_translation(page_with_care_box, "es", editor)
    box = spanish.sections.get(care_advice__isnull=False)
    url = reverse("admin:condition_section_change", args=[box.pk])
    form = browser_form(editor_client, url, Section)

    editor_client.post(url, {**form, "care_advice": mild.pk, "anchor": "elsewhere", "order": 99})
    live = approve(spanish, editor, reviewer)

    box = live.sections.get(care_advice__isnull=False)
    assert (box.care_advice.key, box.anchor, box.order) == ("fits", "fits-box", 2)


def test_a_translators_question_page_cannot_move_the_question_or_change_the_right_answer(
    editor_client, editor, reviewer
):
    from quizzes.models import Choice, Question
    from tests.factories import QuizFactory

    page = PageFactory(title="Fits")
    about = SectionFactory(page=page, anchor="about", order=1)
    other = SectionFactory(page=page, anchor="other", order=2)
    quiz = QuizFactory()
    question = Question.objects.create(quiz=quiz, prompt="Who to call?", section=about, order=1)
    Choice.objects.create(question=question, text="The clinic", is_correct=True, order=1)
    Choice.objects.create(question=question, text="Nobody", is_correct=False, order=2)
    spanish = translations.start_translation(quiz, "es", editor)
    translated = spanish.questions.get()
    url = reverse("admin:quizzes_question_change", args=[translated.pk])
    form = browser_form(editor_client, url, Question)

    editor_client.post(url, {**form, "section": other.pk, "order": 7, "choices-0-is_correct": ""})
    live = approve(spanish, editor, reviewer)

    translated = live.questions.get()
    assert (translated.section_id, translated.order) == (about.pk, 1)
    assert [c.is_correct for c in translated.choices.order_by("order")] == [True, False]


def test_a_translations_rows_cannot_be_deleted_in_the_admin(editor_client, editor, page_with_care_box):
    spanish = translations.start_translation(page_with_care_box, "es", editor)
    url = reverse("admin:condition_page_change", args=[spanish.pk])
    form = browser_form(editor_client, url, Page)
    assert not any(name.endswith("-DELETE") for name in form)

    box = spanish.sections.get(care_advice__isnull=False)
    index = next(name.split("-")[1] for name, value in form.items() if name.endswith("-id") and value == str(box.pk))
    editor_client.post(url, {**form, f"sections-{index}-DELETE": "on"})

    assert spanish.sections.filter(pk=box.pk).exists()


def test_an_out_of_date_spanish_page_shows_the_english_pages_current_care_boxes(
    client, editor, reviewer, page_with_care_box
):
    """The English page now sends families to a new, more urgent care box: the Spanish page must too."""
    page = page_with_care_box
    drafts.approve(_submitted(drafts.start_draft(page, editor), editor), reviewer)  # on record
    spanish = translations.start_translation(page, "es", editor)
    spanish.title = "Convulsiones"
    spanish.save()
    approve(spanish, editor, reviewer)

    fever = care_box("fever", "Fever during treatment", CareAdvice.Urgency.URGENT, "Call the clinic now.")
    english = drafts.start_draft(page, editor)
    english.sections.filter(care_advice__isnull=False).update(care_advice=fever)
    approve(english, editor, reviewer)

    for address in (f"/es/topics/{page.slug}/", f"/es/topics/{page.slug}/handout/"):
        html = client.get(address).content.decode()
        assert "Convulsiones" in html, address  # still the Spanish page, marked out of date
        assert "Fever during treatment" in html and "Call the clinic now." in html, address
        assert "A fit that does not stop" not in html, address


def _submitted(draft, editor):
    drafts.submit(draft, editor)
    return draft


@pytest.fixture
def quiz_with_answer(db):
    from quizzes.models import Choice, Question
    from tests.factories import QuizFactory

    quiz = QuizFactory(slug="check")
    question = Question.objects.create(quiz=quiz, prompt="A fit lasts 5 minutes. What now?", order=1)
    Choice.objects.create(question=question, text="Wait and see", is_correct=True, order=1)
    Choice.objects.create(question=question, text="Call the emergency number", is_correct=False, order=2)
    return quiz


def _right_answer_fixed(quiz, editor, reviewer):
    """The English quiz had the wrong right answer: a clinician fixes it."""
    english = drafts.start_draft(quiz, editor)
    choices = english.questions.get().choices
    choices.update(is_correct=False)
    choices.filter(order=2).update(is_correct=True)
    approve(english, editor, reviewer)


def test_updating_a_translation_takes_the_right_answer_the_original_has_now(editor, reviewer, quiz_with_answer):
    quiz = quiz_with_answer
    approve(drafts.start_draft(quiz, editor), editor, reviewer)  # on record
    spanish = translations.start_translation(quiz, "es", editor)
    approve(spanish, editor, reviewer)
    _right_answer_fixed(quiz, editor, reviewer)

    update = translations.start_translation(quiz, "es", editor)  # the translator brings it up to date
    assert [c.is_correct for c in update.questions.get().choices.order_by("order")] == [False, True]
    live = approve(update, editor, reviewer)

    choices = live.questions.get().choices.order_by("order")
    assert [choice.is_correct for choice in choices] == [False, True]


def test_a_spanish_quiz_whose_right_answer_the_english_has_since_fixed_is_not_scored_on_the_old_answer(
    client, editor, reviewer, quiz_with_answer
):
    from quizzes.models import Attempt

    quiz = quiz_with_answer
    approve(drafts.start_draft(quiz, editor), editor, reviewer)  # on record
    spanish = translations.start_translation(quiz, "es", editor)
    spanish.title = "Compruebe lo que sabe"
    spanish.save()
    spanish.questions.update(prompt="Una convulsión dura 5 minutos. ¿Y ahora?")
    approve(spanish, editor, reviewer)
    _right_answer_fixed(quiz, editor, reviewer)

    html = client.get("/es/quiz/check/").content.decode()
    assert "Una convulsión dura 5 minutos" not in html and "A fit lasts 5 minutes" in html

    question = quiz.questions.get()
    right = question.choices.get(is_correct=True)
    response = client.post(
        "/es/quiz/check/", {"seed": "0", f"question_{question.pk}": right.pk}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    attempt = Attempt.objects.get()
    assert attempt.quiz_id == quiz.pk and attempt.score_percent == 100


def test_a_spanish_quiz_still_in_step_with_the_english_is_shown_in_spanish(client, editor, reviewer, quiz_with_answer):
    quiz = quiz_with_answer
    approve(drafts.start_draft(quiz, editor), editor, reviewer)  # on record
    spanish = translations.start_translation(quiz, "es", editor)
    spanish.questions.update(prompt="Una convulsión dura 5 minutos. ¿Y ahora?")
    approve(spanish, editor, reviewer)
    english = drafts.start_draft(quiz, editor)
    english.intro = "A new introduction."  # out of date, but every answer is the same
    approve(english, editor, reviewer)

    assert "Una convulsión dura 5 minutos" in client.get("/es/quiz/check/").content.decode()


def test_a_translators_picture_page_writes_only_the_alt_text_and_caption(editor_client, editor):
    from django.core.files import File

    from condition.section_images import SectionImage
    from condition.shipped import PICTURES as PICTURE_FOLDER

    page = PageFactory(slug="fits")
    first, other = SectionFactory(page=page, order=1), SectionFactory(page=page, order=2)
    with (PICTURE_FOLDER / "care-for-oms.png").open("rb") as handle:
        SectionImage(section=first, alt="A picture", image=File(handle, name="p.png"), order=1).save()
    spanish = translations.start_translation(page, "es", editor)
    picture = SectionImage.objects.get(section__page=spanish)
    before = (picture.section_id, picture.image.name, picture.order)
    other_spanish = spanish.sections.get(origin=other)
    url = reverse("admin:condition_sectionimage_change", args=[picture.pk])
    form = browser_form(editor_client, url, SectionImage)

    response = editor_client.post(url, {**form, "alt": "Una imagen", "order": 99, "section": other_spanish.pk})

    assert response.status_code == 302
    picture.refresh_from_db()
    assert picture.alt == "Una imagen"
    assert (picture.section_id, picture.image.name, picture.order) == before


def test_a_picture_cannot_be_moved_into_a_translations_section(editor_client, editor):
    from django.core.files import File

    from condition.section_images import SectionImage
    from condition.shipped import PICTURES as PICTURE_FOLDER

    page = PageFactory(slug="fits")
    SectionFactory(page=page, order=1)
    spanish = translations.start_translation(page, "es", editor)
    english_draft = PageFactory(slug="other", status=Page.Status.DRAFT)
    with (PICTURE_FOLDER / "care-for-oms.png").open("rb") as handle:
        picture = SectionImage(
            section=SectionFactory(page=english_draft), alt="A picture", image=File(handle, name="p.png")
        )
        picture.save()
    url = reverse("admin:condition_sectionimage_change", args=[picture.pk])
    spanish_section = spanish.sections.get()

    editor_client.post(url, {**browser_form(editor_client, url, SectionImage), "section": spanish_section.pk})

    assert not spanish_section.images.exists()


def test_a_translation_waiting_for_review_cannot_go_live_while_its_original_is_taken_down(
    client, editor, reviewer, page_with_care_box
):
    from condition.drafts import WorkflowError

    page = page_with_care_box
    spanish = translations.start_translation(page, "es", editor)
    spanish.title = "Convulsiones"
    spanish.save()
    live = approve(spanish, editor, reviewer)
    update = translations.start_translation(page, "es", editor)
    drafts.submit(update, editor)
    drafts.take_down(page, reviewer, "Wrong advice.")

    with pytest.raises(WorkflowError, match="has been taken down: nothing went live"):
        drafts.approve(update, reviewer)

    live.refresh_from_db()
    assert not live.is_live
    assert client.get(f"/es/topics/{page.slug}/").status_code == 404


def test_answers_from_the_other_languages_quiz_are_a_form_error_and_nothing_is_stored(
    client, editor, reviewer, quiz_with_answer
):
    from quizzes.models import Attempt

    quiz = quiz_with_answer
    spanish = translations.start_translation(quiz, "es", editor)
    approve(spanish, editor, reviewer)
    english_question, spanish_question = quiz.questions.get(), spanish.questions.get()
    english_right = english_question.choices.get(is_correct=True)
    spanish_right = spanish_question.choices.get(is_correct=True)

    mixed = [
        ("/es/quiz/check/", {f"question_{spanish_question.pk}": english_right.pk}),
        ("/es/quiz/check/", {f"question_{english_question.pk}": english_right.pk}),
        ("/quiz/check/", {f"question_{english_question.pk}": spanish_right.pk}),
        ("/quiz/check/", {f"question_{spanish_question.pk}": spanish_right.pk}),
    ]
    for address, answers in mixed:
        response = client.post(address, {"seed": "0", **answers}, HTTP_ORIGIN="http://testserver")
        assert response.status_code == 400, address
    assert not Attempt.objects.exists()

"""load_oms_content: creates what is missing, never overwrites or re-creates, and takes corrections only when asked."""

from io import StringIO

import pytest
from django.core.management import call_command

from condition import shipped
from condition.models import CareAdvice, GlossaryTerm, LoadedContent, Page, Section
from quizzes.models import Answer, Question, Quiz

PAGES = shipped.content("en").pages

pytestmark = pytest.mark.django_db


def load(*args):
    out = StringIO()
    call_command("load_oms_content", *args, stdout=out)
    return out.getvalue()


def test_first_load_creates_everything_and_remembers_it():
    out = load()
    assert "created  page symptoms" in out
    assert "created  care advice fever" in out
    assert Page.objects.live().count() == len(PAGES)
    assert LoadedContent.objects.filter(kind="page").count() == len(PAGES)


def test_loading_again_never_overwrites_staff_edits(oms_content):
    page = Page.objects.get(translation_of=None, slug="symptoms")
    page.title = "Symptoms (edited by staff)"
    page.save()
    GlossaryTerm.objects.filter(translation_of=None, slug="ataxia").update(definition="Staff definition.")
    out = load()
    assert "created" not in out
    assert "kept     page symptoms" in out
    page.refresh_from_db()
    assert page.title == "Symptoms (edited by staff)"
    assert GlossaryTerm.objects.get(translation_of=None, slug="ataxia").definition == "Staff definition."


def test_loading_again_never_recreates_what_staff_deleted(oms_content):
    Page.objects.get(translation_of=None, slug="outlook").delete()
    GlossaryTerm.objects.get(translation_of=None, slug="ataxia").delete()
    out = load()
    assert "deleted  page outlook (staff deleted it; not re-created)" in out
    assert not Page.objects.filter(translation_of=None, slug="outlook").exists()
    assert not GlossaryTerm.objects.filter(translation_of=None, slug="ataxia").exists()


def test_update_shows_the_difference_and_changes_nothing(oms_content):
    LoadedContent.objects.filter(kind="glossary term", key="ataxia").delete()
    GlossaryTerm.objects.filter(translation_of=None, slug="ataxia").update(definition="An old definition.")
    before = GlossaryTerm.objects.get(translation_of=None, slug="ataxia").definition
    out = load("--update")
    assert "differs  glossary term ataxia (edited by staff since it was loaded)" in out
    assert '- "definition": "An old definition."' in out
    assert "--update --apply" in out
    assert GlossaryTerm.objects.get(translation_of=None, slug="ataxia").definition == before


def approve_submitted(reviewer):
    """A clinical reviewer approves every draft the update submitted."""
    from condition import drafts

    for model in drafts.content_models():
        if issubclass(model, drafts.Content):
            for draft in model.objects.waiting_for_review():
                drafts.approve(draft, reviewer)


def test_update_apply_submits_corrections_for_items_left_as_loaded_as_drafts_for_review(oms_content, reviewer):
    """A clinic on an older default: the shipped text changed, staff did not touch it."""
    advice = CareAdvice.objects.get(translation_of=None, key="fever")
    old_text = "Call the clinic the same day if your child has a fever."
    advice.action = old_text
    advice.save()
    LoadedContent.objects.filter(kind="care advice", key="fever").update(
        fingerprint=_fingerprint_of_current("care advice", "fever")
    )
    out = load("--update", "--apply")
    assert "review   care advice fever" in out
    advice.refresh_from_db()
    assert advice.action == old_text  # families keep the approved words until a reviewer approves
    assert advice.drafts.get().status == CareAdvice.Status.REVIEW
    assert "a draft of it open" in load("--update", "--apply")
    approve_submitted(reviewer)
    advice.refresh_from_db()
    assert advice.action != old_text


def test_update_apply_leaves_staff_edits_unless_told_to_overwrite(oms_content, reviewer):
    page = Page.objects.get(translation_of=None, slug="symptoms")
    page.summary = "Staff summary."
    page.save()
    out = load("--update", "--apply")
    assert "differs  page symptoms (edited by staff since it was loaded)" in out
    assert Page.objects.get(translation_of=None, slug="symptoms").summary == "Staff summary."
    out = load("--update", "--apply", "--overwrite-edited")
    assert "review   page symptoms" in out
    approve_submitted(reviewer)
    assert Page.objects.get(translation_of=None, slug="symptoms").summary != "Staff summary."


def test_updating_a_page_keeps_section_ids_so_quiz_links_survive(oms_content, reviewer):
    page = Page.objects.get(translation_of=None, slug="symptoms")
    section_ids = dict(page.sections.values_list("anchor", "pk"))
    first = page.sections.exclude(care_advice__isnull=False).first()
    first.body = "Staff wording."
    first.save()
    page.record_review(reviewer_name="Dr A. Lee")
    page.save()
    load("--update", "--apply", "--overwrite-edited")
    approve_submitted(reviewer)
    assert dict(page.sections.values_list("anchor", "pk")) == section_ids
    assert Section.objects.get(pk=first.pk).body != "Staff wording."
    page.refresh_from_db()
    # Approving new words is not a clinical review: the review dates are their own act.
    assert page.is_clinically_reviewed


def test_updating_the_quiz_keeps_past_results_wording(oms_content, client, reviewer):
    quiz = Quiz.objects.get(translation_of=None)
    question = quiz.questions.first()
    question.prompt = "An old prompt?"
    question.save()
    from quizzes.models import attempt_submit

    answers = [(q, q.choices.all()[0]) for q in quiz.questions.prefetch_related("choices")]
    attempt_submit(quiz=quiz, answers=answers)
    load("--update", "--apply", "--overwrite-edited")
    approve_submitted(reviewer)
    assert not Question.objects.filter(prompt="An old prompt?").exists()
    assert Answer.objects.filter(question_text="An old prompt?").exists()


def test_apply_without_update_is_refused():
    with pytest.raises(SystemExit):
        call_command("load_oms_content", "--apply", stdout=StringIO(), stderr=StringIO())


def _fingerprint_of_current(kind, key):
    from condition import defaults

    entry = next(p for p in defaults.plan() if p.item.kind == kind and p.item.key == key)
    return defaults.fingerprint(entry.current)


def test_a_page_never_places_advice_that_differs_from_the_shipped_text(oms_content):
    """An Editor re-creates shipped advice under its key: no page update may put those words live."""
    advice = CareAdvice.objects.get(translation_of=None, key="fever")
    page = advice.placements.first().page
    advice.placements.all().delete()
    advice.delete()
    CareAdvice.objects.create(
        status="published", key="fever", title="Fever", urgency=3, look_for="- x", action="WAIT A WEEK."
    )
    # A release that places the advice on a page staff left as loaded:
    LoadedContent.objects.filter(kind="page", key=page.slug).update(
        fingerprint=_fingerprint_of_current("page", page.slug)
    )
    out = load("--update", "--apply")
    assert f"blocked  page {page.slug}: care advice fever is missing or differs from the shipped text" in out
    assert not Section.objects.filter(care_advice__action="WAIT A WEEK.").exists()


def test_a_missing_care_record_blocks_only_the_pages_that_place_it(oms_content):
    advice = CareAdvice.objects.get(translation_of=None, key="ivig-headache")
    slugs = set(advice.placements.values_list("page__slug", flat=True))
    for section in advice.placements.all():
        section.delete()
    advice.delete()
    LoadedContent.objects.filter(kind="care advice", key="ivig-headache").delete()
    CareAdvice.objects.create(
        status="published", key="ivig-headache", title="Edited", urgency=3, look_for="- x", action="y"
    )
    for slug in slugs:
        LoadedContent.objects.filter(kind="page", key=slug).update(fingerprint=_fingerprint_of_current("page", slug))
    out = load("--update", "--apply")
    for slug in slugs:
        assert f"blocked  page {slug}" in out
    assert "same     page symptoms" in out
    assert (
        CareAdvice.objects.get(translation_of=None, key="ivig-headache").action == "y"
    )  # staff's record is left alone

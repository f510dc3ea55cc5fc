"""The shipped text is an approved version from the start, so staff can always put it back."""

import pytest
from django.test import Client
from django.urls import reverse

from condition import drafts, translations
from condition.drafts import DEFAULT_CONTENT, Revision
from condition.models import CareAdvice, GlossaryTerm, Page, Source
from quizzes.models import Quiz
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db


def words(data):
    """A version's text without row ids (a restored row may be a new row)."""
    if isinstance(data, dict):
        return {name: words(value) for name, value in data.items() if name not in ("id", "origin", "updated_at")}
    if isinstance(data, list):
        return [words(value) for value in data]
    return data


def _page(language):
    return Page.objects.live(language).get(slug="symptoms")


def _change_page(draft):
    draft.title += " (changed)"
    draft.save()
    section = draft.sections.filter(care_advice=None).first()
    section.body = "Changed words."
    section.save()


def _change_field(name):
    def change(draft):
        setattr(draft, name, getattr(draft, name) + " (changed)")
        draft.save()

    return change


def _change_question(draft):
    question = draft.questions.first()
    question.prompt += " (changed)"
    question.save()


ITEMS = {
    "a page with its sections": (lambda language: _page(language), _change_page),
    "a care box": (lambda language: CareAdvice.objects.live(language).get(key="fever"), _change_field("action")),
    "a glossary term": (lambda language: GlossaryTerm.objects.live(language).first(), _change_field("definition")),
    "a source": (lambda language: Source.objects.live().first(), _change_field("citation")),
    "a quiz question": (lambda language: Quiz.objects.live(language).get(slug="oms-basics"), _change_question),
}
CASES = [(name, "en") for name in ITEMS] + [(name, "es") for name in ITEMS if name != "a source"]


@pytest.mark.parametrize(("name", "language"), CASES, ids=str)
def test_the_default_content_can_be_put_back_after_an_approved_change(
    oms_content, editor, reviewer, admin_user, name, language
):
    find, change = ITEMS[name]
    live = find(language)
    shipped = Revision.of(live).get()
    assert shipped.action == Revision.Action.APPROVED and shipped.author == DEFAULT_CONTENT
    assert shipped.reviewer is None and shipped.created_at is not None
    assert words(shipped.data) == words(drafts.snapshot(live))
    if language != "en":  # a shipped translation says which English version it was made from
        assert live.made_from == Revision.of(live.translation_of).get()
        assert not translations.is_out_of_date(translations.with_original_version(type(live).objects).get(pk=live.pk))

    # An approved change, then the shipped version put back through a draft and review.
    draft = drafts.start_draft(live, editor)
    change(draft)
    drafts.submit(draft, editor)
    drafts.approve(draft, admin_user)
    live.refresh_from_db()
    assert words(drafts.snapshot(live)) != words(shipped.data)

    opts = live._meta
    staff = verified_login(Client(), reviewer)
    form = staff.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[live.pk])).content.decode()
    assert "Approved versions" in form and DEFAULT_CONTENT in form and "Start a draft from this version" in form
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_workflow", args=[live.pk, "restore"])
    assert staff.post(url, {"revision": shipped.pk}).status_code == 302
    restored = live.drafts.get()
    drafts.submit(restored, editor)
    drafts.approve(restored, admin_user)
    live.refresh_from_db()
    assert words(drafts.snapshot(live)) == words(shipped.data)


def test_loading_again_records_no_second_version(oms_content):
    from django.core.management import call_command

    count = Revision.objects.count()
    assert count > 0
    call_command("load_oms_content", stdout=open("/dev/null", "w"))
    assert Revision.objects.count() == count


def test_a_database_loaded_before_versions_were_kept_gets_them_on_the_next_load(oms_content):
    from django.core.management import call_command

    Revision.objects.all().delete()
    Page.objects.exclude(translation_of=None).update(made_from=None)
    call_command("load_oms_content", stdout=open("/dev/null", "w"))
    spanish = _page("es")
    assert Revision.of(spanish).get().author == DEFAULT_CONTENT
    assert spanish.made_from == Revision.of(spanish.translation_of).get()

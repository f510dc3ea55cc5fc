import json

import pytest
from django.core.management import CommandError, call_command

from condition import drafts
from condition.drafts import Revision
from condition.management.commands.export_content import export_models
from condition.models import Page, Section

pytestmark = pytest.mark.django_db


def snapshot():
    """Every field of every content object, by model."""
    return {
        model._meta.label: sorted(json.dumps(row, sort_keys=True, default=str) for row in model.objects.values())
        for model in export_models()
    }


def empty_content():
    for model in reversed(export_models()):
        model.objects.all().delete()


def test_export_then_restore_into_an_empty_database_loses_nothing(oms_content, tmp_path):
    page = Page.objects.get(translation_of=None, slug="symptoms")
    page.reviewed_by = "Dr. Ünïcode Ω"
    page.save()
    before = snapshot()
    path = tmp_path / "content.json"
    call_command("export_content", str(path), stdout=open("/dev/null", "w"))
    empty_content()
    assert not Page.objects.exists()
    call_command("restore_content", str(path), stdout=open("/dev/null", "w"))
    after = snapshot()
    versions_before, versions_after = before.pop("condition.Revision"), after.pop("condition.Revision")
    assert after == before
    # Every approved version back, and the page's live text (changed outside review) kept as one more.
    assert set(versions_before) < set(versions_after) and len(versions_after) == len(versions_before) + 1
    restored = Revision.objects.latest("pk")
    assert restored.author == drafts.RESTORED and restored.object_id == page.pk
    assert restored.data["reviewed_by"] == "Dr. Ünïcode Ω"
    # New rows after a restore get fresh ids (sequences were reset).
    Section.objects.create(page=page, heading="New", anchor="new-after-restore", body="x")


def test_restore_refuses_a_database_that_already_has_content(oms_content, tmp_path):
    path = tmp_path / "content.json"
    call_command("export_content", str(path), stdout=open("/dev/null", "w"))
    with pytest.raises(CommandError, match="already holds content"):
        call_command("restore_content", str(path))


@pytest.mark.parametrize(
    "text,message",
    [
        ("not json", "Cannot read"),
        ('{"format": "something-else", "version": 2}', "not an omsportal content export"),
        (
            '{"format": "omsportal-content", "version": 2, "objects": [{"model": "auth.user", "pk": 1, "fields": {}}]}',
            "does not restore",
        ),
    ],
)
def test_restore_refuses_bad_files_with_a_clear_message(db, tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(CommandError, match=message):
        call_command("restore_content", str(path))


def test_a_broken_row_restores_nothing(oms_content, tmp_path):
    path = tmp_path / "content.json"
    call_command("export_content", str(path), stdout=open("/dev/null", "w"))
    document = json.loads(path.read_text())
    sections = [row for row in document["objects"] if row["model"] == "condition.section"]
    sections[-1]["fields"]["page"] = 999999  # points at no page
    path.write_text(json.dumps(document))
    empty_content()
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("restore_content", str(path))
    assert not Page.objects.exists() and not Section.objects.exists()


def test_a_restore_keeps_questions_and_related_topics_and_is_searchable_at_once(oms_content, tmp_path):
    from condition.models import SuggestedQuestion
    from condition.search import search

    page = Page.objects.get(translation_of=None, slug="symptoms")
    page.related_pages.add(Page.objects.get(translation_of=None, slug="treatment"))
    questions = SuggestedQuestion.objects.count()
    path = tmp_path / "content.json"
    call_command("export_content", str(path), stdout=open("/dev/null", "w"))
    empty_content()
    assert search("dancing eyes").hits == []
    call_command("restore_content", str(path), stdout=open("/dev/null", "w"))
    assert SuggestedQuestion.objects.count() == questions > 0
    assert list(
        Page.objects.get(translation_of=None, slug="symptoms").related_pages.values_list("slug", flat=True)
    ) == ["treatment"]
    assert {hit.page_title for hit in search("dancing eyes").hits} >= {"What is OMS?"}


def exported(tmp_path, change):
    """The default content exported, changed by `change(rows)`, with the database emptied."""
    path = tmp_path / "content.json"
    call_command("export_content", str(path), stdout=open("/dev/null", "w"))
    document = json.loads(path.read_text())
    change(document["objects"])
    path.write_text(json.dumps(document))
    empty_content()
    return path


def rows_of(rows, model):
    return [row for row in rows if row["model"] == model]


def javascript_url(rows):
    rows_of(rows, "condition.source")[0]["fields"]["url"] = "javascript:alert(1)"


def clashing_anchor(rows):
    rows_of(rows, "condition.section")[0]["fields"]["anchor"] = "main"


def unknown_cite_key(rows):
    rows_of(rows, "condition.section")[0]["fields"]["body"] += " [cite:no-such-source]"


def published_quiz_without_a_right_answer(rows):
    for row in rows_of(rows, "quizzes.choice"):
        row["fields"]["is_correct"] = False


@pytest.mark.parametrize(
    "change,message",
    [
        (javascript_url, "Enter a valid URL"),
        (clashing_anchor, "is used by the page itself"),
        (unknown_cite_key, "No source with the key no-such-source"),
        (published_quiz_without_a_right_answer, "mark exactly one choice as correct"),
    ],
)
def test_restore_refuses_what_the_admin_would_refuse_and_keeps_nothing(oms_content, tmp_path, change, message):
    path = exported(tmp_path, change)
    with pytest.raises(CommandError, match="Restore refused, nothing was changed") as refused:
        call_command("restore_content", str(path))
    assert message in str(refused.value)
    for model in export_models():
        assert not model.objects.exists(), model


@pytest.mark.parametrize(
    "objects,message",
    [('"abc"', "must be a list"), ("[]", "holds no objects"), ("[1, 2]", "must be a list"), (None, "holds no objects")],
)
def test_restore_refuses_files_without_rows_with_a_message_not_a_traceback(db, tmp_path, objects, message):
    path = tmp_path / "odd.json"
    body = '{"format": "omsportal-content", "version": 2' + (f', "objects": {objects}' if objects else "") + "}"
    path.write_text(body)
    with pytest.raises(CommandError, match=message):
        call_command("restore_content", str(path))


def test_restore_exits_non_zero_with_the_message(db, tmp_path):
    import subprocess
    import sys

    path = tmp_path / "odd.json"
    path.write_text('{"format": "omsportal-content", "version": 2, "objects": "abc"}')
    result = subprocess.run(
        [sys.executable, "manage.py", "restore_content", str(path)],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
    )
    assert result.returncode != 0
    assert "must be a list" in result.stderr and "Traceback" not in result.stderr


def text_of_every_item():
    """Each content item's words with its rows', live and draft, by model and pk (what families and staff read)."""
    from condition import drafts

    return {
        (model._meta.label, item.pk, item.status): drafts.snapshot(item)
        for model in drafts.content_models()
        if issubclass(model, drafts.Content)
        for item in model.objects.all()
    }


@pytest.mark.parametrize("staff_here", [True, False], ids=["same staff accounts", "a new database"])
def test_a_round_trip_with_drafts_translations_and_pictures_brings_every_row_back(
    oms_content, editor, reviewer, tmp_path, settings, staff_here
):
    from django.contrib.auth import get_user_model
    from django.core.files import File
    from django.test import Client

    from condition import drafts
    from condition.contributors import Contributor
    from condition.models import CareAdvice, SectionImage
    from condition.shipped import PICTURES
    from quizzes.models import Quiz
    from tests.conftest import verified_login

    page = Page.objects.live().get(slug="symptoms")
    draft = drafts.start_draft(page, editor)
    section = draft.sections.filter(care_advice=None).first()
    section.body = "Draft words for the round trip."
    section.save()
    with (PICTURES / "care-for-oms.png").open("rb") as handle:
        SectionImage.objects.create(section=section, alt="A draft picture", image=File(handle, name="trip.png"))
    spanish_page = Page.objects.live("es").get(translation_of__slug="symptoms")
    spanish_draft = drafts.start_draft(spanish_page, editor)
    spanish_draft.title = "Síntomas (borrador)"
    spanish_draft.save()
    quiz_draft = drafts.start_draft(Quiz.objects.live().get(slug="oms-basics"), editor)
    drafts.submit(quiz_draft, editor)
    drafts.start_draft(CareAdvice.objects.live().first(), editor)
    # The reviewer changes the page's draft: the two-person rule's record must survive the trip too.
    client = verified_login(Client(), reviewer)
    data = {**_form(client, draft)}
    data["title"] = "Symptoms (changed by the reviewer)"
    assert client.post(f"/admin/condition/page/{draft.pk}/change/", data).status_code == 302
    assert Contributor.objects.exists()
    before_rows, before_text = snapshot(), text_of_every_item()

    path = tmp_path / "content.json"
    call_command("export_content", str(path), stdout=open("/dev/null", "w"))
    empty_content()
    if not staff_here:
        get_user_model().objects.all().delete()
    call_command("restore_content", str(path), stdout=open("/dev/null", "w"))

    assert text_of_every_item() == before_text
    after_rows = snapshot()
    assert {label: len(rows) for label, rows in after_rows.items()} == {
        label: len(rows) if staff_here or label != "condition.Contributor" else 0 for label, rows in before_rows.items()
    }
    if staff_here:
        assert after_rows == before_rows
        with pytest.raises(drafts.WorkflowError, match="You edited this draft"):
            drafts.submit(Page.objects.get(pk=draft.pk), editor) or drafts.approve(
                Page.objects.get(pk=draft.pk), reviewer
            )
    assert SectionImage.objects.get(alt="A draft picture").image.name.endswith(".png")


def _form(client, page):
    from tests.condition.test_two_person_rule import form_of

    return form_of(client, page)

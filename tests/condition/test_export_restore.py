import json

import pytest
from django.core.management import CommandError, call_command

from condition.management.commands.export_content import CONTENT_MODELS
from condition.models import Page, Section

pytestmark = pytest.mark.django_db


def snapshot():
    """Every field of every content object, by model."""
    return {
        model._meta.label: sorted(json.dumps(row, sort_keys=True, default=str) for row in model.objects.values())
        for model in CONTENT_MODELS
    }


def empty_content():
    for model in reversed(CONTENT_MODELS):
        model.objects.all().delete()


def test_export_then_restore_into_an_empty_database_loses_nothing(oms_content, tmp_path):
    page = Page.objects.get(slug="symptoms")
    page.reviewed_by = "Dr. Ünïcode Ω"
    page.save()
    before = snapshot()
    path = tmp_path / "content.json"
    call_command("export_content", str(path), stdout=open("/dev/null", "w"))
    empty_content()
    assert not Page.objects.exists()
    call_command("restore_content", str(path), stdout=open("/dev/null", "w"))
    assert snapshot() == before
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
        ('{"format": "something-else", "version": 1}', "not an omsportal content export"),
        (
            '{"format": "omsportal-content", "version": 1, "objects": [{"model": "auth.user", "pk": 1, "fields": {}}]}',
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

    page = Page.objects.get(slug="symptoms")
    page.related_pages.add(Page.objects.get(slug="treatment"))
    questions = SuggestedQuestion.objects.count()
    path = tmp_path / "content.json"
    call_command("export_content", str(path), stdout=open("/dev/null", "w"))
    empty_content()
    assert search("dancing eyes").hits == []
    call_command("restore_content", str(path), stdout=open("/dev/null", "w"))
    assert SuggestedQuestion.objects.count() == questions > 0
    assert list(Page.objects.get(slug="symptoms").related_pages.values_list("slug", flat=True)) == ["treatment"]
    assert {hit.page_title for hit in search("dancing eyes").hits} >= {"What is OMS?"}

"""The staff groups' permissions come from one place, for every content model the registry finds."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal

from condition.content import content_models
from condition.groups import EDITORS, REVIEWERS

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CRUD = ("add", "change", "delete", "view")
# What the five copied migration blocks granted between them, written out: nothing may be lost.
CONTENT = {
    "condition": [
        "condition", "page", "section", "sectionimage", "suggestedquestion", "source", "glossaryterm",
        "careadvice", "clinicprofile",
    ],
    "quizzes": ["quiz", "question", "choice"],
}  # fmt: skip
EDITORS_HAD = {(app, f"{action}_{model}") for app, models in CONTENT.items() for model in models for action in CRUD} | {
    ("condition", "view_revision"),
    ("condition", "view_pagefeedback"),
    ("quizzes", "view_attempt"),
}
REVIEWERS_HAD = EDITORS_HAD | {("condition", "publish_page"), ("condition", "review_page"), ("quizzes", "publish_quiz")}


def held(name):
    group = Group.objects.get(name=name)
    return {(p.content_type.app_label, p.codename) for p in group.permissions.select_related("content_type")}


def test_after_migrate_each_group_holds_what_the_copied_migration_blocks_gave():
    assert held(EDITORS) == EDITORS_HAD
    assert held(REVIEWERS) == REVIEWERS_HAD


def test_every_content_model_the_registry_finds_is_granted_to_both_groups():
    for model in content_models():
        codes = {(model._meta.app_label, f"{action}_{model._meta.model_name}") for action in CRUD}
        assert codes <= held(EDITORS) and codes <= held(REVIEWERS), model


def test_every_migrate_puts_back_what_the_groups_lack_and_keeps_what_staff_added():
    from django.contrib.auth.models import Permission

    editors = Group.objects.get(name=EDITORS)
    editors.permissions.clear()
    extra = Permission.objects.get(codename="view_user")
    Group.objects.get(name=REVIEWERS).permissions.add(extra)
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert held(EDITORS) == EDITORS_HAD
    assert held(REVIEWERS) == REVIEWERS_HAD | {("auth", "view_user")}


def test_no_migration_makes_permissions_or_grants_a_copied_list():
    found = [
        str(path.relative_to(ROOT))
        for app in ("condition", "quizzes", "accounts")
        for path in sorted((ROOT / app / "migrations").glob("*.py"))
        if any(word in path.read_text() for word in ("create_permissions", "permissions.add", "permissions.remove"))
    ]
    assert found == []

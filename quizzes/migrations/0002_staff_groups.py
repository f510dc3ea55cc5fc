"""Create the two staff groups the content workflow relies on (issue 2).

Editors write and submit for review; Clinical reviewers also publish and record
reviews. Permissions are created here because Django only adds them after all
migrations have run.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    ("condition", "view_condition"),
    ("condition", "add_page"), ("condition", "change_page"), ("condition", "view_page"),
    ("condition", "add_section"), ("condition", "change_section"), ("condition", "delete_section"), ("condition", "view_section"),
    ("condition", "add_source"), ("condition", "change_source"), ("condition", "view_source"),
    ("condition", "add_glossaryterm"), ("condition", "change_glossaryterm"), ("condition", "view_glossaryterm"),
    ("condition", "view_pagefeedback"), ("condition", "view_clinicprofile"),
    ("quizzes", "add_quiz"), ("quizzes", "change_quiz"), ("quizzes", "view_quiz"),
    ("quizzes", "add_question"), ("quizzes", "change_question"), ("quizzes", "delete_question"), ("quizzes", "view_question"),
    ("quizzes", "add_choice"), ("quizzes", "change_choice"), ("quizzes", "delete_choice"), ("quizzes", "view_choice"),
    ("quizzes", "view_attempt"),
]
REVIEWER_EXTRA = [
    ("condition", "publish_page"), ("condition", "review_page"), ("condition", "delete_page"),
    ("condition", "change_condition"), ("condition", "change_clinicprofile"),
    ("condition", "delete_source"), ("condition", "delete_glossaryterm"),
    ("quizzes", "publish_quiz"), ("quizzes", "delete_quiz"),
]
GROUPS = {"Editors": EDITOR_PERMISSIONS, "Clinical reviewers": EDITOR_PERMISSIONS + REVIEWER_EXTRA}


def create_groups(apps, schema_editor):
    for app_label in ("condition", "quizzes"):
        app_config = apps.get_app_config(app_label)
        stand_in = getattr(app_config, "models_module", None) is None  # migration-state configs lack it
        if stand_in:
            app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        if stand_in:
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in codes:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("condition", "0001_initial"),
        ("quizzes", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

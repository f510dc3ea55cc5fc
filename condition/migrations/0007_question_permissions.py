"""Editors and clinical reviewers edit suggested questions under a page, like its sections."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODES = ["add_suggestedquestion", "change_suggestedquestion", "delete_suggestedquestion", "view_suggestedquestion"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("condition")
    stand_in = getattr(app_config, "models_module", None) is None  # migration-state configs lack it
    if stand_in:
        app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    if stand_in:
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="condition", codename__in=CODES)
    for group in Group.objects.filter(name__in=["Editors", "Clinical reviewers"]):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="condition", codename__in=CODES).delete()


class Migration(migrations.Migration):
    dependencies = [("condition", "0006_search_index"), ("quizzes", "0002_staff_groups")]

    operations = [migrations.RunPython(grant, revoke)]

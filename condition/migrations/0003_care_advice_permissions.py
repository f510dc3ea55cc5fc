"""Editors write care advice (locked once it is live); Clinical reviewers may also delete it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = ["add_careadvice", "change_careadvice", "view_careadvice"]
GROUPS = {"Editors": EDITORS, "Clinical reviewers": EDITORS + ["delete_careadvice"]}


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
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="condition", codename__in=codenames))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="condition", codename__contains="careadvice"))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("condition", "0002_care_advice"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

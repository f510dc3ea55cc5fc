"""Drafts (issue 9): Editors draft changes to every kind of content, and discard their drafts.

Live rows stay read-only in the admin whatever the permission (condition.workflow):
"delete" only ever removes a draft, and only Clinical reviewers approve
(condition.publish_page) or take something down.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = {
    "condition": ["condition", "page", "section", "suggestedquestion", "source", "glossaryterm", "careadvice", "clinicprofile"],
    "quizzes": ["quiz", "question", "choice"],
}
CODES = [
    (app_label, f"{action}_{model}")
    for app_label, models in CONTENT.items()
    for model in models
    for action in ("add", "change", "delete", "view")
] + [("condition", "view_revision")]


def grant(apps, schema_editor):
    for app_label in CONTENT:
        app_config = apps.get_app_config(app_label)
        stand_in = getattr(app_config, "models_module", None) is None  # migration-state configs lack it
        if stand_in:
            app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        if stand_in:
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=["Editors", "Clinical reviewers"]):
        for app_label, codename in CODES:
            group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [("condition", "0009_drafts"), ("quizzes", "0005_drafts")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

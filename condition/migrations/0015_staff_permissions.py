"""The staff groups and their permissions, from one place (condition.groups) for every content model.

Earlier migrations each granted a copied list; they now do nothing, and this
one grants what condition.groups finds. A post_migrate receiver keeps it true
after every later migrate, so a new content model needs no migration of its own.
"""

from django.db import migrations


def grant(apps, schema_editor):
    from condition.groups import grant_staff_permissions

    grant_staff_permissions(using=schema_editor.connection.alias)


def remove_groups(apps, schema_editor):
    from condition.groups import remove_groups

    remove_groups(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("condition", "0014_revision_author"),
        ("quizzes", "0008_attempt_language"),
    ]

    operations = [migrations.RunPython(grant, remove_groups)]

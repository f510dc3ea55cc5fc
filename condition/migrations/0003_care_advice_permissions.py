"""Editors write care advice (locked once it is live); Clinical reviewers may also delete it."""

from django.db import migrations

# The staff groups' permissions are granted in one place now (condition.groups, migration
# condition 0015); this migration stays, as databases have applied it, and does nothing.


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("condition", "0002_care_advice"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]

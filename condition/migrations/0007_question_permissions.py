"""Editors and clinical reviewers edit suggested questions under a page, like its sections."""

from django.db import migrations

# The staff groups' permissions are granted in one place now (condition.groups, migration
# condition 0015); this migration stays, as databases have applied it, and does nothing.


class Migration(migrations.Migration):
    dependencies = [("condition", "0006_search_index"), ("quizzes", "0002_staff_groups")]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]

"""Once gave Editors and Clinical reviewers the drafts' permissions (now condition.groups)."""

from django.db import migrations

# The staff groups' permissions are granted in one place now (condition.groups, migration
# condition 0015); this migration stays, as databases have applied it, and does nothing.


class Migration(migrations.Migration):
    dependencies = [("condition", "0009_drafts"), ("quizzes", "0005_drafts")]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]

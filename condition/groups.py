"""The two staff groups and what they may do, granted in one place for every content model.

Editors draft every kind of content and submit it for review; Clinical
reviewers also approve (publish), record reviews and take content down. Live
rows stay read-only in the admin whatever the permission (condition.workflow):
"delete" only ever removes a draft.

What each group gets is found, not listed: every content model of the registry
(condition.content.content_models) gets add, change, delete and view for both
groups; a model staff only read (feedback, quiz attempts, approved versions)
says `staff_may_view = True`; the permissions a content model declares in its
Meta (publish_page, review_page, publish_quiz) are the reviewers'. A migration
applies it and a post_migrate receiver keeps it true, so a new content model
needs no migration of its own.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

from condition.content import content_models

EDITORS, REVIEWERS = "Editors", "Clinical reviewers"
GROUPS = (EDITORS, REVIEWERS)
ACTIONS = ("add", "change", "delete", "view")


def staff_permissions():
    """{group name: {(app label, codename)}} as the registry and the models say."""
    both = set()
    reviewers = set()
    for model in content_models():
        opts = model._meta
        both |= {(opts.app_label, f"{action}_{opts.model_name}") for action in ACTIONS}
        reviewers |= {(opts.app_label, codename) for codename, _name in opts.permissions}
    for model in global_apps.get_models():
        if getattr(model, "staff_may_view", False):
            both.add((model._meta.app_label, f"view_{model._meta.model_name}"))
    return {EDITORS: both, REVIEWERS: both | reviewers}


def grant_staff_permissions(using=DEFAULT_DB_ALIAS):
    """Make both groups (if missing) and add any of their permissions they lack: idempotent, any time.

    Nothing is taken away: a permission an administrator gave a group by hand stays.
    """
    from django.contrib.auth.models import Group, Permission

    wanted = staff_permissions()
    labels = {app_label for codes in wanted.values() for app_label, _codename in codes}
    for label in sorted(labels):  # Django adds permissions only after every migration has run
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using)
    for name, codes in wanted.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        found = Permission.objects.using(using).filter(content_type__app_label__in=labels)
        group.permissions.add(*[p for p in found.select_related("content_type") if _code(p) in codes])


def _code(permission):
    return permission.content_type.app_label, permission.codename


def kept_after_migrate(sender, *, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate: once per migrate (for this app), after Django has made its permissions."""
    if sender.name == "condition":
        grant_staff_permissions(using=using)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()

"""The workflow rules: how content moves between draft and live (the content model is condition.content).

A model is content by inheriting `Content` (one declaration). Its rows are
either live (status "published"), a new item not yet approved (a draft with no
`draft_of`), or the working copy of a live item (`draft_of` set). Staff edit
drafts; families only ever see live rows. `approve()` puts a working copy's
fields, children (`draft_children`) and many-to-many choices onto the live row
in one transaction, keeping the live row's primary key and its children's, and
keeps a `Revision` of every approved version. Rows that travel with their
parent (a page's sections, a quiz's questions and their choices) inherit
`DraftChild`.

Signals, the search index, export and the admin ask condition.content which models
are content (`content_models()`); none of them lists models by hand.
"""

import functools
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from condition import contributors
from condition.content import (  # the workflow's vocabulary; callers also reach it as drafts.X
    APPROVE_PERMISSION,
    WORKFLOW_FIELDS,
    Content,
    Revision,
    WorkflowError,
    _copy_children,
    _copy_fields,
    _copy_many_to_many,
    _park_unique_values,
    children_of,
    content_models,
    fingerprint,
    prepare_working_copy,
    snapshot,
    sync_from_original,
    sync_rows_from_original,
)
from condition.content import (
    DraftChild as DraftChild,
)
from condition.content import (
    is_content as is_content,
)
from condition.content import (
    owning_item as owning_item,
)

log = logging.getLogger(__name__)


@transaction.atomic
def start_draft(item, user):
    """The draft staff edit for `item`: itself when not live, else its working copy (made once)."""
    if not item.is_live:
        return item
    existing = item.drafts.first()
    if existing is not None:
        return existing
    with contributors.not_a_change():  # a copy of the live words: nobody changed anything yet
        return _new_working_copy(item, user)


def _new_working_copy(item, user):
    draft = type(item)()
    _copy_fields(item, draft, exclude=WORKFLOW_FIELDS)
    draft.draft_of = item
    draft.status = Content.Status.DRAFT
    draft.edited_by = user
    if item.is_translation:
        prepare_working_copy(draft)
    draft.save()
    _copy_many_to_many(item, draft)
    _copy_children(item, draft)
    if item.is_translation:  # its rows too: the translator and the reviewer see the original's right answers
        sync_rows_from_original(draft)
    return draft


# --- the workflow --------------------------------------------------------
def may_approve(user):
    return user.has_perm(APPROVE_PERMISSION)


def mailable_holders(permission, *, superusers=False):
    """Active users with an email address who hold `permission` ("app_label.codename") through a group or directly."""
    app_label, codename = permission.split(".")
    held = {"codename": codename, "content_type__app_label": app_label}
    group_perm = Q(**{f"groups__permissions__{key}": value for key, value in held.items()})
    user_perm = Q(**{f"user_permissions__{key}": value for key, value in held.items()})
    anyone = group_perm | user_perm
    if superusers:
        anyone |= Q(is_superuser=True)
    return get_user_model().objects.filter(anyone, is_active=True).exclude(email="").distinct()


def approvers():
    """Active users who may approve, with an email address."""
    return mailable_holders(APPROVE_PERMISSION, superusers=True)


def _admin_url(item):
    opts = item._meta
    return settings.SITE_URL + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def review_url(item):
    opts = item._meta
    return settings.SITE_URL + reverse(f"admin:{opts.app_label}_{opts.model_name}_review", args=[item.pk])


def _label(item):
    """The item named on one line: it goes into mail subjects, where a line break is refused."""
    name = " ".join(str(item).split())
    return f"{item._meta.verbose_name} “{name[:100]}”"


def submit(draft, user):
    draft.refresh_from_db()
    if draft.is_live:
        raise WorkflowError("Live content is not submitted: start a draft of it first.")
    draft.status = Content.Status.REVIEW
    draft.submitted_at = timezone.now()
    draft.edited_by = user
    draft.review_note = ""
    draft.save(update_fields=["status", "submitted_at", "edited_by", "review_note"])
    others = approvers().exclude(pk=user.pk) if user is not None else approvers()
    recipients = sorted(set(others.values_list("email", flat=True)))
    if recipients:
        _send(
            f"OMS family guide: please review {_label(draft)}",
            f"{_name(user)} submitted {_label(draft)} for review.\n\n"
            f"See what changed and approve or send it back:\n{review_url(draft)}\n",
            recipients,
        )


def send_back(draft, reviewer, note):
    note = (note or "").strip()
    if not note:
        raise WorkflowError("Say what needs to change, so the editor knows what to fix.")
    with transaction.atomic():
        draft = _locked_in_review(draft, "Only a draft waiting for review can be sent back.")
        draft.status = Content.Status.DRAFT
        draft.review_note = note
        draft.save(update_fields=["status", "review_note"])
    _mail_editor(draft, f"sent back by {_name(reviewer)}", f"What to change:\n{note}\n\nThe draft: {_admin_url(draft)}")


def _send(subject, body, recipients):
    """Mail staff; a mail server that is down never undoes or blocks a workflow step (it is logged)."""
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # noqa: BLE001 - SMTP, DNS, TLS...: the step itself already happened
        log.exception("could not send %r to %s", subject, recipients)


def _locked_in_review(draft, refusal):
    """The draft as stored now, locked against a concurrent approval; refused unless it waits for review."""
    locked = type(draft).objects.select_for_update().filter(pk=draft.pk).first()
    if locked is None or locked.status != Content.Status.REVIEW:
        raise WorkflowError(refusal)
    return locked


@transaction.atomic
def withdraw(draft):
    """Take a draft back from review to edit it (never one a reviewer has just approved)."""
    draft = _locked_in_review(draft, "It is no longer waiting for review: a reviewer may have just approved it.")
    draft.status = Content.Status.DRAFT
    draft.save(update_fields=["status"])
    return draft


def _name(user):
    if user is None:
        return "The shipped content update (load_oms_content)"
    return user.get_full_name() or user.get_username()


def _mail_editor(draft, what, body):
    editor = draft.edited_by
    if editor is not None and editor.email:
        _send(f"OMS family guide: {_label(draft)} {what}", body + "\n", [editor.email])


def approve(draft, reviewer, seen=None):
    """Put `draft` live in one transaction; returns the live item. Raises WorkflowError when refused.

    `seen` is the draft's `fingerprint()` as the reviewer read it; when given, a draft that changed
    since (taken back, edited and submitted again) is refused.
    """
    if not may_approve(reviewer):
        raise WorkflowError("Only a clinical reviewer can approve.")
    try:
        with transaction.atomic():
            # What was submitted, as stored now; locked so no withdrawal or edit slips in meanwhile.
            draft = type(draft).objects.select_for_update().get(pk=draft.pk)
            if draft.status != Content.Status.REVIEW:
                raise WorkflowError("Only a draft submitted for review can be approved.")
            if seen is not None and seen != fingerprint(draft):
                raise WorkflowError(
                    "This draft changed after you opened it: nothing went live. Look at the changes again."
                )
            if not settings.OMS_ALLOW_SELF_APPROVAL:
                if draft.edited_by_id == reviewer.pk:
                    raise WorkflowError("You submitted this draft: another clinical reviewer must approve it.")
                if reviewer.pk in contributors.users_who_changed(draft):
                    raise WorkflowError("You edited this draft: another clinical reviewer must approve it.")
            if draft.draft_of_id is not None and not draft.draft_of.is_live:
                raise WorkflowError(
                    _(
                        "The live item this change was made to has been taken down: nothing went live. "
                        "Put it back or start again from a version of it."
                    )
                )
            problems = _validation_problems(draft)
            problems += draft.approval_problems() if hasattr(draft, "approval_problems") else []
            if problems:
                raise WorkflowError(" ".join(problems))
            editor = draft.edited_by
            with contributors.not_a_change():  # the reviewer's approval writes the live rows
                live = _put_live(draft)
            Revision.record(live, Revision.Action.APPROVED, reviewer, editor=editor)
            contributors.forget(live)
    except IntegrityError as error:
        raise WorkflowError(f"This draft could not go live, and nothing changed: {error}") from error
    draft.edited_by = editor
    _mail_editor(draft, f"approved by {_name(reviewer)}", f"It is live now: {_admin_url(live)}")
    return live


def _validation_problems(draft):
    """The draft checked again as it would go live: another item may have taken its name meanwhile."""
    from django.core.exceptions import ValidationError

    problems = []
    try:
        draft.full_clean()
    except ValidationError as error:
        problems = [f"{_field_label(draft, name)}: {' '.join(m)}" for name, m in error.message_dict.items()]
    for field in draft._meta.concrete_fields:  # e.g. a page's condition: its name and other names show with it
        if field.is_relation and field.name != "draft_of" and issubclass(field.related_model, Content):
            related = getattr(draft, field.name)
            if related is not None and not related.is_live:
                problems.append(f"{_field_label(draft, field.name)} “{related}” is not live: approve it first.")
    return problems


def _field_label(item, name):
    try:
        return str(item._meta.get_field(name).verbose_name).capitalize()
    except Exception:
        return "This draft"


def _put_live(draft):
    if draft.is_translation:
        sync_from_original(draft, draft.translation_of)
    if draft.draft_of_id is None:
        draft.status = Content.Status.PUBLISHED
        draft.submitted_at = None
        draft.review_note = ""
        draft.translation_reviewed = draft.is_translation  # a clinical reviewer read this translation
        draft.save()
        return draft
    live = type(draft).objects.select_for_update().get(pk=draft.draft_of_id)
    _copy_fields(draft, live, exclude=WORKFLOW_FIELDS | set(draft.kept_on_approve))
    live.translation_reviewed = live.is_translation
    live.save()
    _copy_many_to_many(draft, live)
    _merge_children(draft, live)
    draft.delete()
    return live


def _merge_children(draft, live):
    for accessor, parent_field in children_of(draft):
        existing = {child.pk: child for child in getattr(live, accessor).all()}
        rows = sorted(getattr(draft, accessor).all(), key=lambda row: (type(row).merge_order(row), row.pk))
        kept = {row.origin_id for row in rows if row.origin_id in existing}
        for pk, child in existing.items():
            if pk not in kept:
                child.delete()
        _park_unique_values(type(rows[0]) if rows else None, kept, parent_field)
        for row in rows:
            target = existing.get(row.origin_id) or type(row)()
            _copy_fields(row, target, exclude={"origin", parent_field})
            setattr(target, parent_field, live)
            target.save()
            _merge_children(row, target)


def take_down(item, reviewer, reason):
    """Emergency: take a live item off the site at once, logged, without a second approver."""
    if not may_approve(reviewer):
        raise WorkflowError("Only a clinical reviewer can take content down.")
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("Say why it comes down: the reason is kept in the log.")
    if not item.is_live:
        raise WorkflowError("This is not live.")
    with transaction.atomic():
        # Its translations say the same thing: they come down with it.
        for taken in [item, *item.translations.filter(status=Content.Status.PUBLISHED)]:
            Revision.record(taken, Revision.Action.TAKEN_DOWN, reviewer, note=reason)
            taken.status = Content.Status.DRAFT
            taken.save(update_fields=["status"])


def taken_down_version(item):
    """The version that was live when `item` was taken down (its "taken down" Revision), while it is
    still down and not yet approved again; else None."""
    if item.is_live or item.is_working_copy:
        return None
    latest = Revision.of(item).first()
    return latest if latest is not None and latest.action == Revision.Action.TAKEN_DOWN else None


def taken_down_with(item):
    """The translations of `item` that came down with it (in the same take-down) and are still down."""
    version = taken_down_version(item)
    if version is None or not hasattr(item, "translations"):
        return []
    return [
        translation
        for translation in item.translations.originals().exclude(status=Content.Status.PUBLISHED).order_by("pk")
        if (own := taken_down_version(translation)) is not None and own.created_at >= version.created_at
    ]


def _name_taken_is_a_message(message):
    """The decorated step runs in one transaction; when another item took a name or key it needs meanwhile
    (IntegrityError), nothing changes and staff read `message` (lazy, with %(error)s) instead of a 500."""

    def decorate(step):
        @functools.wraps(step)
        def run(*args, **kwargs):
            try:
                with transaction.atomic():
                    return step(*args, **kwargs)
            except IntegrityError as error:
                raise WorkflowError(str(message) % {"error": error}) from error

        return run

    return decorate


@_name_taken_is_a_message(
    gettext_lazy("It could not be put back, and nothing changed: another item now has its name or key (%(error)s).")
)
def put_back(item, user):
    """After a take-down: `item` and each translation taken down with it become drafts of the version
    that was live when they came down. Nothing goes live: each is submitted, and a clinical reviewer
    other than `user` approves it (the two-person rule, as for any change). Returns the drafts."""
    if taken_down_version(item) is None:
        raise WorkflowError(_("This was not taken down, or it is live again: there is nothing to put back."))
    if item.status != Content.Status.DRAFT:
        raise WorkflowError(_("It is waiting for review: take it back to edit before putting the old version back."))
    restored = [_put_back_one(item, user)]
    return restored + _put_back_translations(item, user)


def _put_back_translations(item, user):
    return [
        _put_back_one(translation, user)
        for translation in taken_down_with(item)
        if translation.status == Content.Status.DRAFT
    ]


def _put_back_one(item, user):
    version = taken_down_version(item)
    if snapshot(item) != version.data:  # edited since it came down: its words go back as they were
        _apply(item, version.data, parent_field=None)
    item.edited_by = user
    type(item).objects.filter(pk=item.pk).update(edited_by=user)  # who, not what: nothing to reindex
    contributors.record(item, user)  # who put it back started this draft: another reviewer approves it
    return item


def who_may_not_approve(draft):
    """[(user, role)] of those the two-person rule keeps from approving `draft` (see `approve()`):
    its editor ("started"; "submitted" once submitted) and everyone who changed it ("changed")."""
    if settings.OMS_ALLOW_SELF_APPROVAL or draft.is_live:
        return []
    kept = []
    if draft.edited_by is not None:
        kept.append((draft.edited_by, "submitted" if draft.status == Content.Status.REVIEW else "started"))
    others = contributors.users_who_changed(draft) - {draft.edited_by_id}
    kept += [(user, "changed") for user in get_user_model().objects.filter(pk__in=others).order_by("pk")]
    return kept


@_name_taken_is_a_message(
    gettext_lazy(
        "That version could not be used, and nothing changed: another item now has its name or key (%(error)s)."
    )
)
def draft_from_revision(revision, user):
    """Start (or replace) the draft of an item with an approved version's text: nothing live changes."""
    live = revision.content_object
    if live is None:
        raise WorkflowError("That item no longer exists.")
    draft = start_draft(live, user) if live.is_live else live
    if draft.status != Content.Status.DRAFT:
        raise WorkflowError("The draft is waiting for review: take it back to edit before replacing its text.")
    _apply(draft, revision.data, parent_field=None)
    draft.edited_by = user
    draft.save()
    # Translations taken down with it stay down: their taken-down words belong to the version that came
    # down, not to this older one. Each is put back, or started again, on its own.
    return draft


def _apply(target, data, parent_field):
    model = type(target)
    skip = WORKFLOW_FIELDS | {"origin", parent_field} | set(getattr(model, "kept_on_approve", ()))
    for field in model._meta.concrete_fields:
        if not field.primary_key and field.name not in skip and field.name in data:
            value = field.to_python(data[field.name])
            if (
                field.is_relation
                and value is not None
                and not field.related_model._default_manager.filter(pk=value).exists()
            ):
                raise WorkflowError(
                    f"That version uses a {field.related_model._meta.verbose_name} that no longer exists, "
                    "so it cannot be brought back. Nothing changed."
                )
            setattr(target, field.attname, value)
    target.save()
    for field in model._meta.many_to_many:
        if field.name in data:
            getattr(target, field.name).set(field.related_model.objects.filter(pk__in=data[field.name]))
    for accessor, child_parent_field in children_of(target):
        getattr(target, accessor).all().delete()
        child_model = target._meta.get_field(accessor).related_model
        for child_data in data.get(accessor, []):
            child = child_model()
            setattr(child, child_parent_field, target)
            if child_model.objects.filter(pk=child_data.get("id")).exists():
                child.origin_id = child_data["id"]
            _apply(child, child_data, parent_field=child_parent_field)


# Authors of versions no reviewer approved in this database.
DEFAULT_CONTENT = "default content"
RESTORED = "restored from a copy"


def record_as_approved(item, author):
    """Keep `item`'s live text as an approved version unless its latest version already holds it,
    so "Start a draft from this version" can always bring it back. Returns the Revision or None."""
    if not item.is_live:
        return None
    latest = Revision.of(item).filter(action=Revision.Action.APPROVED).first()
    if latest is not None and latest.data == snapshot(item):
        return None
    return Revision.record(item, Revision.Action.APPROVED, None, author=author)


def record_live_versions(author, *, always=False):
    """Every live item's text kept as an approved version (after a restore); returns how many were new.

    `always`: a new version even where the latest holds the same text (whose approval is not trusted)."""
    recorded = 0
    for model in content_models():
        if issubclass(model, Content):
            for item in model.objects.filter(status=Content.Status.PUBLISHED).order_by("pk"):
                if always:
                    recorded += Revision.record(item, Revision.Action.APPROVED, None, author=author) is not None
                else:
                    recorded += record_as_approved(item, author) is not None
    return recorded

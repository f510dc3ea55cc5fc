"""The one content model: everything families read has a live version and at most one draft.

A model is content by inheriting `Content` (one declaration). Its rows are
either live (status "published"), a new item not yet approved (a draft with no
`draft_of`), or the working copy of a live item (`draft_of` set). Staff edit
drafts; families only ever see live rows. `approve()` puts a working copy's
fields, children (`draft_children`) and many-to-many choices onto the live row
in one transaction, keeping the live row's primary key and its children's, and
keeps a `Revision` of every approved version. Rows that travel with their
parent (a page's sections, a quiz's questions and their choices) inherit
`DraftChild`.

Signals, the search index, export and the admin ask this module which models
are content (`content_models()`); none of them lists models by hand.
"""

import hashlib
import json
import logging

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.db.models import Q, Value
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone

from condition import contributors

log = logging.getLogger(__name__)

APPROVE_PERMISSION = "condition.publish_page"
# The language content is written and approved in first; other languages translate it (settings.LANGUAGE_CODE).
ORIGINAL_LANGUAGE = "en"
# Fields the workflow owns: a draft never carries them onto the live row.
WORKFLOW_FIELDS = {"status", "draft_of", "edited_by", "submitted_at", "review_note", "translation_reviewed"}


class ContentQuerySet(models.QuerySet):
    def live(self, language=None):
        """What families may read, in `language` (the site's own language, English, unless named)."""
        return self.filter(status=Content.Status.PUBLISHED, language=language or ORIGINAL_LANGUAGE)

    def originals(self):
        """Live items and new items not yet approved: everything but working copies."""
        return self.filter(draft_of__isnull=True)

    def waiting_for_review(self):
        return self.filter(status=Content.Status.REVIEW)


class Content(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        editable=False,
        help_text="Families only ever see published content. A clinical reviewer approves drafts.",
    )
    draft_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="drafts",
        help_text="The live item this draft will replace when a reviewer approves it.",
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    review_note = models.TextField(blank=True, editable=False, help_text="The reviewer's comment when sent back.")
    # Translations (condition.translations): an item in another language is content of its own, with its
    # own drafts and review, pointing to the item it translates and to the approved version it was made from.
    # A code from settings.LANGUAGES (not a choices list: adding a language needs no migration).
    language = models.CharField(max_length=12, default=ORIGINAL_LANGUAGE, editable=False, db_index=True)
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="translations",
        help_text="The item in the site's own language that this translates.",
    )
    made_from = models.ForeignKey(
        "condition.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="The approved version of the original this translation was made from.",
    )
    translation_reviewed = models.BooleanField(
        default=False,
        editable=False,
        help_text="A clinical reviewer approved this translation (shipped translations start unreviewed).",
    )

    objects = ContentQuerySet.as_manager()

    # Fields a translator writes; every other field always comes from the original (addresses, urgency, numbers).
    # Empty: the model is not translated.
    translated_fields = ()
    # Reverse accessors of the DraftChild rows that travel with this item.
    draft_children = ()
    # Fields a draft never changes on the live row (e.g. the clinical review dates).
    kept_on_approve = ()

    class Meta:
        abstract = True

    @property
    def is_live(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_working_copy(self):
        return self.draft_of_id is not None

    @property
    def is_translation(self):
        return self.translation_of_id is not None

    def pending_draft(self):
        return self.drafts.first() if self.pk else None

    def validate_constraints(self, exclude=None):
        """A working copy shares its live row's unique values; it must not take another item's."""
        super().validate_constraints(exclude=exclude)
        if not self.draft_of_id:
            return
        from django.core.exceptions import ValidationError

        for constraint in self._meta.constraints:
            if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
                values = {name: getattr(self, name) for name in constraint.fields}
                if None in values.values():
                    continue  # NULL never clashes (an original's translation_of)
                clash = type(self).objects.originals().filter(**values).exclude(pk=self.draft_of_id)
                if clash.exists():
                    field = [name for name in constraint.fields if name != "language"][0]
                    raise ValidationError({field: f"Another {self._meta.verbose_name} already uses this."})


class DraftChild(models.Model):
    """A row that belongs to a content item (a section, a question, a choice) and travels with its drafts."""

    origin = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    translated_fields = ()  # as Content.translated_fields
    draft_children = ()
    parent_field = None  # the foreign key to the item (or row) this belongs to

    class Meta:
        abstract = True

    @classmethod
    def merge_order(cls, row):
        """Rows are written to the live item in this order (a Choice writes its right answer last)."""
        return 0


def content_models():
    """Every model families read, parents first: the one list signals, search and export use."""
    return [model for model in apps.get_models() if issubclass(model, (Content, DraftChild))]


def is_content(model):
    return issubclass(model, (Content, DraftChild))


def owning_item(row):
    """The content item a row belongs to (itself for an item; a choice's quiz)."""
    while isinstance(row, DraftChild):
        row = getattr(row, row.parent_field)
    return row


# --- copying -------------------------------------------------------------
def _copy_fields(source, target, exclude=()):
    for field in source._meta.concrete_fields:
        if field.primary_key or field.name in exclude:
            continue
        setattr(target, field.attname, getattr(source, field.attname))


def children_of(parent):
    for accessor in type(parent).draft_children:
        relation = parent._meta.get_field(accessor)
        yield accessor, relation.field.name


def _copy_children(source, target):
    for accessor, parent_field in children_of(source):
        for child in getattr(source, accessor).all():
            copy = type(child)()
            _copy_fields(child, copy, exclude={"origin", parent_field})
            setattr(copy, parent_field, target)
            copy.origin = child
            copy.save()
            _copy_children(child, copy)


def _copy_many_to_many(source, target):
    for field in source._meta.many_to_many:
        getattr(target, field.name).set(getattr(source, field.name).all())


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
        from condition.translations import prepare_working_copy

        prepare_working_copy(draft)
    draft.save()
    _copy_many_to_many(item, draft)
    _copy_children(item, draft)
    if item.is_translation:  # its rows too: the translator and the reviewer see the original's right answers
        from condition.translations import sync_rows_from_original

        sync_rows_from_original(draft)
    return draft


def snapshot(item):
    """The item with its children and many-to-many choices as plain data (a Revision's `data`)."""
    data = {
        field.name: field.value_from_object(item)
        for field in item._meta.concrete_fields
        if field.name not in WORKFLOW_FIELDS and field.name != "origin"
    }
    for field in item._meta.many_to_many:
        data[field.name] = sorted(related.pk for related in getattr(item, field.name).all())
    for accessor, _parent_field in children_of(item):
        data[accessor] = [snapshot(child) for child in getattr(item, accessor).all()]
    return json.loads(json.dumps(data, cls=_SnapshotEncoder))


class _SnapshotEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, FieldFile):  # a picture: its stored name (files never change)
            return o.name or ""
        return super().default(o)


def fingerprint(item):
    """A short hash of the item's words, children included: what a reviewer saw on the review page."""
    text = json.dumps(snapshot(item), sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


# --- the workflow --------------------------------------------------------
class WorkflowError(Exception):
    """Why a workflow step was refused, in words for staff."""


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
        from condition.translations import sync_from_original

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


def _park_unique_values(model, pks, parent_field):
    """Give kept rows placeholder values for what is unique within their parent, so a draft may swap
    them (two sections swapping anchors) without a row clashing with one not yet written."""
    if model is None or not pks:
        return
    for constraint in model._meta.constraints:
        if not isinstance(constraint, models.UniqueConstraint) or constraint.condition is not None:
            continue
        if parent_field not in constraint.fields:
            continue
        texts = [
            name
            for name in constraint.fields
            if name != parent_field and isinstance(model._meta.get_field(name), models.CharField)
        ]
        if texts:
            placeholder = Concat(Value("~"), Cast("pk", models.CharField()))
            model._default_manager.filter(pk__in=pks).update(**dict.fromkeys(texts, placeholder))


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


@transaction.atomic
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


class Revision(models.Model):
    """Every approved version of every content item, and every emergency take-down: the audit trail."""

    class Action(models.TextChoices):
        APPROVED = "approved", "Approved"
        TAKEN_DOWN = "taken_down", "Taken down"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    object_repr = models.CharField(max_length=200)
    action = models.CharField(max_length=12, choices=Action.choices)
    data = models.JSONField(help_text="The item as it went live, with its children.")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)
    author = models.CharField(
        max_length=100, blank=True, help_text="Where a version came from when no reviewer approved it here."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        app_label = "condition"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"], name="revision_item")]

    def __str__(self):
        return f"{self.object_repr}: {self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def content_object(self):
        return self.content_type.get_object_for_this_type(pk=self.object_id) if self.item_exists else None

    @property
    def item_exists(self):
        return self.content_type.model_class()._default_manager.filter(pk=self.object_id).exists()

    @classmethod
    def record(cls, item, action, reviewer, editor=None, note="", author=""):
        return cls.objects.create(
            content_type=ContentType.objects.get_for_model(item),
            object_id=item.pk,
            object_repr=str(item)[:200],
            action=action,
            data=snapshot(item),
            editor=editor,
            reviewer=reviewer,
            note=note,
            author=author,
        )

    @property
    def approved_by(self):
        """Who approved it, in words: the reviewer, else where it came from ("default content")."""
        if self.reviewer is not None:
            return self.reviewer.get_full_name() or self.reviewer.get_username()
        return self.author or "–"

    @classmethod
    def of(cls, item):
        return cls.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)


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


def record_live_versions(author):
    """Every live item's text kept as an approved version (after a restore); returns how many were new."""
    recorded = 0
    for model in content_models():
        if issubclass(model, Content):
            for item in model.objects.filter(status=Content.Status.PUBLISHED).order_by("pk"):
                recorded += record_as_approved(item, author) is not None
    return recorded

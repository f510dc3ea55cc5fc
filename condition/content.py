"""The content model: everything families read has a live version and at most one draft.

A model is content by inheriting `Content` (one declaration). Its rows are
either live (status "published"), a new item not yet approved (a draft with no
`draft_of`), or the working copy of a live item (`draft_of` set). Rows that
travel with their parent (a page's sections, a quiz's questions and their
choices) inherit `DraftChild`. Every approved version is kept as a `Revision`.

Signals, the search index, export and the admin ask this module which models
are content (`content_models()`); none of them lists models by hand. The rules
that move content between draft and live are in condition.drafts, which
builds on this module, as condition.translations does: neither imports the other's
callers, so imports run one way (content -> translations -> drafts).
"""

import hashlib
import json

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Value
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

APPROVE_PERMISSION = "condition.publish_page"
# The language content is written and approved in first; other languages translate it. One source: settings.
ORIGINAL_LANGUAGE = settings.LANGUAGE_CODE
# Fields the workflow owns: a draft never carries them onto the live row.
WORKFLOW_FIELDS = {"status", "draft_of", "edited_by", "submitted_at", "review_note", "translation_reviewed"}


class ContentQuerySet(models.QuerySet):
    def live(self, language=None):
        """What families may read, in `language` (the site's own language, English, unless named)."""
        return self.live_in([language or ORIGINAL_LANGUAGE])

    def live_in(self, languages):
        """What families may read in any of `languages` (a page list that mixes translated and original pages)."""
        return self.filter(status=Content.Status.PUBLISHED, language__in=languages)

    def originals(self):
        """Live items and new items not yet approved: everything but working copies."""
        return self.filter(draft_of__isnull=True)

    def waiting_for_review(self):
        return self.filter(status=Content.Status.REVIEW)


class Content(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    status = models.CharField(
        verbose_name=_("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        editable=False,
        help_text=_("Families only ever see published content. A clinical reviewer approves drafts."),
    )
    draft_of = models.ForeignKey(
        "self",
        verbose_name=_("draft of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="drafts",
        help_text=_("The live item this draft will replace when a reviewer approves it."),
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    submitted_at = models.DateTimeField(verbose_name=_("submitted at"), null=True, blank=True, editable=False)
    review_note = models.TextField(
        verbose_name=_("review note"), blank=True, editable=False, help_text=_("The reviewer's comment when sent back.")
    )
    # Translations (condition.translations): an item in another language is content of its own, with its
    # own drafts and review, pointing to the item it translates and to the approved version it was made from.
    # A code from settings.LANGUAGES (not a choices list: adding a language needs no migration).
    language = models.CharField(
        verbose_name=_("language"), max_length=12, default=ORIGINAL_LANGUAGE, editable=False, db_index=True
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="translations",
        help_text=_("The item in the site's own language that this translates."),
    )
    made_from = models.ForeignKey(
        "condition.Revision",
        verbose_name=_("made from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("The approved version of the original this translation was made from."),
    )
    translation_reviewed = models.BooleanField(
        verbose_name=_("translation reviewed"),
        default=False,
        editable=False,
        help_text=_("A clinical reviewer approved this translation (shipped translations start unreviewed)."),
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


class WorkflowError(Exception):
    """Why a workflow step was refused, in words for staff."""


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


class Revision(models.Model):
    """Every approved version of every content item, and every emergency take-down: the audit trail."""

    staff_may_view = True  # both staff groups read these (condition.groups)

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


# --- what a translation follows of its original ------------------------------
# A translation (condition.translations) takes from its original every field that is not the
# translator's; the workflow (condition.drafts) calls these when it makes or approves a working copy.
# Fields a translation never takes from its original when it is made or updated.
OWN_FIELDS = WORKFLOW_FIELDS | {"language", "translation_of", "made_from"}


def _approved(model):
    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(model), action=Revision.Action.APPROVED
    ).order_by("-created_at", "-pk")


def latest_version(item):
    """The original's latest approved Revision (None for content loaded at set-up and never changed since)."""
    return _approved(type(item)).filter(object_id=item.pk).first()


def sync_from_original(translation, original):
    """Every field that is not the translator's comes from the original (urgency, order, addresses),
    on the item and on each of its rows (a section's care box and anchor, a choice's right answer)."""
    skip = OWN_FIELDS | set(translation.translated_fields) | set(translation.kept_on_approve)
    _copy_fields(original, translation, exclude=skip)
    if translation.pk is not None:
        sync_rows_from_original(translation)


def original_row(row):
    """The original's row a translation's row was copied from (through its drafts' `origin` links), or None."""
    for _step in range(5):
        row = row.origin
        if row is None:
            return None
        if not owning_item(row).is_translation:
            return row
    return None


def sync_rows_from_original(parent):
    """Each row of translation `parent` (and theirs) takes from its original row what is not the translator's.

    Rows are written in `merge_order` after unique values are parked, so the
    original's swaps (two anchors, the right answer moving) never clash midway.
    """
    for accessor, parent_field in children_of(parent):
        rows = list(getattr(parent, accessor).all())
        synced = []
        for row in rows:
            original = original_row(row)
            if original is not None:
                _copy_fields(original, row, exclude={"origin", parent_field, *row.translated_fields})
                synced.append(row)
        if synced:
            _park_unique_values(type(synced[0]), [row.pk for row in synced], parent_field)
        for row in sorted(synced, key=lambda row: (type(row).merge_order(row), row.pk)):
            row.save()
        for row in rows:
            sync_rows_from_original(row)


def prepare_working_copy(draft):
    """A translator's new working copy is made from the original as it is now (called by start_draft)."""
    original = draft.translation_of
    sync_from_original(draft, original)
    draft.made_from = latest_version(original)

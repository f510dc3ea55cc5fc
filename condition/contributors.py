"""Who changed a draft: the two-person rule's record (condition.drafts.approve refuses them).

Every write to a content row (an item, a section, a picture, a question, a
choice, a many-to-many pick) made while a signed-in person's request runs is
recorded against the draft it belongs to, and, for a row moved from one
draft to another or deleted, against the draft it left. The record is taken
from the model signals, beneath every view: the admin's forms, inlines,
delete pages and actions, "replace with an old version", and any view a
library adds. Copying an item into a new draft is no change (`not_a_change`),
nor are the workflow's own steps (submit, approve...), which write workflow
fields only.
"""

import contextlib
from contextvars import ContextVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

_request = ContextVar("contributors_request", default=None)
_paused = ContextVar("contributors_paused", default=False)


class Contributor(models.Model):
    """Someone who changed a draft (or a row of it) since the item last went live."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "condition"
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "user"], name="contributor_once_per_draft")
        ]

    def __str__(self):
        return f"{self.user} changed {self.content_type.model} {self.object_id}"


class WhoIsWritingMiddleware:
    """Makes the signed-in person known to the signals below for the length of their request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def _writer():
    if _paused.get():
        return None
    request = _request.get()
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and user.is_authenticated else None


@contextlib.contextmanager
def not_a_change():
    """Writes that copy or publish content rather than change it (starting a draft, approving)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def users_who_changed(item):
    """The pks of everyone who changed `item`'s draft since it last went live."""
    return set(_of(item).values_list("user_id", flat=True))


def record(item, user):
    """`user` made `item`'s draft what it is, though no row changed (putting a taken-down version back)."""
    _record(item, user)


def forget(item):
    """The item went live: its next draft starts with no one having changed it."""
    _of(item).delete()


def _of(item):
    return Contributor.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)


def _record(item, user):
    from condition.content import Content

    if item is None or item.pk is None or item.status == Content.Status.PUBLISHED:
        return  # a live item changes only by approval
    Contributor.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk, user=user
    )


def _owner(row):
    from condition.content import owning_item

    try:
        return owning_item(row)
    except models.ObjectDoesNotExist:  # its parent is being deleted with it
        return None


def _value(field, row):
    value = getattr(row, field.attname)
    return value.name if isinstance(value, FieldFile) else value


def _changed_fields(stored, row):
    from condition.content import WORKFLOW_FIELDS

    return any(
        _value(field, stored) != _value(field, row)
        for field in row._meta.concrete_fields
        if not field.primary_key and field.name not in WORKFLOW_FIELDS and field.name != "origin"
    )


def _before_save(sender, instance, raw=False, **kwargs):
    instance._contributor_owners = []
    user = _writer()
    if user is None or raw:
        return
    stored = sender._default_manager.filter(pk=instance.pk).first() if instance.pk is not None else None
    if stored is None:
        instance._contributor_owners = [None]  # a new row: its owner is known once saved
    elif _changed_fields(stored, instance):
        instance._contributor_owners = [_owner(stored), None]  # the draft it leaves, and the one it is in


def _after_save(sender, instance, raw=False, **kwargs):
    owners = getattr(instance, "_contributor_owners", [])
    instance._contributor_owners = []
    user = _writer()
    if user is None or not owners:
        return
    for owner in {_owner(instance) if owner is None else owner for owner in owners}:
        _record(owner, user)


# A delete that takes the rows pointing at the deleted one with it, refuses, or leaves them as they are.
_NOT_LEFT_CHANGED = (models.CASCADE, models.PROTECT, models.RESTRICT, models.DO_NOTHING)


def _rows_changed_by_deleting(instance):
    """Content rows that a delete of `instance` changes without deleting them: a pointer emptied
    (SET_NULL, SET_DEFAULT, SET(...)) or a many-to-many pick dropped. Those updates send no signals."""
    from condition.content import DraftChild, is_content

    for relation in instance._meta.related_objects:
        model = relation.related_model
        if not (is_content(model) or issubclass(model, DraftChild)):
            continue
        if relation.many_to_many or relation.on_delete not in _NOT_LEFT_CHANGED:
            yield from model._default_manager.filter(**{relation.field.name: instance})


def _before_delete(sender, instance, **kwargs):
    from condition.content import DraftChild

    user = _writer()
    if user is None:
        return
    if isinstance(instance, DraftChild):
        _record(_owner(instance), user)
    for row in _rows_changed_by_deleting(instance):
        _record(_owner(row), user)


def _after_delete(sender, instance, **kwargs):
    from condition.content import Content

    if isinstance(instance, Content):
        forget(instance)


def _picks_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    from condition.content import is_content

    if action not in ("post_add", "post_remove", "pre_clear") or (action != "pre_clear" and not pk_set):
        return  # the admin's .set() sends an empty add when nothing was picked
    user = _writer()
    if user is None:
        return
    if is_content(type(instance)):
        _record(_owner(instance), user)
    if reverse and is_content(model) and pk_set:  # picked from the other side (e.g. a symmetric relation)
        for row in model._default_manager.filter(pk__in=pk_set):
            _record(_owner(row), user)


def connect(models_):
    for model in models_:
        uid = model._meta.label
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"contributors-pre-save-{uid}")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"contributors-save-{uid}")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"contributors-pre-delete-{uid}")
        post_delete.connect(_after_delete, sender=model, dispatch_uid=f"contributors-delete-{uid}")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_picks_changed, sender=through, dispatch_uid=f"contributors-m2m-{uid}-{field.name}")

"""What a draft changes, word by word, side by side: the reviewer's view of a draft against the live item."""

import difflib
import re
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from condition import images
from condition.content import ORIGINAL_LANGUAGE, WORKFLOW_FIELDS, children_of

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
SKIPPED = WORKFLOW_FIELDS | {"id", "origin", "updated_at"}


@dataclass
class FieldChange:
    label: str
    old: str  # HTML: the live text with removed words in <del>
    new: str  # HTML: the draft's text with added words in <ins>
    changed: bool
    internal: bool = False  # bookkeeping staff never type (language, translation of, made from)


@dataclass
class RowChange:
    label: str
    kind: str  # "changed", "added", "removed" or "same"
    fields: list = field(default_factory=list)
    reading: object = None  # condition.readability scores of the draft's text, for sections

    @property
    def changed(self):
        return self.kind != "same"


def word_diff(old, new):
    """(old HTML, new HTML): the two texts escaped, with removed words in <del> and added ones in <ins>."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        removed, added = escape("".join(before[i1:i2])), escape("".join(after[j1:j2]))
        if op == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))


def _shown(row, model_field):
    if row is None:
        return ""
    if model_field.many_to_many:
        return ", ".join(sorted(str(related) for related in getattr(row, model_field.name).all()))
    if model_field.choices:
        return str(getattr(row, f"get_{model_field.name}_display")())
    if model_field.is_relation:
        related = getattr(row, model_field.name)
        return "" if related is None else str(related)
    value = model_field.value_from_object(row)
    return "" if value is None else str(value)


def _thumbnail(row, property_name):
    """The stored picture itself, small, with its alt text (escaped): what families will see."""
    picture = getattr(row, property_name, None) if row is not None else None
    if picture is None or not picture.name:
        return ""
    smallest = picture.renditions[0] if picture.renditions else None
    source = images.url(smallest["fallback"]) if smallest else images.url(picture.name)
    size = gettext("%(width)s × %(height)s pixels") % {"width": picture.width, "height": picture.height}
    return format_html(
        '<figure class="review-picture"><img src="{}" alt="{}" loading="lazy"><figcaption>{}</figcaption></figure>',
        source,
        picture.alt,
        size if picture.width and picture.height else "",
    )


def _picture_change(model_field, old, new, property_name):
    before = "" if old is None else model_field.value_from_object(old).name or ""
    after = "" if new is None else model_field.value_from_object(new).name or ""
    label = str(model_field.verbose_name).capitalize()
    return FieldChange(label, _thumbnail(old, property_name), _thumbnail(new, property_name), before != after)


def _internal_changed(model, model_field, old, new, before, after):
    """A field staff never type counts as changed against the live row, or, for a new row, against its default."""
    if old is not None or new is None or model_field.many_to_many:
        return before != after
    return _shown(model(), model_field) != after


def _fields(model, old, new, parent_field=None):
    """The fields to compare: a picture as the picture itself (its sizes and copies with it), and bookkeeping
    fields only when they changed."""
    kept = set(getattr(model, "kept_on_approve", ()))
    pictures = getattr(model, "pictures", {})
    folded = {name for _, parts in pictures.values() for name in parts}
    changes = []
    for model_field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        name = model_field.name
        if name in SKIPPED or name in kept or name == parent_field or name in folded:
            continue
        if name in pictures:
            changes.append(_picture_change(model_field, old, new, pictures[name][0]))
            continue
        before, after = _shown(old, model_field), _shown(new, model_field)
        if not model_field.editable:
            if not _internal_changed(model, model_field, old, new, before, after):
                continue
        left, right = word_diff(before, after)
        label = str(model_field.verbose_name).capitalize()
        changes.append(FieldChange(label, left, right, before != after, internal=not model_field.editable))
    return changes


def _model(row):
    """The model of a row, or of an approved version read as one (`Version`)."""
    return row.version_model if isinstance(row, Version) else type(row)


def _rows(live_parent, draft_parent, prefix="", language=None, by_id=False):
    """`by_id`: the draft's rows are the old version's own rows (matched by id), not copies of them."""
    from condition.readability import assess

    rows = []
    for accessor, parent_field in children_of(draft_parent):
        live_rows = {row.pk: row for row in getattr(live_parent, accessor).all()} if live_parent else {}
        matched = set()
        for row in getattr(draft_parent, accessor).all():
            old = live_rows.get(row.pk if by_id else row.origin_id)
            matched.add(getattr(old, "pk", None))
            fields = _fields(type(row), old, row, parent_field)
            kind = "added" if old is None else ("changed" if any(f.changed for f in fields) else "same")
            label = f"{prefix}{type(row)._meta.verbose_name.capitalize()}: {str(row)[:80]}"
            scored = getattr(type(row), "scored_for_reading", False)
            # A translated page's care box shows its advice's own translation: scored there, not here.
            scored = scored and not (language not in (None, ORIGINAL_LANGUAGE) and getattr(row, "care_advice_id", None))
            reading = assess(row.text, language=language or ORIGINAL_LANGUAGE) if scored else None
            rows.append(RowChange(label, kind, fields, reading))
            rows.extend(_rows(old, row, prefix=f"{label} › ", language=language, by_id=by_id))
        for pk, old in live_rows.items():
            if pk not in matched:
                label = f"{prefix}{_model(old)._meta.verbose_name.capitalize()}: {str(old)[:80]}"
                rows.append(RowChange(label, "removed", _fields(_model(old), old, None, parent_field)))
    return rows


class Version:
    """An approved version (a Revision's `data`) read like the row it was, for `compare_with_version()`:
    its fields, its many-to-many choices and its rows, each a Version too."""

    def __init__(self, model, data):
        self.version_model = model
        self._row = model()
        for model_field in model._meta.concrete_fields:
            if model_field.name in data:
                setattr(self._row, model_field.attname, model_field.to_python(data[model_field.name]))
        self._extra = {}
        for model_field in model._meta.many_to_many:
            self._extra[model_field.name] = model_field.related_model._default_manager.filter(
                pk__in=data.get(model_field.name, [])
            )
        for accessor, _parent_field in children_of(self._row):
            child_model = model._meta.get_field(accessor).related_model
            self._extra[accessor] = _Rows([Version(child_model, child) for child in data.get(accessor, [])])

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._extra:
            return self._extra[name]
        try:
            return getattr(self._row, name)
        except ObjectDoesNotExist:  # it pointed to a row that is gone since
            return None

    def __str__(self):
        return str(self._row)


class _Rows(list):
    def all(self):
        return self


def compare_with_version(revision, draft):
    """The draft against an approved version of itself (a Revision, e.g. the one taken down): rows are
    matched by id, so a draft holding that version shows only what changed since."""
    version = Version(type(draft), revision.data)
    language = getattr(draft, "language", ORIGINAL_LANGUAGE)
    return {
        "fields": _fields(type(draft), version, draft),
        "rows": _rows(version, draft, language=language, by_id=True),
    }


def compare(live, draft):
    """The draft's fields and rows against the live item's (everything is new when there is no live item)."""
    language = getattr(draft, "language", ORIGINAL_LANGUAGE)  # a translation is scored in its own language
    return {"fields": _fields(type(draft), live, draft), "rows": _rows(live, draft, language=language)}


def changes_since(model, old, new):
    """What changed in an original's translated words between two snapshots (condition.content.snapshot):
    what a translator must bring into the translation. Rows are matched by id, children included."""
    changes = []
    for name in model.translated_fields:
        before, after = str(old.get(name) or ""), str(new.get(name) or "")
        if before != after:
            left, right = word_diff(before, after)
            changes.append(FieldChange(str(model._meta.get_field(name).verbose_name).capitalize(), left, right, True))
    for accessor in model.draft_children:
        child_model = model._meta.get_field(accessor).related_model
        old_rows = {row.get("id"): row for row in old.get(accessor, [])}
        for row in new.get(accessor, []):
            before = old_rows.pop(row.get("id"), {})
            for change in changes_since(child_model, before, row):
                change.label = f"{child_model._meta.verbose_name.capitalize()} › {change.label}"
                changes.append(change)
        for row in old_rows.values():
            for change in changes_since(child_model, row, {}):
                change.label = f"{child_model._meta.verbose_name.capitalize()} (removed) › {change.label}"
                changes.append(change)
    return changes

"""The default OMS content: load it once, and later show and take corrections.

`load_oms_content` creates what is missing and never touches what exists. It
remembers what it loaded (LoadedContent), so it never re-creates what staff
deleted, and `--update` can tell an item staff edited from one still as
shipped: it shows the difference and applies it only when asked.

Each kind of content is described once by a `Kind`; apps add their own kinds
with `register` (quizzes does, so this module never imports quizzes).
"""

import difflib
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from condition import drafts
from condition.models import LoadedContent
from condition.search import index as search_index

KINDS = []


class Conflict(Exception):
    """An item that cannot be taken as shipped without trusting what staff changed; reported, the rest goes on."""


@dataclass
class Item:
    kind: str
    key: str
    shipped: dict  # the shipped content, in the same plain form `read` gives
    find: Callable  # () -> object in the database, or None
    read: Callable  # (object) -> dict, comparable with `shipped`
    create: Callable  # () -> None
    update: Callable  # (object) -> None


@dataclass
class Plan:
    item: Item
    state: str  # "new", "deleted", "same", "changed", and after loading "blocked" or "submitted"
    edited: bool = False  # changed since it was loaded (or loaded before this was recorded)
    current: dict = None
    reason: str = ""  # why it was blocked


def register(order):
    """Decorate a function returning the Items of one kind; lower `order` loads first."""

    def add(items):
        KINDS.append((order, items))
        KINDS.sort(key=lambda pair: pair[0])
        return items

    return add


def fingerprint(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def plan():
    """What loading would do for every shipped item, in order."""
    memory = {(row.kind, row.key): row.fingerprint for row in LoadedContent.objects.all()}
    plans = []
    for _, items in KINDS:
        for item in items():
            obj = item.find()
            remembered = memory.get((item.kind, item.key))
            if obj is None:
                plans.append(Plan(item, "deleted" if remembered else "new"))
                continue
            current = item.read(obj)
            if current == item.shipped:
                plans.append(Plan(item, "same", current=current))
            else:
                edited = remembered != fingerprint(current)
                plans.append(Plan(item, "changed", edited=edited, current=current))
    return plans


def remember(item):
    LoadedContent.objects.update_or_create(
        kind=item.kind, key=item.key, defaults={"fingerprint": fingerprint(item.shipped)}
    )


def load(*, update=False, overwrite_edited=False):
    """Create what is new; with `update`, also apply shipped corrections. Returns the plans.

    The search index is rebuilt once at the end, not row by row (sections are bulk-created).
    """
    with transaction.atomic(), search_index.held():
        plans = plan()
        for entry in plans:
            item = entry.item
            try:
                with transaction.atomic():  # a blocked item leaves nothing half done
                    if entry.state == "new":
                        item.create()
                        remember(item)
                        _keep_as_approved(item.find())  # now: a translation loaded later points to it
                    elif entry.state == "same":
                        remember(item)  # true whether or not it was recorded before
                    elif entry.state == "changed" and update and (overwrite_edited or not entry.edited):
                        _update_through_review(item)
                        entry.state = "submitted"
            except Conflict as conflict:
                entry.state, entry.reason = "blocked", str(conflict)
        for entry in plans:  # as loaded in the end (a later kind picks a page's related topics)
            if entry.state in ("new", "same"):
                _keep_as_approved(entry.item.find(), just_loaded=entry.state == "new")
    return plans


def _keep_as_approved(obj, just_loaded=True):
    """The shipped text kept as an approved version ("default content"), so staff can always bring it
    back; a shipped translation records the English version it was made from (for "needs update").

    An item loaded before versions were kept gets its version too; one loaded in this run has its
    version brought up to date with what the rest of the run added (its related topics)."""
    from condition.translations import latest_version

    if obj is None or not obj.is_live:
        return
    latest = latest_version(obj)
    if latest is not None:
        if just_loaded and latest.author == drafts.DEFAULT_CONTENT and latest.reviewer_id is None:
            latest.data = drafts.snapshot(obj)
            latest.save(update_fields=["data"])
        return
    if obj.is_translation and obj.made_from_id is None:
        original = latest_version(obj.translation_of)
        if original is not None and original.author == drafts.DEFAULT_CONTENT:
            obj.made_from = original
            type(obj).objects.filter(pk=obj.pk).update(made_from=original)
    drafts.record_as_approved(obj, drafts.DEFAULT_CONTENT)


def _update_through_review(item):
    """Shipped corrections reach families like any staff change: as a draft a clinical reviewer approves."""
    current = item.find()
    if not current.is_live:
        item.update(current)  # not live yet: it is a draft itself
        remember(item)
        return
    if current.pending_draft() is not None:
        raise Conflict("staff have a draft of it open: approve or discard that draft, then run this again")
    draft = drafts.start_draft(current, None)
    item.update(draft)
    drafts.submit(draft, None)


def diff(entry):
    """A unified diff of the item as it is now against the shipped version."""

    def lines(data):
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False).splitlines()

    name = f"{entry.item.kind} {entry.item.key}"
    return "\n".join(
        difflib.unified_diff(
            lines(entry.current), lines(entry.item.shipped), f"{name} (now)", f"{name} (shipped)", lineterm=""
        )
    )

"""The admin side of drafts and review, shared by every admin that edits content (condition.drafts).

Nobody edits a live row in the admin, whatever their rights: its change form
is read-only, and "Start a draft" makes the working copy staff edit. A draft
is submitted, then a clinical reviewer approves it (it goes live in one
transaction) or sends it back with a comment. Rows that belong to an item (a
section, a question, its choices) follow their parent: locked while the parent
is live, and never movable to a live parent.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from condition import diff, drafts, translations
from condition.content import Content, Revision, WorkflowError
from condition.diff import compare


class UnixLineEndingsField(forms.CharField):
    """Browsers send textareas with CRLF; store LF, so an untouched save changes nothing."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class LineEndingsMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.TextField) and not db_field.choices:
            kwargs.setdefault("form_class", UnixLineEndingsField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def _is_translation(row):
    item = drafts.owning_item(row) if row is not None else None
    return item is not None and item.is_translation


def _editable(row):
    """A draft not waiting for review (for a section or a choice: the item it belongs to)."""
    item = drafts.owning_item(row) if row is not None else None
    return item is None or item.status == Content.Status.DRAFT


class ContentAdmin(LineEndingsMixin, admin.ModelAdmin):
    """Admin for a Content model: live rows are read-only; drafts are edited, submitted and approved."""

    change_form_template = "admin/content/change_form.html"
    # Content a reviewer may take off the site at once in an emergency.
    can_take_down = False

    def has_change_permission(self, request, obj=None):
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Deleting a draft discards it; a live item comes down through "Take down" (logged).
        return (obj is None or not obj.is_live) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj.edited_by = request.user
        super().save_model(request, obj, form, change)

    def get_list_display(self, request):
        shown = [*super().get_list_display(request), "workflow_state"]
        return [*shown, "language_shown"] if translations.is_translatable(self.model) else shown

    def get_list_filter(self, request):
        shown = list(super().get_list_filter(request))
        return [*shown, TranslationFilter] if translations.is_translatable(self.model) else shown

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return translations.with_original_version(queryset) if translations.is_translatable(self.model) else queryset

    @admin.display(description=gettext_lazy("Language"), ordering="language")
    def language_shown(self, item):
        name = translations.language_name(item.language)
        return f"{name} (needs update)" if translations.is_out_of_date(item) else name

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None and obj.is_translation else super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        """A translator writes the translated words only; the rest follows the original."""
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_translation:
            readonly += translations.followed_fields(type(obj))
        return readonly

    @admin.display(description=gettext_lazy("Version"))
    def workflow_state(self, item):
        if item.is_live:
            return "Live"
        label = item.get_status_display()
        return f"{label} of a change to the live one" if item.is_working_copy else f"{label}, not live"

    def view_on_site(self, item):
        """Only a live item has a family-facing address; drafts have "Preview as families see it"."""
        return item.get_absolute_url() if item.is_live and hasattr(item, "get_absolute_url") else None

    # --- the workflow's own views ------------------------------------------
    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/review/", wrap(self.review_view), name=f"{name}_review"),
            path("<int:pk>/workflow/<slug:action>/", wrap(self.workflow_view), name=f"{name}_workflow"),
        ] + super().get_urls()

    def workflow_view(self, request, pk, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        item = get_object_or_404(self.model, pk=pk)
        step = getattr(self, f"_step_{action.replace('-', '_')}", None)
        if step is None:
            raise Http404("No such step")
        try:
            target = step(request, item)
        except WorkflowError as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return redirect(self._change_url(item))
        return redirect(self._change_url(target))

    def _change_url(self, item):
        opts = item._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk], current_app=self.admin_site.name
        )

    def _need(self, allowed):
        if not allowed:
            raise PermissionDenied

    def _step_draft(self, request, item):
        self._need(item.is_live and super().has_change_permission(request, item))
        draft = drafts.start_draft(item, request.user)
        self.message_user(
            request, "This is your draft. Families keep reading the live version until a reviewer approves it."
        )
        return draft

    def _step_translate(self, request, item):
        self._need(item.is_live and super().has_change_permission(request, item))
        language = request.POST.get("language", "")
        draft = translations.start_translation(item, language, request.user)
        self.message_user(
            request,
            f"This is the {translations.language_name(language)} translation's draft. Write over each field "
            "with the translation; the original is shown beside it. A clinical reviewer approves it.",
        )
        return draft

    def _step_submit(self, request, item):
        self._need(not item.is_live and super().has_change_permission(request, item))
        drafts.submit(item, request.user)
        self.message_user(request, "Submitted: the clinical reviewers have been told.", messages.SUCCESS)
        return item

    def _step_withdraw(self, request, item):
        self._need(item.status == Content.Status.REVIEW and super().has_change_permission(request, item))
        item = drafts.withdraw(item)
        self.message_user(request, "Taken back from review: you can edit it again.")
        return item

    def _step_approve(self, request, item):
        self._need(drafts.may_approve(request.user))
        live = drafts.approve(item, request.user, seen=request.POST.get("seen", ""))
        self.message_user(request, "Approved: families read the new version from now on.", messages.SUCCESS)
        return live

    def _step_send_back(self, request, item):
        self._need(drafts.may_approve(request.user))
        drafts.send_back(item, request.user, request.POST.get("note", ""))
        self.message_user(request, "Sent back to the editor with your comment.", messages.SUCCESS)
        return item

    def _step_take_down(self, request, item):
        self._need(self.can_take_down and drafts.may_approve(request.user))
        drafts.take_down(item, request.user, request.POST.get("reason", ""))
        self.message_user(request, "Taken down: families no longer see it. The reason is logged.", messages.WARNING)
        return item

    def _step_restore(self, request, item):
        # Never into a draft waiting for review: the reviewer would approve words they did not see.
        self._need(
            super().has_change_permission(request, item) and _editable(item.pending_draft() if item.is_live else item)
        )
        revision_id = request.POST.get("revision", "")
        if not (revision_id.isascii() and revision_id.isdigit() and len(revision_id) < 19):
            raise Http404("No such approved version")
        revision = get_object_or_404(Revision.of(item), pk=revision_id, action=Revision.Action.APPROVED)
        draft = drafts.draft_from_revision(revision, request.user)
        self.log_change(
            request, draft, f"Replaced the draft's text with the version approved on {revision.created_at:%d %b %Y}."
        )
        self.message_user(request, f"A draft now holds the version approved on {revision.created_at:%d %b %Y}.")
        return draft

    def _step_put_back(self, request, item):
        self._need(not item.is_live and super().has_change_permission(request, item))
        version = drafts.taken_down_version(item)
        restored = drafts.put_back(item, request.user)
        when = date_format(timezone.localtime(version.created_at), "j M Y, H:i")
        for draft in restored:
            self.log_change(request, draft, f"Put back the version taken down on {when}.")
        self.message_user(
            request,
            _(
                "This draft now holds the version taken down on %(when)s. Fix what made it come down if "
                "needed, then submit it for review: it goes live once a clinical reviewer approves it."
            )
            % {"when": when},
        )
        for translation in restored[1:]:
            self.message_user(
                request,
                _(
                    "Its %(language)s translation, taken down with it, is a draft of its taken-down version "
                    "too: submit it for its own review."
                )
                % {"language": translations.language_name(translation.language)},
            )
        return item

    def review_view(self, request, pk):
        item = get_object_or_404(self.model, pk=pk)
        if not self.has_view_permission(request, item):
            raise PermissionDenied
        live = item.draft_of if item.is_working_copy else None
        taken_down = None if live is not None else drafts.taken_down_version(item)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Review: {item}",
            "opts": self.model._meta,
            "item": item,
            "live": live,
            "changes": diff.compare_with_version(taken_down, item) if taken_down else compare(live, item),
            "taken_down": taken_down,
            "taken_down_with": _named(drafts.taken_down_with(item)) if taken_down else [],
            "approval_rule": "" if item.is_live else approval_rule(item),
            "seen": drafts.fingerprint(item),
            "may_approve": drafts.may_approve(request.user),
            "own_draft": item.edited_by_id == request.user.pk,
            "self_approval": drafts.settings.OMS_ALLOW_SELF_APPROVAL,
            "workflow_url": f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_workflow",
            "missing": translations.missing_from_translation(item) if item.is_translation else [],
        }
        return TemplateResponse(request, "admin/content/review.html", context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            opts = self.model._meta
            context.update(
                workflow_url=f"admin:{opts.app_label}_{opts.model_name}_workflow",
                review_url=f"admin:{opts.app_label}_{opts.model_name}_review",
                pending_draft=obj.pending_draft() if obj.is_live else None,
                revisions=Revision.of(obj.draft_of if obj.is_working_copy else obj).select_related("reviewer")[:10],
                may_start_draft=obj.is_live and super().has_change_permission(request, obj),
                may_submit=obj.status == Content.Status.DRAFT and super().has_change_permission(request, obj),
                may_approve=drafts.may_approve(request.user),
                can_take_down=self.can_take_down and obj.is_live and drafts.may_approve(request.user),
                taken_down_with=_named(drafts.taken_down_with(obj)) if not obj.is_live else [],
                approval_rule=approval_rule(obj) if not obj.is_live else "",
                **self._translation_context(request, obj),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _translation_context(self, request, obj):
        """For an original: its translations and what may be started; for a translation: the original beside it."""
        if not translations.is_translatable(self.model):
            return {}
        if not obj.is_translation:
            if obj.is_working_copy:
                return {}
            existing = {t.language: t for t in translations.with_original_version(obj.translations.originals())}
            rows = [
                (
                    code,
                    name,
                    existing.get(code),
                    translations.is_out_of_date(existing[code]) if code in existing else False,
                )
                for code, name in translations.languages()
            ]
            return {
                "translation_rows": rows,
                "may_translate": obj.is_live and super().has_change_permission(request, obj),
            }
        original = obj.translation_of
        # A working copy records the English as it is now, but the translation is brought up to date only
        # once it is approved: until then the changes are those since the live translation was made.
        made_from = obj.draft_of.made_from if obj.is_working_copy else obj.made_from
        old = made_from.data if made_from is not None else None
        current = drafts.snapshot(original)
        return {
            "original_item": original,
            "original_fields": [
                (original._meta.get_field(name).verbose_name, getattr(original, name)) for name in obj.translated_fields
            ],
            "language_label": translations.language_name(obj.language),
            "original_changes": diff.changes_since(type(original), old, current) if old is not None else None,
        }


def _named(items):
    return [(item, translations.language_name(item.language)) for item in items]


def _person(user):
    return user.get_full_name() or user.get_username()


def approval_rule(draft):
    """Who may approve `draft`, in a sentence, before anyone tries: the two-person rule of drafts.approve()."""
    kept = drafts.who_may_not_approve(draft)
    if not kept:
        return _("Who may approve: any clinical reviewer.")
    roles = {
        "started": _("%(name)s, who started this draft"),
        "submitted": _("%(name)s, who submitted it"),
        "changed": _("%(name)s, who changed it"),
    }
    people = "; ".join(roles[role] % {"name": _person(user)} for user, role in kept)
    if draft.status == Content.Status.DRAFT:
        return _("Who may approve: any clinical reviewer other than %(people)s, and other than whoever submits it.") % {
            "people": people
        }
    return _("Who may approve: any clinical reviewer other than %(people)s.") % {"people": people}


class TranslationFilter(admin.SimpleListFilter):
    title = gettext_lazy("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in drafts.settings.LANGUAGES] + [("needs-update", "Needs update")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "needs-update":
            return queryset.filter(pk__in=translations.needs_update(queryset.model).values("pk"))
        if value in dict(drafts.settings.LANGUAGES):
            return queryset.filter(language=value)
        return queryset


class ChildAdminMixin(LineEndingsMixin):
    """For rows that belong to a content item: they follow the item's rules.

    A translation's row is its original's in all but its translated words: on its
    own page too, only those are written (the picture, its order, its section,
    a care box or a question's section stay the original's).
    """

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if _is_translation(obj):
            readonly += translations.followed_fields(self.model)
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        return {} if _is_translation(obj) else super().get_prepopulated_fields(request, obj)

    def has_change_permission(self, request, obj=None):
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _editable(obj) and not _is_translation(obj) and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.model.parent_field:  # never into a live item, nor one waiting for review
            parents = db_field.related_model._default_manager.filter(status=Content.Status.DRAFT)
            if issubclass(db_field.related_model, Content):  # nor a translation: its rows follow the original's
                parents = parents.filter(translation_of__isnull=True)
            kwargs["queryset"] = parents
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ChildInlineMixin(LineEndingsMixin):
    """An inline of a content item's children: editable only while the item is an open draft.

    In a translation, rows follow the original's: none added or removed, and
    only their translated words are written.
    """

    def has_add_permission(self, request, obj=None):
        return _editable(obj) and not _is_translation(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _editable(obj) and not _is_translation(obj) and super().has_delete_permission(request, obj)

    def get_prepopulated_fields(self, request, obj=None):
        return {} if _is_translation(obj) else super().get_prepopulated_fields(request, obj)

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return [*fields, "original_words"] if _is_translation(obj) and "original_words" not in fields else fields

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if _is_translation(obj):
            readonly += [*translations.followed_fields(self.model), "original_words"]
        return readonly

    @admin.display(description=gettext_lazy("Original, to translate from"))
    def original_words(self, row):
        original = translations.original_row(row)
        if original is None:
            return "–"
        words = [(name, getattr(original, name)) for name in self.model.translated_fields if getattr(original, name)]
        item = drafts.owning_item(original)
        return format_html_join(
            "", '<p lang="{}"><strong>{}:</strong> {}</p>', ((item.language, name, value) for name, value in words)
        )

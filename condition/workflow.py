"""Who may change what families read, shared by every admin that edits content.

Until drafts exist (issue 9), the rule is: anything families can see changes
only through a user who may publish (a Clinical reviewer). Pages and quizzes
are live once published; glossary terms, sources, the condition and the clinic
profile are live the moment they exist.
"""

from django import forms
from django.db import models

from condition.models import Page


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


class PublishedLockMixin(LineEndingsMixin):
    """Once families can see something, only a user who may publish changes or deletes it.

    Override `live(obj)` for content with a status (the default: live as soon
    as it exists). `live_on_add`: adding one puts it live at once.
    `parent_field`: a foreign key to a page or quiz, which may only point to a
    live parent for users who may publish. A form with a status field offers
    "Published" only to users who may publish. The same rule covers the history
    "Revert" form, which django-simple-history lets anyone with view
    permission post.
    """

    publish_permission = "condition.publish_page"
    status_help_text = None
    live_on_add = True
    parent_field = None

    def live(self, obj):
        return True

    def has_publish_permission(self, request):
        return request.user.has_perm(self.publish_permission)

    def _locked(self, request, obj):
        return obj is not None and self.live(obj) and not self.has_publish_permission(request)

    def has_add_permission(self, request):
        if self.live_on_add and not self.has_publish_permission(request):
            return False
        return super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_delete_permission(request, obj)

    # --- django-simple-history ------------------------------------------
    def has_change_history_permission(self, request, obj=None):
        """`obj` may be a past version: reverting writes it over the current row, so both must be open."""
        if obj is not None and obj.pk is not None:
            current = self.model._default_manager.filter(pk=obj.pk).first()
            if current is not None and not self.has_change_permission(request, current):
                return False
        return super().has_change_history_permission(request, obj)

    def has_view_history_or_change_history_permission(self, request, obj=None):
        # The history form saves what is posted to it; simple-history checks only view permission.
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            return self.has_change_history_permission(request, obj)
        return super().has_view_history_or_change_history_permission(request, obj)

    # --- forms -------------------------------------------------------------
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.parent_field and not self.has_publish_permission(request):
            kwargs["queryset"] = db_field.related_model._default_manager.exclude(status=Page.Status.PUBLISHED)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        status = form.base_fields.get("status")
        if status is not None and not self.has_publish_permission(request):
            status.choices = [choice for choice in Page.Status.choices if choice[0] != Page.Status.PUBLISHED]
            if self.status_help_text:
                status.help_text = self.status_help_text
        return form

"""The draft -> in review -> published rule, shared by every admin that edits what families read."""

from condition.models import Page


class PublishedLockMixin:
    """Once families can see something, only a user who may publish changes or deletes it.

    Set `publish_permission` and `live(obj)`. A form with a status field offers
    "Published" only to users who may publish.
    """

    publish_permission = ""
    status_help_text = None

    def live(self, obj):
        raise NotImplementedError

    def has_publish_permission(self, request):
        return request.user.has_perm(self.publish_permission)

    def _locked(self, request, obj):
        return obj is not None and self.live(obj) and not self.has_publish_permission(request)

    def has_change_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_delete_permission(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        status = form.base_fields.get("status")
        if status is not None and not self.has_publish_permission(request):
            status.choices = [choice for choice in Page.Status.choices if choice[0] != Page.Status.PUBLISHED]
            if self.status_help_text:
                status.help_text = self.status_help_text
        return form

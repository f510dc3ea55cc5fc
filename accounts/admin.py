from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import second_factor

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    actions = ["issue_set_up_link"]

    @admin.action(
        description=gettext_lazy("Issue a sign-in app set-up link (new account or lost phone; removes their app)"),
        permissions=["reset"],
    )
    def issue_set_up_link(self, request, queryset):
        """Each person's one-time link, shown on this page only: it is stored hashed and never shown again."""
        links = [
            (user, request.build_absolute_uri(second_factor.issue_set_up_link(user)))
            for user in queryset.order_by("username")
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Sign-in app set-up links"),
            "opts": self.model._meta,
            "links": links,
        }
        return TemplateResponse(request, "admin/auth/user/set_up_links.html", context)

    def has_reset_permission(self, request):
        return request.user.is_superuser

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from accounts import second_factor

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    actions = ["reset_second_factor"]

    @admin.action(
        description="Reset sign-in app (lost phone): they set up a new one at next sign-in", permissions=["reset"]
    )
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor.reset(user)
        self.message_user(
            request, f"Sign-in app and recovery codes removed for {queryset.count()} user(s).", messages.SUCCESS
        )

    def has_reset_permission(self, request):
        return request.user.is_superuser

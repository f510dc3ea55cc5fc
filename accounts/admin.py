from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import Group
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import second_factor

User = get_user_model()
admin.site.unregister(User)

GROUPS_HELP = gettext_lazy(
    "What they may do. Anyone in a group can sign in to this admin; with no group they cannot. "
    "Editors write drafts; Clinical reviewers also approve what families read."
)


def staff_groups_field(required):
    return forms.ModelMultipleChoiceField(
        queryset=Group.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=required,
        label=gettext_lazy("Groups"),
        help_text=GROUPS_HELP,
    )


class StaffUserCreationForm(UserCreationForm):
    """A new staff member on one screen: sign-in name, password, name, email and group."""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"] = staff_groups_field(required=True)


def is_staff_by_groups(user):
    """Staff (may open the admin) exactly when in a group, or a superuser: no separate tick to forget."""
    return user.is_superuser or user.groups.exists()


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    filter_horizontal = ()
    actions = ["issue_set_up_link"]
    add_form = StaffUserCreationForm
    add_form_template = "admin/auth/user/add_staff_form.html"
    add_fieldsets = (
        (None, {"fields": ("username", "password1", "password2")}),
        (gettext_lazy("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (gettext_lazy("Permissions"), {"fields": ("groups",)}),
    )
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (gettext_lazy("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        # What someone may do comes from their group; no per-person permissions to keep track of.
        (gettext_lazy("Permissions"), {"fields": ("is_active", "groups", "is_superuser")}),
        (gettext_lazy("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    # Written by sign-in itself: shown, never typed (their date and time boxes had no labels either).
    readonly_fields = ("last_login", "date_joined")
    list_display = ("username", "email", "first_name", "last_name", "is_staff")
    list_filter = ("groups", "is_active", "is_superuser")

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name == "groups":
            return staff_groups_field(required=False)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user = form.instance
        if "groups" in form.cleaned_data and not change:
            user.groups.set(form.cleaned_data["groups"])
        staff = is_staff_by_groups(user)
        if user.is_staff != staff:
            user.is_staff = staff
            user.save(update_fields=["is_staff"])

    def response_add(self, request, obj, post_url_continue=None):
        # Django's user admin opens a second screen after "Save"; here the first one held everything.
        return admin.ModelAdmin.response_add(self, request, obj, post_url_continue)

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


admin.site.unregister(Group)


@admin.register(Group)
class StaffGroupAdmin(GroupAdmin):
    """A group's permissions as a list of labelled ticks (Django's two-box filter has misused ARIA)."""

    filter_horizontal = ()

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name == "permissions":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request=request, **kwargs)


admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class SignInAppAdmin(TOTPDeviceAdmin):
    """django-otp's own admin; the wrong-code record is written by sign-in, so shown, never typed."""

    search_help_text = None  # it named the search box by a description only (axe: label-title-only)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "throttling_failure_timestamp", "throttling_failure_count"]


admin.site.unregister(StaticDevice)


@admin.register(StaticDevice)
class RecoveryCodesAdmin(StaticDeviceAdmin):
    search_help_text = None  # as above

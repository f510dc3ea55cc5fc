from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Staff sign-in"


class StaffAdminConfig(AdminConfig):
    """The Django admin, with a second sign-in step for the people who approve content."""

    default_site = "accounts.admin_site.StaffAdminSite"

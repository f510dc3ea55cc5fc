from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Staff sign-in"


class StaffAdminConfig(AdminConfig):
    """The Django admin, with a second sign-in step for the people who approve content."""

    default_site = "accounts.admin_site.StaffAdminSite"


# The sign-in apps under names a nurse reads in the admin (not "AXES", "OTP_TOTP", "OTP_STATIC").
class SignInAttemptsConfig(AxesConfig):
    verbose_name = "Sign-in attempts and lockouts"


class AuthenticatorAppsConfig(TOTPConfig):
    verbose_name = "Authenticator apps for sign-in codes"


class RecoveryCodesConfig(StaticConfig):
    verbose_name = "Recovery codes for sign-in"

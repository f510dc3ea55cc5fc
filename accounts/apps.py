from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Staff sign-in")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from accounts.profiles import remember_language

        user_logged_in.connect(remember_language, dispatch_uid="accounts.remember_language")


class StaffAdminConfig(AdminConfig):
    """The Django admin, with a second sign-in step for the people who approve content."""

    default_site = "accounts.admin_site.StaffAdminSite"


# The sign-in apps under names a superuser reads in the admin (not "AXES", "OTP_TOTP", "OTP_STATIC").
# Nurses (Editors, Clinical reviewers) never see them: their groups hold no permission there.
class SignInAttemptsConfig(AxesConfig):
    verbose_name = _("Sign-in attempts and lockouts")


class AuthenticatorAppsConfig(TOTPConfig):
    verbose_name = _("Authenticator apps for sign-in codes")


class RecoveryCodesConfig(StaticConfig):
    verbose_name = _("Recovery codes for sign-in")

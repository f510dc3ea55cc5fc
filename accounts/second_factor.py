"""Who must give a one-time code at sign-in, and checking one (django-otp: TOTP apps and recovery codes).

People who can change what families read (Clinical reviewers, superusers)
sign in with a password and a code from an authenticator app: one phished
password must not be enough. Editors are not asked.
"""

import django_otp
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APPROVER_PERMISSIONS = ("condition.publish_page", "condition.review_page", "quizzes.publish_quiz")
RECOVERY_CODE_COUNT = 10


def needs_second_factor(user):
    return user.is_authenticated and (user.is_superuser or any(user.has_perm(p) for p in APPROVER_PERMISSIONS))


def is_verified(user):
    return bool(getattr(user, "is_verified", lambda: False)())


def second_factor_owed(request):
    """Signed in with a password, but still owes the code."""
    return needs_second_factor(request.user) and not is_verified(request.user)


def has_app(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def check_code(request, code):
    """Sign the session in with the device that accepts `code` (app first, then a recovery code), or None."""
    code = "".join(code.split())
    devices = list(TOTPDevice.objects.devices_for_user(request.user)) + list(
        StaticDevice.objects.devices_for_user(request.user)
    )
    for device in devices:
        matched = django_otp.verify_token(request.user, device.persistent_id, code)
        if matched is not None:
            django_otp.login(request, matched)
            return matched
    return None


def pending_app(user):
    """The not yet confirmed authenticator app being set up (one per user)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def confirm_app(request, device, code):
    """Confirm the app when `code` is right; returns new recovery codes (shown once), or None."""
    if not device.verify_token("".join(code.split())):
        return None
    device.confirmed = True
    device.save()
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    django_otp.login(request, device)
    return new_recovery_codes(device.user)


def new_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def reset(user):
    """Lost device: remove the app and the recovery codes; the user sets up a new app at next sign-in."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    return removed

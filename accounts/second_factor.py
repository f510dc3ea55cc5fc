"""Who must give a one-time code at sign-in, and checking one (django-otp: TOTP apps and recovery codes).

People who can change what families read (Clinical reviewers, superusers)
sign in with a password and a code from an authenticator app: one phished
password must not be enough. Editors are not asked.
"""

import re
import time

import django_otp
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SetUpLink
from omsportal.proxy import client_ip

# The session that opened a set-up link: the link it brought before the password, then the right to set up.
LINK_SESSION_KEY = "accounts_set_up_link"
SET_UP_SESSION_KEY = "accounts_may_set_up"
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


def normal_code(code):
    """A code as typed: spaces and dashes dropped, any case (recovery codes are stored in lower case)."""
    return re.sub(r"[\s\-‐‑–—]", "", code).lower()


def check_code(request, code):
    """Sign the session in with the device that accepts `code` (app first, then a recovery code), or None.

    Wrong codes slow down whoever sends them (`wait_before_code`), never the device: someone
    holding only the password cannot lock the owner out of their own sign-in."""
    code = normal_code(code)
    devices = list(TOTPDevice.objects.devices_for_user(request.user)) + list(
        StaticDevice.objects.devices_for_user(request.user)
    )
    for device in devices:
        matched = django_otp.verify_token(request.user, device.persistent_id, code)
        if matched is not None:
            django_otp.login(request, matched)
            request.session.pop(WRONG_CODES_SESSION_KEY, None)
            return matched
    wrong_code(request)
    return None


# --- wrong codes: the sender waits, per session and per client address ----------------------------
WRONG_CODES_SESSION_KEY = "accounts_wrong_codes"


def _address_keys(request):
    address = client_ip(request) or "unknown"
    return f"wrong-codes:{address}", f"wrong-codes-since:{address}"


def wait_before_code(request):
    """Seconds before this session may try a code again (0: now).

    After each wrong code the session waits twice as long as before (from
    settings.OMS_WRONG_CODE_WAIT up to OMS_WRONG_CODE_MAX_WAIT); one client
    address gets OMS_WRONG_CODES_PER_ADDRESS wrong codes per OMS_WRONG_CODE_WINDOW
    seconds, whatever the session (a new sign-in gives a new session)."""
    now = time.time()
    wait = 0.0
    count, last = request.session.get(WRONG_CODES_SESSION_KEY, [0, 0.0])
    if count:
        wait = min(settings.OMS_WRONG_CODE_WAIT * 2 ** (count - 1), settings.OMS_WRONG_CODE_MAX_WAIT) - (now - last)
    cache = caches[settings.RATELIMIT_USE_CACHE]
    count_key, since_key = _address_keys(request)
    if (cache.get(count_key) or 0) >= settings.OMS_WRONG_CODES_PER_ADDRESS:
        since = cache.get(since_key) or now
        wait = max(wait, since + settings.OMS_WRONG_CODE_WINDOW - now)
    return max(0, round(wait))


def wrong_code(request):
    count, _last = request.session.get(WRONG_CODES_SESSION_KEY, [0, 0.0])
    request.session[WRONG_CODES_SESSION_KEY] = [count + 1, time.time()]
    cache = caches[settings.RATELIMIT_USE_CACHE]
    count_key, since_key = _address_keys(request)
    window = settings.OMS_WRONG_CODE_WINDOW
    cache.add(since_key, time.time(), window)
    if not cache.add(count_key, 1, window):
        try:
            cache.incr(count_key)
        except ValueError:  # expired between the two calls
            cache.add(count_key, 1, window)


def pending_app(user):
    """The not yet confirmed authenticator app being set up (one per user)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


# --- set-up links: the password alone never shows an app's secret -------------------------------
def issue_set_up_link(user):
    """Lost phone or new account: remove the app and recovery codes, and return the path of a new
    one-time set-up link for `user` (valid a day; any older link stops working)."""
    reset(user)
    return reverse("admin:second_factor_link", args=[SetUpLink.issue(user)])


@transaction.atomic
def claim_set_up_link(request, link):
    """The signed-in owner of `link` opened it: it is used up, and this session may set up an app."""
    SetUpLink.objects.filter(pk=link.pk).delete()
    TOTPDevice.objects.filter(user=link.user, confirmed=False).delete()  # no secret shown before is kept
    request.session[SET_UP_SESSION_KEY] = [link.user_id, link.expires_at.timestamp()]


def may_set_up(request):
    """This session opened the user's own set-up link (and it has not run out)."""
    allowed = request.session.get(SET_UP_SESSION_KEY)
    return (
        isinstance(allowed, list)
        and len(allowed) == 2
        and allowed[0] == request.user.pk
        and allowed[1] > timezone.now().timestamp()
    )


@transaction.atomic
def confirm_app(request, device, code):
    """Confirm the app when `code` is right; returns new recovery codes (shown once), or None."""
    if not device.verify_token(normal_code(code)):
        wrong_code(request)
        return None
    device.confirmed = True
    device.save()
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    request.session.pop(SET_UP_SESSION_KEY, None)
    django_otp.login(request, device)
    return new_recovery_codes(device.user)


def new_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def reset(user):
    """Lost device: remove the app and the recovery codes (a new one is set up with a set-up link)."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    return removed

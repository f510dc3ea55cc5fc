"""Reviewers and superusers sign in with a password and a one-time code; Editors with a password only."""

import base64
import hashlib
import hmac
import re
import struct
import time
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import second_factor
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def totp(secret_b32, at=None, step=30, digits=6):
    """RFC 6238, as an authenticator app computes it."""
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def app_secret(device):
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def sign_in_with_password(client, username):
    response = client.post(
        reverse("admin:login") + "?next=/admin/", {"username": username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302, "the password step should succeed"
    return client.get("/admin/", follow=True)


def test_an_editor_signs_in_with_a_password_only(client, editor):
    response = sign_in_with_password(client, editor.username)
    assert response.request["PATH_INFO"] == "/admin/" and response.status_code == 200
    assert "Pages to review" in response.content.decode()


@pytest.fixture
def no_throttle(settings):
    """django-otp makes each failure wait longer (1 s, 2 s, ...); these tests retry at once."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_a_reviewer_without_an_app_is_walked_through_setting_one_up(client, reviewer, no_throttle):
    page = sign_in_with_password(client, reviewer.username)
    assert page.request["PATH_INFO"] == reverse("admin:second_factor_setup")
    html = page.content.decode()
    assert "<svg" in html  # the QR code
    uri = unquote(re.search(r'id="otpauth-uri">([^<]+)<', html).group(1).replace("&amp;", "&"))
    assert uri.startswith("otpauth://totp/OMS%20family%20guide:rita?") or uri.startswith(
        "otpauth://totp/OMS family guide:rita?"
    )
    secret = parse_qs(urlparse(uri).query)["secret"][0]

    wrong = client.post(
        reverse("admin:second_factor_setup"), {"code": "000000" if totp(secret) != "000000" else "111111"}
    )
    assert wrong.status_code == 400 and "not right" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    done = client.post(reverse("admin:second_factor_setup"), {"code": totp(secret), "next": "/admin/"})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([^<]+)</code></li>", done.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=reviewer).confirmed
    # Shown once: the set-up page is closed now that an app is confirmed.
    assert client.get(reverse("admin:second_factor_setup"))["Location"].startswith(reverse("admin:second_factor"))


def test_a_reviewer_with_an_app_must_give_the_current_code(client, reviewer, no_throttle):
    device = TOTPDevice.objects.create(user=reviewer, name="Phone", confirmed=True)
    page = sign_in_with_password(client, reviewer.username)
    assert page.request["PATH_INFO"] == reverse("admin:second_factor")
    # The password alone opens nothing in the admin.
    assert client.get(reverse("admin:condition_page_changelist")).status_code == 302
    old = totp(app_secret(device), at=time.time() - 600)
    assert client.post(reverse("admin:second_factor"), {"code": old}).status_code == 400
    response = client.post(reverse("admin:second_factor"), {"code": totp(app_secret(device)), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get(reverse("admin:condition_page_changelist")).status_code == 200


def test_a_superuser_is_asked_for_a_code_too(client, admin_user):
    admin_user.set_password(PASSWORD)
    admin_user.save()
    TOTPDevice.objects.create(user=admin_user, name="Phone", confirmed=True)
    assert sign_in_with_password(client, admin_user.username).request["PATH_INFO"] == reverse("admin:second_factor")


def test_a_recovery_code_signs_in_once(client, reviewer):
    TOTPDevice.objects.create(user=reviewer, name="Lost phone", confirmed=True)
    code = second_factor.new_recovery_codes(reviewer)[0]
    sign_in_with_password(client, reviewer.username)
    assert client.post(reverse("admin:second_factor"), {"code": code})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in_with_password(client, reviewer.username)
    again = client.post(reverse("admin:second_factor"), {"code": code})
    assert again.status_code == 400
    assert client.get("/admin/").status_code == 302


def test_signing_out_from_the_code_step(client, reviewer):
    TOTPDevice.objects.create(user=reviewer, name="Phone", confirmed=True)
    sign_in_with_password(client, reviewer.username)
    client.post(reverse("admin:second_factor"), {"sign_out": "Sign out"})
    assert "_auth_user_id" not in client.session


def test_a_superuser_resets_a_lost_app_from_the_user_list(client, admin_user, reviewer):
    TOTPDevice.objects.create(user=reviewer, name="Lost phone", confirmed=True)
    second_factor.new_recovery_codes(reviewer)
    verified_login(client, admin_user)
    response = client.post(
        reverse("admin:auth_user_changelist"), {"action": "reset_second_factor", "_selected_action": [reviewer.pk]}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not StaticDevice.objects.filter(user=reviewer).exists()
    client.logout()
    assert sign_in_with_password(client, reviewer.username).request["PATH_INFO"] == reverse("admin:second_factor_setup")


def test_only_a_superuser_may_reset_an_app(client, reviewer, editor):
    staff_admin = User.objects.create_user("uma", "u@clinic.example", PASSWORD, is_staff=True)
    staff_admin.user_permissions.add(*Permission.objects.filter(codename__in=["view_user", "change_user"]))
    TOTPDevice.objects.create(user=reviewer, name="Phone", confirmed=True)
    client.force_login(staff_admin)
    client.post(
        reverse("admin:auth_user_changelist"), {"action": "reset_second_factor", "_selected_action": [reviewer.pk]}
    )
    assert TOTPDevice.objects.filter(user=reviewer).exists()


def test_reset_otp_command_removes_the_app_and_recovery_codes(reviewer):
    TOTPDevice.objects.create(user=reviewer, name="Lost phone", confirmed=True)
    second_factor.new_recovery_codes(reviewer)
    call_command("reset_otp", reviewer.username, stdout=open("/dev/null", "w"))
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not StaticDevice.objects.filter(user=reviewer).exists()


def test_reset_otp_names_an_unknown_user():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No user called"):
        call_command("reset_otp", "nobody")

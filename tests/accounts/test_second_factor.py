"""Reviewers and superusers sign in with a password and a one-time code; Editors with a password only."""

import base64
import datetime
import hashlib
import hmac
import io
import re
import struct
import time
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import second_factor
from accounts.models import SetUpLink
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
    """Each wrong code makes the next try wait longer (1 s, 2 s, ...); these tests retry at once."""
    settings.OMS_WRONG_CODE_WAIT = 0


def issue_link(admin_user, *users):
    """The set-up links a superuser issues from the user list, as the page shows them (once)."""
    admin = verified_login(Client(), admin_user)
    response = admin.post(
        reverse("admin:auth_user_changelist"),
        {"action": "issue_set_up_link", "_selected_action": [user.pk for user in users]},
    )
    assert response.status_code == 200
    links = re.findall(r'<code class="set-up-link">http://testserver(/[^<]+)</code>', response.content.decode())
    assert len(links) == len(users)
    return links[0] if len(users) == 1 else links


def secret_on(page):
    html = page.content.decode()
    uri = unquote(re.search(r'id="otpauth-uri">([^<]+)<', html).group(1).replace("&amp;", "&"))
    return uri, parse_qs(urlparse(uri).query)["secret"][0]


def test_a_reviewer_with_a_set_up_link_is_walked_through_setting_up_an_app(client, reviewer, admin_user, no_throttle):
    link = issue_link(admin_user, reviewer)
    opened = client.get(link)
    assert opened.status_code == 302 and opened["Location"].startswith(reverse("admin:login"))
    page = sign_in_with_password(client, reviewer.username)
    assert page.request["PATH_INFO"] == reverse("admin:second_factor_setup")
    assert "<svg" in page.content.decode()  # the QR code
    uri, secret = secret_on(page)
    assert uri.startswith("otpauth://totp/OMS%20family%20guide:rita?") or uri.startswith(
        "otpauth://totp/OMS family guide:rita?"
    )

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


def test_the_password_alone_never_shows_an_app_secret(client, reviewer):
    page = sign_in_with_password(client, reviewer.username)
    assert page.request["PATH_INFO"] == reverse("admin:second_factor_setup")
    html = page.content.decode()
    assert page.status_code == 403
    assert "set-up link" in html
    assert "otpauth" not in html and "second-factor-qr" not in html and 'id="secret"' not in html
    assert not TOTPDevice.objects.filter(user=reviewer).exists()  # no secret was even made
    assert client.post(reverse("admin:second_factor_setup"), {"code": "123456"}).status_code == 403
    assert client.get("/admin/").status_code == 302


def test_a_set_up_link_opened_after_the_password_works_too(client, reviewer, admin_user):
    link = issue_link(admin_user, reviewer)
    sign_in_with_password(client, reviewer.username)
    response = client.get(link, follow=True)
    assert response.request["PATH_INFO"] == reverse("admin:second_factor_setup")
    assert 'id="secret"' in response.content.decode()


def test_a_set_up_link_works_once(client, reviewer, admin_user):
    link = issue_link(admin_user, reviewer)
    client.get(link)
    assert 'id="secret"' in sign_in_with_password(client, reviewer.username).content.decode()
    assert not SetUpLink.objects.exists()

    other = Client()
    response = other.get(link)
    assert response.status_code == 410 and "already used" in response.content.decode()
    page = sign_in_with_password(other, reviewer.username)
    assert page.status_code == 403 and 'id="secret"' not in page.content.decode()


def test_a_set_up_link_runs_out_after_a_day(client, reviewer, admin_user):
    link = issue_link(admin_user, reviewer)
    stored = SetUpLink.objects.get(user=reviewer)
    assert stored.expires_at - stored.created_at == datetime.timedelta(days=1)
    SetUpLink.objects.filter(pk=stored.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(link).status_code == 410
    page = sign_in_with_password(client, reviewer.username)
    assert page.status_code == 403 and 'id="secret"' not in page.content.decode()


def test_a_set_up_link_sets_up_no_other_account(client, reviewer, admin_user):
    other = User.objects.create_user("otto", "o@clinic.example", PASSWORD, is_staff=True, is_superuser=True)
    link = issue_link(admin_user, reviewer)
    # Opened after another account's password ...
    sign_in_with_password(client, other.username)
    response = client.get(link)
    assert response.status_code == 403 and "another account" in response.content.decode()
    # ... or before it: the link stays the reviewer's and sets up nothing for the other account.
    second = Client()
    second.get(link)
    page = sign_in_with_password(second, other.username)
    assert page.status_code == 403 and 'id="secret"' not in page.content.decode()
    assert not TOTPDevice.objects.filter(user=other).exists()
    # It still works for its own account.
    owner = Client()
    owner.get(link)
    assert 'id="secret"' in sign_in_with_password(owner, reviewer.username).content.decode()


def test_a_new_link_ends_the_old_one(client, reviewer, admin_user):
    old = issue_link(admin_user, reviewer)
    new = issue_link(admin_user, reviewer)
    assert client.get(old).status_code == 410
    assert client.get(new).status_code == 302


def test_a_link_is_stored_hashed_and_shown_only_to_the_administrator_who_issued_it(admin_user, reviewer, editor):
    links = issue_link(admin_user, reviewer, editor)
    tokens = [link.rstrip("/").rsplit("/", 1)[1] for link in links]
    stored = set(SetUpLink.objects.values_list("token_hash", flat=True))
    assert len(stored) == 2 and not stored & set(tokens)
    listing = verified_login(Client(), admin_user).get(reverse("admin:auth_user_changelist")).content.decode()
    assert not any(token in listing for token in tokens)


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


def test_wrong_codes_make_the_next_try_wait_and_say_so(client, reviewer, settings):
    settings.OMS_WRONG_CODE_WAIT = 60  # the first wait: a minute, so the test cannot outrun it
    device = TOTPDevice.objects.create(user=reviewer, name="Phone", confirmed=True)
    sign_in_with_password(client, reviewer.username)
    wrong = "000000" if totp(app_secret(device)) != "000000" else "111111"
    first = client.post(reverse("admin:second_factor"), {"code": wrong})
    assert first.status_code == 400 and "Too many wrong codes: wait" in first.content.decode()
    right_too_soon = client.post(reverse("admin:second_factor"), {"code": totp(app_secret(device))})
    assert right_too_soon.status_code == 400 and "Too many wrong codes" in right_too_soon.content.decode()
    assert client.get("/admin/").status_code == 302


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
    link = issue_link(admin_user, reviewer)
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not StaticDevice.objects.filter(user=reviewer).exists()
    client.get(link)
    page = sign_in_with_password(client, reviewer.username)
    assert page.request["PATH_INFO"] == reverse("admin:second_factor_setup")
    assert 'id="secret"' in page.content.decode()


def test_only_a_superuser_may_reset_an_app(client, reviewer, editor):
    staff_admin = User.objects.create_user("uma", "u@clinic.example", PASSWORD, is_staff=True)
    staff_admin.user_permissions.add(*Permission.objects.filter(codename__in=["view_user", "change_user"]))
    TOTPDevice.objects.create(user=reviewer, name="Phone", confirmed=True)
    client.force_login(staff_admin)
    client.post(
        reverse("admin:auth_user_changelist"), {"action": "issue_set_up_link", "_selected_action": [reviewer.pk]}
    )
    assert TOTPDevice.objects.filter(user=reviewer).exists()
    assert not SetUpLink.objects.exists()


def test_reset_otp_command_removes_the_app_and_prints_a_set_up_link(client, reviewer, settings):
    settings.SITE_URL = "https://guide.clinic.example"
    TOTPDevice.objects.create(user=reviewer, name="Lost phone", confirmed=True)
    second_factor.new_recovery_codes(reviewer)
    out = io.StringIO()
    call_command("reset_otp", reviewer.username, stdout=out)
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not StaticDevice.objects.filter(user=reviewer).exists()
    link = re.search(r"https://guide\.clinic\.example(/admin/\S+)", out.getvalue()).group(1)
    client.get(link)
    assert 'id="secret"' in sign_in_with_password(client, reviewer.username).content.decode()


def test_reset_otp_names_an_unknown_user():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No user called"):
        call_command("reset_otp", "nobody")


# --- wrong codes slow down the sender, never the owner -------------------------------------------


def wrong_for(device):
    right = totp(app_secret(device))
    return next(code for code in ("000000", "111111", "222222") if code != right)


def test_a_guesser_with_the_password_never_locks_the_owner_out(reviewer):
    device = TOTPDevice.objects.create(user=reviewer, name="Phone", confirmed=True)
    guesser = Client(REMOTE_ADDR="127.0.0.9")
    sign_in_with_password(guesser, reviewer.username)
    for _attempt in range(12):
        assert guesser.post(reverse("admin:second_factor"), {"code": wrong_for(device)}).status_code == 400
    refused = guesser.post(reverse("admin:second_factor"), {"code": totp(app_secret(device))})
    assert refused.status_code == 400 and "Too many wrong codes" in refused.content.decode()

    owner = Client(REMOTE_ADDR="127.0.0.1")
    sign_in_with_password(owner, reviewer.username)
    response = owner.post(reverse("admin:second_factor"), {"code": totp(app_secret(device)), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert owner.get(reverse("admin:condition_page_changelist")).status_code == 200


def test_a_session_waits_twice_as_long_after_each_wrong_code(client, reviewer, settings):
    settings.OMS_WRONG_CODE_WAIT = 10
    device = TOTPDevice.objects.create(user=reviewer, name="Phone", confirmed=True)
    sign_in_with_password(client, reviewer.username)
    client.post(reverse("admin:second_factor"), {"code": wrong_for(device)})
    assert 9 <= second_factor.wait_before_code(_request_for(client)) <= 10
    session = client.session
    session[second_factor.WRONG_CODES_SESSION_KEY] = [1, 0.0]  # the first wait is over
    session.save()
    client.post(reverse("admin:second_factor"), {"code": wrong_for(device)})
    assert 19 <= second_factor.wait_before_code(_request_for(client)) <= 20
    session = client.session
    session[second_factor.WRONG_CODES_SESSION_KEY] = [30, 0.0]
    session.save()
    assert second_factor.wait_before_code(_request_for(client)) == 0  # the wait is bounded (5 minutes)


def _request_for(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/", REMOTE_ADDR=client.defaults.get("REMOTE_ADDR", "127.0.0.1"))
    request.session = client.session
    return request


def test_one_address_gets_a_bounded_number_of_wrong_codes_whatever_the_session(reviewer, settings, no_throttle):
    settings.OMS_WRONG_CODES_PER_ADDRESS = 3
    device = TOTPDevice.objects.create(user=reviewer, name="Phone", confirmed=True)
    for _session in range(3):  # a new sign-in each time: a new session
        guesser = Client(REMOTE_ADDR="127.0.0.9")
        sign_in_with_password(guesser, reviewer.username)
        assert guesser.post(reverse("admin:second_factor"), {"code": wrong_for(device)}).status_code == 400
    guesser = Client(REMOTE_ADDR="127.0.0.9")
    sign_in_with_password(guesser, reviewer.username)
    refused = guesser.post(reverse("admin:second_factor"), {"code": totp(app_secret(device))})
    assert refused.status_code == 400 and "Too many wrong codes" in refused.content.decode()

    owner = Client(REMOTE_ADDR="127.0.0.1")
    sign_in_with_password(owner, reviewer.username)
    assert owner.post(reverse("admin:second_factor"), {"code": totp(app_secret(device))}).status_code == 302


@pytest.mark.parametrize("typed", ["{code}", "{upper}", "{upper_dashed}", " {spaced} ", "{code_dashed}"])
def test_a_recovery_code_is_accepted_in_any_case_with_spaces_or_dashes(client, reviewer, typed):
    TOTPDevice.objects.create(user=reviewer, name="Lost phone", confirmed=True)
    code = second_factor.new_recovery_codes(reviewer)[0]
    shown = typed.format(
        code=code,
        upper=code.upper(),
        upper_dashed=f"{code[:4]}-{code[4:]}".upper(),
        spaced=" ".join(code),
        code_dashed=f"{code[:4]}–{code[4:]}",
    )
    sign_in_with_password(client, reviewer.username)
    assert client.post(reverse("admin:second_factor"), {"code": shown})["Location"] == "/admin/"

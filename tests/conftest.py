import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command

from condition import cache as content_cache


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    content_cache._local.clear()
    yield
    cache.clear()


@pytest.fixture
def oms_content(db):
    """The default OMS content, loaded exactly as `make run` loads it."""
    call_command("load_oms_content", stdout=open("/dev/null", "w"))


def _staff(username, group_name=None, **extra):
    user = User.objects.create_user(
        username, f"{username}@clinic.example", "a-long-test-password", is_staff=True, **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _staff("eddie", "Editors", first_name="Eddie", last_name="Editor")


@pytest.fixture
def reviewer(db):
    return _staff("rita", "Clinical reviewers", first_name="Rita", last_name="Reviewer")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def verified_login(client, user):
    """Sign `user` in as the admin login would after password and one-time code (accounts/)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    return verified_login(client, reviewer)


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's superuser client, past the one-time code step too."""
    return verified_login(client, admin_user)

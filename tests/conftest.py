import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command

from condition import cache as content_cache


@pytest.fixture(autouse=True)
def _commit_is_now(request, monkeypatch):
    """Tests on the `db` fixture run in one transaction that never commits, so
    the content version is bumped at once, as a commit would; tests with real
    commits (transactional_db, live_server) keep Django's on_commit."""
    marker = request.node.get_closest_marker("django_db")
    commits = marker is not None and marker.kwargs.get("transaction", False)
    if not commits and not {"transactional_db", "live_server"} & set(request.fixturenames):
        monkeypatch.setattr(content_cache, "on_commit", lambda callback, using=None: callback())


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


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache, caches
from django.core.management import call_command
from django.utils import translation

from pagecache import cache as content_cache
from pagecache import lastgood
from tests import snapshot, static_files


def pytest_configure(config):
    """Static files collected as production collects them, before any test reads one."""
    from django.conf import settings

    static_files.use(settings.TEST_STATIC_ROOT)


# Tests that run for tens of seconds each (servers started in subprocesses, thousands of requests).
# pytest-django runs tests without a database last, so one of these would start when the other
# workers had nothing left: they go first instead, the longest first, and xdist hands them out one
# by one (make test: --dist loadgroup --no-loadscope-reorder, which keeps this order).
LONG_FIRST = (
    "tests/omsportal/test_concurrency.py",
    "tests/browser/test_production.py",
    "tests/omsportal/test_multiserver.py",
    "tests/omsportal/test_slow_clients.py",
    "tests/condition/test_backup.py",
    "tests/omsportal/test_vote_limit.py",
    "tests/omsportal/test_faults.py",
    "tests/omsportal/test_deploy.py",
)
DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """After pytest-django's order (database tests, then those that commit, then the rest): the long tests
    that use no database move to the front (a test that commits empties the database, so the tests that
    expect it as migrated would not find it so after one)."""

    def rank(item):
        module = item.nodeid.split("::")[0]
        uses_database = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames)
        return LONG_FIRST.index(module) if module in LONG_FIRST and not uses_database else len(LONG_FIRST)

    items.sort(key=rank)


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, answering every address through the portal as gunicorn does.

    Django's test server would serve /static/ from the finders (unhashed names,
    none of production's) and /media/ straight from the folder (skipping the
    portal's own check that a picture is live): here WhiteNoise and the portal's
    views answer them, as in production.
    """
    from pytest_django.live_server_helper import LiveServer

    addr = request.config.getvalue("liveserver") or "localhost"
    server = LiveServer(addr, start=False)
    server.thread.static_handler = lambda media_handler: media_handler.application
    server.start()
    yield server
    server.stop()


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
def _default_language():
    """A test client's request to /es/ leaves Spanish active in the test's thread (LocaleMiddleware does
    not reset it), so a later test's reverse() would give /es/ addresses: each test starts in English."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    caches["ratelimit"].clear()  # each test starts with its own allowance of family posts
    content_cache._local.clear()
    content_cache._here.clear()
    # What this process wrote of the help page's last good copy: each test has its own LAST_GOOD_DIR.
    lastgood._written.clear()
    lastgood._rebuild.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, and the default content loaded once into it and rolled back, while
    the database is still as migrations left it (tests/snapshot.py)."""
    with django_db_blocker.unblock():
        snapshot.take()


@pytest.fixture
def oms_content(db, django_db_setup):
    """The default OMS content, exactly as `make run` loads it: the rows and files of one real load in this
    process put back (tests/snapshot.py), or the real command where the database is in a state it does not know."""
    if not snapshot.restore():
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

"""Browser tests: Debian's Chromium driven by Playwright against a live server on 127.0.0.1."""

import sys
import time
import warnings
from pathlib import Path

import pytest
from django.core.management import call_command

from tests import snapshot

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does this)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db, django_db_setup, request, settings):
    """The live server with the default OMS content and the staff groups; handouts print its address.

    Each browser test starts from an emptied database: the tables migrations
    filled (staff groups and their permissions) and the default content's rows
    and files are put back from the one load this process made
    (tests/snapshot.py). From a state the snapshot does not know, the groups
    are made again by the data migrations' functions and the content loaded.
    """
    if not snapshot.restore():
        from condition.groups import grant_staff_permissions

        grant_staff_permissions()
        call_command("load_oms_content", stdout=open("/dev/null", "w"))
    settings.SITE_URL = live_server.url
    yield live_server
    try:
        if "browser" in request.fixturenames:
            # Any page a test left open (its service worker still fetching) would reach into the next test.
            for context in request.getfixturevalue("browser").contexts:
                context.close()
    finally:
        requests_end()


def requests_end(timeout=10):
    """Wait until the live server has answered every request the closed browser pages left in flight.

    The database is emptied after each browser test; a request still reading it
    (a service worker's fetch) would hold a table lock on SQLite and make the
    emptying fail. Each connection has a thread of its own; one waiting for a
    next request on a kept-alive connection is idle, not in flight.
    """
    deadline = time.monotonic() + timeout
    while any(_answering(frame) for frame in sys._current_frames().values()):
        if time.monotonic() >= deadline:
            warnings.warn(f"the live server was still answering a request {timeout} s after the test", stacklevel=2)
            return
        time.sleep(0.02)


def _answering(frame):
    """Whether a thread's stack is inside the live server answering a request (wsgiref's handler runs the
    application and writes its response)."""
    while frame is not None:
        if frame.f_code.co_name == "run" and frame.f_code.co_filename.endswith("wsgiref/handlers.py"):
            return True
        frame = frame.f_back
    return False


@pytest.fixture
def phone(browser):
    """A 360 px wide phone screen."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The rules whose outcome depends on the colours (the rest read the markup, the same in light and dark).
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, *, colours_only=False, inject=True):
    """Run axe-core (WCAG 2.0-2.2 A and AA rules) in the page and return its violations.

    colours_only: just the rules that depend on colour (a second colour scheme of a page already checked);
    inject=False: axe is already in the page. Only violations are worked out in full (faster)."""
    if inject:
        page.add_script_tag(path=str(AXE))
    only = {"type": "rule", "values": AXE_COLOUR_RULES} if colours_only else {"type": "tag", "values": AXE_TAGS}
    result = page.evaluate(
        "async (only) => await axe.run(document, {runOnly: only, resultTypes: ['violations']})", only
    )
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]

"""A family in a hospital basement with no signal: pages they saved, and Get help now, still open.

Going offline blocks every request the context makes (the service worker's own
fetches included) as well as switching the browser's network off, which on its
own does not stop a service worker's fetches.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

BANNER = re.compile(r"^You are offline\. This is the copy saved on \w+ \d{1,2}, \d{4}")


@pytest.fixture
def family(browser):
    """A phone whose network can be cut."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, bypass_csp=True
    )
    page = context.new_page()
    yield page
    context.close()


def worker_ready(page):
    """Wait until the service worker runs and has saved what it saves on install."""
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=15000)


def go_offline(page):
    page.context.route("**/*", lambda route: route.abort("internetdisconnected"))
    page.context.set_offline(True)


def test_a_saved_topic_page_opens_offline_with_the_offline_banner(site, family):
    family.goto(site.url + "/topics/treatment/")
    heading = family.get_by_role("heading", level=1).inner_text()
    save = family.get_by_role("button", name="Save for offline")
    expect(save).to_be_visible(timeout=15000)
    save.click()
    expect(family.locator(".save-offline [role=status]")).to_have_text(
        re.compile(r"^Saved for offline reading on \w+ \d{1,2}, \d{4}"), timeout=15000
    )
    assert axe_violations(family) == []

    go_offline(family)
    family.reload()
    expect(family.get_by_role("heading", level=1)).to_have_text(heading)
    banner = family.get_by_role("status").filter(has_text="You are offline")
    expect(banner).to_have_text(BANNER)
    expect(family.get_by_role("heading", name="Key points")).to_be_visible()
    # Still the saved copy's own page: it says it is saved, and passes axe with the banner.
    expect(family.locator(".save-offline [role=status]")).to_have_text(re.compile("^Saved for offline reading on"))
    assert axe_violations(family) == []
    family.emulate_media(color_scheme="dark")
    assert axe_violations(family) == []
    assert family.evaluate("document.documentElement.scrollWidth") <= 360


def test_get_help_now_opens_offline_after_the_first_visit(site, family):
    family.goto(site.url + "/")
    worker_ready(family)
    go_offline(family)
    family.goto(site.url + "/help/")
    expect(family.get_by_role("heading", level=1)).to_have_text("Get help now")
    expect(family.get_by_role("status").filter(has_text="You are offline")).to_have_text(BANNER)
    expect(family.locator(".care-box").first).to_be_visible()


def test_pages_a_family_opened_open_offline_without_tapping_save(site, family):
    # The page they landed on (before the worker ran), and one they went on to.
    family.goto(site.url + "/topics/symptoms/")
    expect(family.locator(".save-offline [role=status]")).to_have_text(
        re.compile("^Saved for offline reading on"), timeout=15000
    )
    family.get_by_role("link", name=re.compile("^Next:")).click()
    family.wait_for_load_state()
    following = family.url
    title = family.get_by_role("heading", level=1).inner_text()
    expect(family.locator(".save-offline [role=status]")).to_have_text(re.compile("^Saved"), timeout=15000)
    go_offline(family)
    for url, heading in ((site.url + "/topics/symptoms/", "symptoms"), (following, title)):
        family.goto(url)
        expect(family.get_by_role("heading", level=1)).to_have_text(re.compile(heading))
        expect(family.get_by_role("status").filter(has_text="You are offline")).to_have_text(BANNER)


def test_all_topics_saved_in_one_tap_open_offline(site, family):
    family.goto(site.url + "/")
    topics = family.locator(".topic-list a").evaluate_all("links => links.map(a => a.href)")
    assert len(topics) >= 9
    family.get_by_role("button", name="Save all topics for offline").click()
    expect(family.locator(".save-offline [role=status]")).to_have_text(
        re.compile(rf"^All {len(topics)} topics saved for offline reading on \w+ \d{{1,2}}, \d{{4}}"), timeout=30000
    )
    assert axe_violations(family) == []
    family.reload()
    expect(family.locator(".save-offline [role=status]")).to_have_text(
        f"All {len(topics)} topics are saved for offline reading.", timeout=15000
    )
    go_offline(family)
    for url in topics:
        family.goto(url)
        expect(family.get_by_role("status").filter(has_text="You are offline")).to_have_text(BANNER)
        expect(family.get_by_role("heading", name="Key points")).to_be_visible()


def test_a_saved_page_opens_when_the_network_never_answers(site, family):
    family.goto(site.url + "/topics/outlook/")
    expect(family.locator(".save-offline [role=status]")).to_have_text(re.compile("^Saved"), timeout=15000)
    stalled = []
    family.context.route("**/topics/outlook/", lambda route: stalled.append(route))  # never answered
    family.goto(site.url + "/topics/outlook/", timeout=20000)
    assert stalled, "the worker did not ask the network first"
    expect(family.get_by_role("status").filter(has_text="not answering")).to_have_text(
        re.compile(r"^The network is not answering\. This is the copy saved on \w+ \d{1,2}, \d{4}")
    )
    expect(family.get_by_role("heading", name="Key points")).to_be_visible()
    for route in stalled:
        route.abort()


def test_a_page_never_opened_says_so_offline_and_links_to_get_help_now(site, family):
    family.goto(site.url + "/")
    worker_ready(family)
    go_offline(family)
    family.goto(site.url + "/topics/outlook/")
    expect(family.get_by_role("heading", level=1)).to_have_text("You are offline")
    family.get_by_role("link", name="Get help now").click()
    expect(family.get_by_role("heading", level=1)).to_have_text("Get help now")


def test_the_quiz_is_never_kept_for_offline(site, family):
    family.goto(site.url + "/quiz/oms-basics/")
    worker_ready(family)
    family.goto(site.url + "/quiz/oms-basics/")
    saved = family.evaluate(
        """async () => {
            const urls = [];
            for (const name of await caches.keys()) {
                for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
            }
            return urls;
        }"""
    )
    assert "/help/" in saved and "/" in saved
    assert not [url for url in saved if url.startswith("/quiz/")]

    # Offline, the quiz answers with the portal's own page pointing to Get help now,
    # not the browser's error page.
    go_offline(family)
    family.goto(site.url + "/quiz/oms-basics/")
    expect(family.get_by_role("heading", level=1)).to_have_text("You are offline")
    family.get_by_role("link", name="Get help now").click()
    expect(family.get_by_role("heading", level=1)).to_have_text("Get help now")


SAVED = """async () => {
    const saved = {};
    for (const name of await caches.keys()) {
        saved[name] = {};
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            saved[name][new URL(request.url).pathname] = await (await cache.match(request)).text();
        }
    }
    return saved;
}"""


def test_saved_copies_are_replaced_when_the_content_changes_and_the_old_ones_deleted(site, family):
    from condition.models import Page
    from pagecache.cache import bump_content_version

    family.goto(site.url + "/topics/treatment/")
    worker_ready(family)
    family.get_by_role("button", name="Save for offline").click()
    expect(family.locator(".save-offline [role=status]")).to_have_text(re.compile("^Saved"), timeout=15000)
    (before,) = family.evaluate(SAVED).keys()

    Page.objects.filter(translation_of=None, slug="treatment").update(title="Treatment, as the clinic now words it")
    bump_content_version()  # what saving in the admin does once the edit commits
    family.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    for _ in range(150):  # the new worker installs (saving fresh copies), then deletes the old cache
        saved = family.evaluate(SAVED)
        if list(saved) != [before] and len(saved) == 1:
            break
        family.wait_for_timeout(100)
    (after,) = saved.values()
    assert "Treatment, as the clinic now words it" in after["/topics/treatment/"]
    assert "/help/" in after

    go_offline(family)
    family.goto(site.url + "/topics/treatment/")
    expect(family.get_by_role("heading", level=1)).to_have_text("Treatment, as the clinic now words it")
    expect(family.get_by_role("status").filter(has_text="You are offline")).to_have_text(BANNER)

import re

from playwright.sync_api import expect


def test_family_reads_a_topic_on_a_phone_and_follows_a_citation(site, phone):
    phone.goto(site.url + "/")
    phone.get_by_role("link", name="Signs and symptoms").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Signs and symptoms")
    expect(phone.get_by_role("heading", name="Key points")).to_be_visible()
    # Nothing is wider than the phone: no sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.get_by_role("link", name="Signs coming back or getting worse").first.click()
    expect(phone.locator("#signs-return")).to_be_in_viewport()
    phone.get_by_role("link", name="Source 1").first.click()
    expect(phone).to_have_url(re.compile(r"/topics/symptoms/#cite-1$"))
    expect(phone.locator("#cite-1")).to_be_in_viewport()
    phone.locator("#cite-1").get_by_role("link", name="More about this source").click()
    expect(phone).to_have_url(re.compile(r"/sources/#source-[a-z0-9-]+$"))
    expect(phone.locator(":target")).to_contain_text("Signs and symptoms")


def test_glossary_terms_are_explained_in_place_and_link_to_the_word_list(site, phone):
    phone.goto(site.url + "/topics/what-is-oms/")
    box = phone.locator("#what-the-name-means .terms")
    box.locator("summary").click()
    expect(box).to_contain_text("Fast, jerky eye movements")
    # A tap on the word explains it where the reader is: the address does not change.
    word = phone.locator("#what-the-name-means button.term", has_text="Opsoclonus")
    tip = phone.locator("#tip-opsoclonus")
    expect(tip).to_be_hidden()
    word.tap()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Fast, jerky eye movements")
    assert phone.url.endswith("/topics/what-is-oms/")
    tip.get_by_role("button", name="Close").tap()
    expect(tip).to_be_hidden()
    # The keyboard opens and closes it too.
    word.focus()
    phone.keyboard.press("Enter")
    expect(tip).to_be_visible()
    phone.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    word.tap()
    tip.get_by_role("link", name="More in the word list").tap()
    expect(phone).to_have_url(re.compile(r"/glossary/#term-opsoclonus$"))


def test_a_source_entry_leads_back_to_its_marker_and_markers_are_24_px_targets(site, phone):
    phone.goto(site.url + "/topics/symptoms/")
    marker = phone.get_by_role("link", name="Source 1").first
    box = marker.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    assert float(marker.evaluate("a => getComputedStyle(a).fontSize").removesuffix("px")) >= 13
    marker.tap()
    expect(phone.locator("#cite-1")).to_be_in_viewport()
    phone.locator("#cite-1").get_by_role("link", name="Back to text where [1] is cited").tap()
    expect(phone).to_have_url(re.compile(r"/topics/symptoms/#cite-ref-1$"))
    expect(phone.locator("#cite-ref-1")).to_be_in_viewport()


def test_a_word_tapped_far_down_the_page_is_explained_where_the_reader_is(site, phone):
    phone.goto(site.url + "/topics/what-is-oms/")
    word = phone.locator("#what-the-name-means button.term", has_text="Opsoclonus")
    word.evaluate("button => button.scrollIntoView({block: 'center'})")
    before = phone.evaluate("window.scrollY")
    assert before > 200  # the word is well down the page
    word.tap()
    tip = phone.locator("#tip-opsoclonus")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Fast, jerky eye movements")
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box  # the whole explanation is on the screen
    assert phone.evaluate("window.scrollY") == before
    tip.get_by_role("button", name="Close").tap()
    expect(tip).to_be_hidden()
    expect(word).to_be_focused()  # back on the word, to read on
    assert phone.evaluate("window.scrollY") == before
    assert phone.url.endswith("/topics/what-is-oms/")


def test_a_spanish_reader_gets_the_spanish_approved_definition_in_place(site, phone):
    from condition.models import GlossaryTerm

    spanish = GlossaryTerm.objects.live("es").get(slug="opsoclonus")
    phone.goto(site.url + "/es/topics/what-is-oms/")
    word = phone.locator("button.term", has_text=re.compile("opsoclon", re.I)).first
    word.tap()
    tip = phone.locator("#" + word.get_attribute("popovertarget"))
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(spanish.definition.split(".")[0].strip())
    expect(tip.get_by_role("link", name="Más en la lista de palabras")).to_be_visible()
    expect(tip.get_by_role("button", name="Cerrar")).to_be_visible()


def test_a_word_is_explained_in_place_with_javascript_switched_off(site, browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(site.url + "/topics/what-is-oms/")
    page.locator("#what-the-name-means button.term", has_text="Opsoclonus").tap()
    expect(page.locator("#tip-opsoclonus")).to_be_visible()
    page.locator("#tip-opsoclonus").get_by_role("button", name="Close").tap()
    expect(page.locator("#tip-opsoclonus")).to_be_hidden()
    context.close()


def test_a_later_marker_tapped_leads_back_to_that_marker_and_every_place_is_listed(site, phone):
    phone.goto(site.url + "/topics/symptoms/")
    marker = phone.locator("#cite-ref-1-3")
    marker.get_by_role("link", name="Source 1").tap()
    entry = phone.locator("#cite-1")
    expect(entry).to_be_in_viewport()
    back = entry.get_by_role("link", name="Back to text where [1] is cited")
    box = back.bounding_box()
    assert box["height"] >= 24, box
    back.tap()
    expect(phone).to_have_url(re.compile(r"/topics/symptoms/#cite-ref-1-3$"))
    expect(marker).to_be_in_viewport()
    # Every place source 1 is cited is listed too, each a 24 px target that resolves to its marker.
    phone.goto(site.url + "/topics/symptoms/#cite-1")
    places = entry.locator(".cited-places a")
    count = places.count()
    assert count == phone.locator("sup.cite a[href='#cite-1']").count() > 2
    for link in places.all():
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
        assert phone.locator(link.get_attribute("href")).count() == 1
    second = entry.get_by_role("link", name=f"Place 2 of {count} where [1] is cited")
    second.tap()
    expect(phone).to_have_url(re.compile(r"#cite-ref-1-2$"))
    expect(phone.locator("#cite-ref-1-2")).to_be_in_viewport()


def test_the_site_works_with_javascript_switched_off(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "/topics/treatment/")
    page.get_by_role("button", name=re.compile(r"^No\b.*not helpful")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your answer is saved")
    page.get_by_label("Anything we should add").fill("Say more about IVIG side effects.")
    page.get_by_role("button", name="Send comment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    from condition.models import PageFeedback

    feedback = PageFeedback.objects.get()
    assert (feedback.page.slug, feedback.helpful, feedback.comment) == (
        "treatment",
        False,
        "Say more about IVIG side effects.",
    )
    context.close()


def test_keyboard_users_can_skip_to_the_content(site, desktop):
    desktop.goto(site.url + "/topics/symptoms/")
    desktop.keyboard.press("Tab")
    skip = desktop.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    desktop.keyboard.press("Enter")
    expect(desktop).to_have_url(re.compile(r"#main$"))

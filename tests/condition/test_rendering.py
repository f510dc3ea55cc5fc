import re

from condition.rendering import PageRenderer, cited_keys, sanitise
from tests.factories import GlossaryTermFactory, SectionFactory, SourceFactory


def test_staff_script_and_event_handlers_never_reach_the_page():
    html = sanitise(
        "Hello <script>alert(1)</script> <img src=x onerror=alert(2)> "
        '<a href="javascript:alert(3)" onclick="alert(4)">link</a> <iframe src="https://evil.example"></iframe>'
        "\n\n[click](javascript:alert(5)) <style>body{display:none}</style>"
    )
    lowered = html.lower()
    for bad in ("<script", "onerror", "onclick", "javascript:", "<iframe", "<img", "<style", "alert(1)"):
        assert bad not in lowered
    assert "Hello" in html


def test_simple_formatting_is_kept():
    html = sanitise("**bold** and a [link](https://example.org)\n\n- one\n- two\n\n### Sub heading")
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">link</a>' in html
    assert "<ul>" in html and "<li>one</li>" in html
    assert "<h3>Sub heading</h3>" in html


def test_top_level_headings_become_h3_so_the_outline_stays_in_order():
    assert "<h3>Big</h3>" in sanitise("# Big")
    assert "<h1" not in sanitise("# Big")


def test_cited_keys_are_listed_once_in_order_of_first_use():
    assert cited_keys("a [cite:NORD] b [cite:orpha] c [cite:nord]") == ["nord", "orpha"]


def test_citations_are_numbered_per_page_in_order_of_first_use(db):
    first, second = SourceFactory(key="first"), SourceFactory(key="second")
    sections = [
        SectionFactory.build(body="One [cite:second]."),
        SectionFactory.build(body="Two [cite:first] and again [cite:second]."),
    ]
    renderer = PageRenderer(sources={"first": first, "second": second}, glossary=[])
    html = [renderer.render(section).html for section in sections]
    assert 'href="#cite-1" aria-label="Source 1">[1]</a>' in html[0]
    assert 'href="#cite-2" aria-label="Source 2">[2]</a>' in html[1]
    assert "[1]</a>" in html[1]
    assert renderer.cited_sources == [second, first]


def test_a_marker_for_a_deleted_source_disappears_instead_of_dangling():
    renderer = PageRenderer(sources={}, glossary=[])
    assert "cite" not in renderer.render(SectionFactory.build(body="Fact [cite:gone].")).html


def test_glossary_terms_are_linked_and_explained_at_first_use_only(db):
    term = GlossaryTermFactory(term="ataxia", slug="ataxia", other_forms="ataxic")
    renderer = PageRenderer(sources={}, glossary=[term])
    first = renderer.render(SectionFactory.build(body="Ataxia means shaky walking. Ataxia again."))
    second = renderer.render(SectionFactory.build(body="More ataxic walking."))
    assert first.html.count('href="/glossary/#term-ataxia"') == 1
    assert first.terms == [term]
    assert second.terms == []


def test_glossary_terms_are_not_linked_inside_links_or_headings(db):
    term = GlossaryTermFactory(term="ataxia", slug="ataxia")
    renderer = PageRenderer(sources={}, glossary=[term])
    rendered = renderer.render(SectionFactory.build(body="### Ataxia\n\n[about ataxia](https://example.org)"))
    assert 'class="term"' not in rendered.html


def test_a_link_title_stays_text_whatever_words_it_holds(db):
    """A title quoting a care box, or holding glossary words and a ">", never gets a link put inside it."""
    from tests.factories import CareAdviceFactory

    fit = CareAdviceFactory(title="A fit (seizure)", key="fit")
    terms = [GlossaryTermFactory(term="seizure", slug="seizure"), GlossaryTermFactory(term="ataxia", slug="ataxia")]
    renderer = PageRenderer(sources={}, glossary=terms, care_boxes=[fit])
    body = (
        '[x](https://example.org/ "A fit (seizure)") and [y](https://example.org/y "ataxia > 2 seizure")\n\n'
        'A "A fit (seizure)" box, then ataxia.'
    )
    html = renderer.render(SectionFactory.build(body=body)).html
    assert 'title="A fit (seizure)"' in html
    assert 'title="ataxia &gt; 2 seizure"' in html
    # The text outside the links is still linked: the care box's quoted title and the glossary words.
    assert '"<a href="#fit">A fit (seizure)</a>"' in html
    assert 'href="/glossary/#term-ataxia"' in html
    import html5lib

    tree = html5lib.parseFragment(html, namespaceHTMLElements=False)
    titles = [link.get("title") for link in tree.iter("a") if link.get("title")]
    assert titles == ["A fit (seizure)", "ataxia > 2 seizure"]


def test_a_link_whose_address_is_refused_becomes_plain_text():
    html = sanitise(
        "[x](javascript:alert(1)) and [y](data:text/html,hi) and [z](vbscript:msgbox) and "
        '<a name="top">anchor</a> but [kept](https://example.org/ "A title")'
    )
    assert "<a>" not in html and "<a " not in html.replace('<a href="https://example.org/"', "")
    assert "x and y and z and anchor but" in html
    assert '<a href="https://example.org/" title="A title" rel="noopener noreferrer">kept</a>' in html


def test_refused_links_are_named_for_staff():
    from condition.rendering import refused_links

    assert refused_links("[Call](javascript:alert(1)) [ok](https://example.org) [**Map**](data:x)") == [
        "Call",
        "Map",
    ]
    assert refused_links("[ok](https://example.org) [mail](mailto:a@b.example) [phone](tel:123) [here](#top)") == []


def _rendered(text, care_boxes=()):
    from condition.models import Source
    from condition.rendering import PageRenderer

    renderer = PageRenderer(sources={"armangue": Source(key="armangue")}, glossary=[], care_boxes=care_boxes)
    return renderer._html(text, [])


def test_a_citation_written_inside_a_link_follows_the_link_and_never_breaks_its_tag():
    for text in (
        '[guide](https://example.org/guide "NORD guide [cite:armangue]")',
        "[guide](https://example.org/guide[cite:armangue])",
        "[guide [cite:armangue]](https://example.org/guide)",
    ):
        html = _rendered(text)
        link, after = html.split("</a>", 1)
        assert "cite" not in link, html  # no marker in the link's address, title or text
        assert '<a href="#cite-1"' in after and after.startswith('<sup class="cite"'), html
        assert html.count("<a ") == 2


def test_a_care_box_title_quoted_inside_a_link_stays_text():
    class Care:
        title = "Signs coming back"
        key = "signs-back"

    html = _rendered('[read "Signs coming back" first](https://example.org) and "Signs coming back"', [Care])
    assert html.count('href="#signs-back"') == 1  # the quote outside the link only
    first_link = html.split("</a>", 1)[0]
    assert "#signs-back" not in first_link


def test_a_markdown_table_keeps_its_cells_and_loses_every_attribute_and_script():
    html = sanitise(
        "| Medicine | What to do |\n| :--- | --- |\n"
        '| IVIG <b onclick="alert(1)">x</b> | Call now <script>alert(2)</script> |\n\n'
        '<table style="display:none" onmouseover="alert(3)"><tr><td bgcolor="red">raw</td></tr></table>'
    )
    assert "<table>" in html and "<thead>" in html and "<tbody>" in html
    assert "<th>Medicine</th>" in html and "<td>Call now" in html
    lowered = html.lower()
    for bad in ("onclick", "<script", "style=", "onmouseover", "bgcolor", "align"):
        assert bad not in lowered, bad


def test_citations_and_terms_work_inside_table_cells(db):
    source = SourceFactory(key="bnfc")
    term = GlossaryTermFactory(term="azathioprine", slug="azathioprine")
    renderer = PageRenderer(sources={"bnfc": source}, glossary=[term])
    section = SectionFactory.build(
        body="| Medicine | Watch for |\n| --- | --- |\n| azathioprine | bruises [cite:bnfc] |"
    )
    html = renderer.render(section).html
    assert 'href="#cite-1" aria-label="Source 1">[1]</a>' in html
    assert 'href="/glossary/#term-azathioprine"' in html and "<td>" in html


def test_a_term_on_a_topic_page_opens_its_explanation_in_place_with_the_staff_text_escaped(db):
    term = GlossaryTermFactory(term="ataxia", slug="ataxia", definition="Shaky <b>walking</b> & falls.")
    renderer = PageRenderer(sources={}, glossary=[term], explain_in_place=True)
    html = renderer.render(SectionFactory.build(body="Ataxia means shaky walking.")).html
    assert '<button type="button" class="term" popovertarget="tip-ataxia">Ataxia</button>' in html
    assert '<span class="term-tip" id="tip-ataxia" popover>' in html
    assert "Shaky &lt;b&gt;walking&lt;/b&gt; &amp; falls." in html and "<b>" not in html
    assert 'href="/glossary/#term-ataxia"' in html


def test_a_handout_keeps_terms_as_links_to_the_word_list(db):
    term = GlossaryTermFactory(term="ataxia", slug="ataxia")
    html = PageRenderer(sources={}, glossary=[term]).render(SectionFactory.build(body="Ataxia.")).html
    assert '<a class="term" href="/glossary/#term-ataxia">Ataxia</a>' in html and "popover" not in html


def test_the_first_marker_of_each_source_is_where_its_list_entry_leads_back_to(db):
    from tests.factories import SourceFactory

    source = SourceFactory(key="nice")
    renderer = PageRenderer(sources={"nice": source}, glossary=[])
    html = renderer.render(SectionFactory.build(body="One [cite:nice]. Two [cite:nice].")).html
    assert html.count('id="cite-ref-1"') == 1
    assert html.count('href="#cite-1"') == 2


ID_RE = re.compile(r'\sid="([^"]+)"')
HREF_ID_RE = re.compile(r'href="#([^"]+)"')


def test_every_marker_has_its_own_id_and_the_source_list_names_each_in_order(db):
    nice, nord = SourceFactory(key="nice"), SourceFactory(key="nord")
    renderer = PageRenderer(sources={"nice": nice, "nord": nord}, glossary=[])
    html = "".join(
        renderer.render(SectionFactory.build(body=body)).html
        for body in ["One [cite:nice]. Two [cite:nord].", "Three [cite:nice] and four [cite:nice]."]
    )
    ids = ID_RE.findall(html)
    assert ids == ["cite-ref-1", "cite-ref-2", "cite-ref-1-2", "cite-ref-1-3"]
    assert len(set(ids)) == len(ids)
    entries = renderer.cited_entries
    assert [(entry.number, entry.source, entry.marker_ids) for entry in entries] == [
        (1, nice, ["cite-ref-1", "cite-ref-1-2", "cite-ref-1-3"]),
        (2, nord, ["cite-ref-2"]),
    ]
    assert entries[0].places == [(1, "cite-ref-1"), (2, "cite-ref-1-2"), (3, "cite-ref-1-3")]
    assert renderer.cited_sources == [nice, nord]


def test_a_term_explained_in_place_is_a_keyboard_button_opening_a_popover_with_no_script(db):
    term = GlossaryTermFactory(term="ataxia", slug="ataxia", definition="Shaky walking.")
    renderer = PageRenderer(sources={}, glossary=[term], explain_in_place=True)
    html = renderer.render(SectionFactory.build(body="Ataxia, then ataxia again.")).html
    # A real <button> (Enter and Space work, it is in the tab order), naming the popover it opens and closes.
    [target] = re.findall(r'<button type="button" class="term" popovertarget="([^"]+)">Ataxia</button>', html)
    assert f'<span class="term-tip" id="{target}" popover>' in html
    assert f'popovertarget="{target}" popovertargetaction="hide">Close</button>' in html
    assert html.count("<button") == 2  # the second "ataxia" is plain text: one explanation per page
    assert "<script" not in html.lower() and "javascript:" not in html.lower()
    assert not re.search(r"\son\w+=", html)  # no event handler: the browser alone opens and closes it
    assert 'href="/glossary/#term-ataxia">More in the word list</a>' in html


def test_the_same_slug_explained_in_two_languages_on_one_render_gets_two_ids(db):
    english = GlossaryTermFactory(term="ataxia", slug="ataxia", definition="Shaky walking.")
    spanish = GlossaryTermFactory(
        term="ataxia", slug="ataxia", definition="Marcha inestable.", language="es", translation_of=english
    )
    renderer = PageRenderer(sources={}, glossary=[english, spanish], explain_in_place=True)
    html = renderer.render(SectionFactory.build(body="Ataxia."), "en").html
    html += renderer.render(SectionFactory.build(body="La ataxia."), "es").html
    ids = ID_RE.findall(html)
    assert ids == ["tip-ataxia", "tip-ataxia-2"]
    assert set(re.findall(r'popovertarget="([^"]+)"', html)) == set(ids)
    assert "Shaky walking." in html.split('id="tip-ataxia-2"')[0] and "Marcha inestable." in html


def test_a_pasted_definition_stays_inert_text_in_the_explanation(db):
    term = GlossaryTermFactory(
        term="ataxia", slug="ataxia", definition='<img src=x onerror="alert(1)"> "quoted" <script>x</script>'
    )
    html = (
        PageRenderer(sources={}, glossary=[term], explain_in_place=True)
        .render(SectionFactory.build(body="Ataxia."))
        .html
    )
    assert "<img" not in html and "<script" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_the_topic_page_explains_the_live_definition_in_the_readers_language_and_its_links_back_resolve(client, db):
    from condition.models import GlossaryTerm

    page = SectionFactory(body="Ataxia [cite:nice] and more [cite:nice]. Also [cite:nord].").page
    SourceFactory(key="nice", citation="NICE guidance")
    SourceFactory(key="nord", citation="NORD report")
    live = GlossaryTermFactory(term="ataxia", slug="ataxia", definition="Approved words.")
    # A working copy waiting for review: families never read it.
    GlossaryTermFactory(
        term="ataxia",
        slug="ataxia",
        definition="Unapproved draft words.",
        status=GlossaryTerm.Status.DRAFT,
        draft_of=live,
    )
    html = client.get(page.get_absolute_url()).content.decode()
    main = html.split("<main", 1)[1]
    assert "Approved words." in main and "Unapproved draft words." not in main
    ids = ID_RE.findall(html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    sources = main.split('class="page-sources"', 1)[1]
    targets = HREF_ID_RE.findall(sources)
    assert {"cite-ref-1", "cite-ref-1-2", "cite-ref-2"} <= set(targets)
    assert set(targets) <= set(ids)
    assert 'aria-label="Back to text where [1] is cited">Back to text</a>' in sources
    assert 'aria-label="Place 2 of 2 where [1] is cited">2</a>' in sources
    assert sources.count("Cited at:") == 1  # [2] is cited once: "Back to text" alone

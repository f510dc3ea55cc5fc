import pytest
from django.urls import reverse

from condition.rendering import PageRenderer
from condition.terms import TermMatcher
from pagecache.cache import bump_content_version
from tests.factories import GlossaryTermFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def render(body, *terms):
    return PageRenderer(sources={}, glossary=list(terms)).render(SectionFactory.build(body=body))


def test_terms_named_like_html_entities_never_split_them():
    lt, amp, quot = (GlossaryTermFactory(term=name, slug=name) for name in ("lt", "amp", "quot"))
    rendered = render('Levels: 3 < 5 & "high". Then lt, amp and quot as words.', lt, amp, quot)
    assert "3 &lt; 5 &amp;" in rendered.html
    # Each term is linked at its first use as a word, after the entities.
    assert rendered.html.count('class="term"') == 3
    assert '<a class="term" href="/glossary/#term-lt">lt</a>, ' in rendered.html
    assert "&<a" not in rendered.html and "&amp;<a" not in rendered.html


def test_numeric_character_references_are_not_searched_either():
    term = GlossaryTermFactory(term="x27", slug="x27", other_forms="39")
    rendered = render("The child&#39;s test, then 39 as a word.", term)
    assert "&#39;" in rendered.html or "'" in rendered.html
    assert '<a class="term" href="/glossary/#term-x27">39</a> as a word' in rendered.html


def test_the_longest_form_wins_and_only_whole_words_match():
    short = GlossaryTermFactory(term="blast", slug="blast")
    long = GlossaryTermFactory(term="neuroblastoma", slug="neuroblastoma", other_forms="neuroblastoma tumour")
    rendered = render("A neuroblastoma tumour. Neuroblastomas are not a blast-off. A blast.", short, long)
    assert '<a class="term" href="/glossary/#term-neuroblastoma">neuroblastoma tumour</a>' in rendered.html
    assert "Neuroblastomas are" in rendered.html and "blast-off" in rendered.html
    assert '<a class="term" href="/glossary/#term-blast">blast</a>.' in rendered.html


def test_matching_ignores_case_and_keeps_the_words_as_written():
    term = GlossaryTermFactory(term="ataxia", slug="ataxia")
    assert '<a class="term" href="/glossary/#term-ataxia">ATAXIA</a>' in render("ATAXIA is shaky.", term).html


def test_one_automaton_per_process_rebuilt_only_when_the_terms_change():
    terms = [GlossaryTermFactory() for _ in range(3)]
    first = TermMatcher(terms)._automaton
    assert TermMatcher(list(terms))._automaton is first
    bump_content_version()  # other content changed: the same terms, the same automaton
    assert TermMatcher(terms)._automaton is first
    terms[0].other_forms = "a new form"
    terms[0].save()
    assert TermMatcher(terms)._automaton is not first


def test_english_and_spanish_pages_read_in_turn_keep_their_own_automata(client):
    english = [GlossaryTermFactory() for _ in range(3)]
    spanish = [GlossaryTermFactory(language="es", translation_of=term) for term in english]
    english_automaton, spanish_automaton = TermMatcher(english)._automaton, TermMatcher(spanish)._automaton
    for _ in range(3):  # a family in each language, one after the other: neither rebuilds the other's
        assert TermMatcher(english)._automaton is english_automaton
        assert TermMatcher(spanish)._automaton is spanish_automaton


def test_found_in_names_every_term_used_in_plain_text():
    ataxia = GlossaryTermFactory(term="ataxia", slug="ataxia", other_forms="ataxic")
    opsoclonus = GlossaryTermFactory(term="opsoclonus", slug="opsoclonus")
    GlossaryTermFactory(term="rituximab", slug="rituximab")
    matcher = TermMatcher([ataxia, opsoclonus])
    assert matcher.found_in("Ataxic walking and opsoclonus.") == {ataxia.pk, opsoclonus.pk}
    assert not TermMatcher([])


def test_word_list_names_each_page_once_in_page_order_however_many_sections_use_a_term(client):
    GlossaryTermFactory(term="ataxia", slug="ataxia")
    later = PageFactory(title="Later page", order=2)
    earlier = PageFactory(title="Earlier page", order=1)
    for page in (later, earlier, later):
        SectionFactory(page=page, body="Ataxia again.")
    html = client.get(reverse("condition:glossary")).content.decode()
    entry = html[html.index('id="term-ataxia"') :]
    assert entry.count("Later page") == 1 and entry.count("Earlier page") == 1
    assert entry.index("Earlier page") < entry.index("Later page")


def test_sources_page_names_each_citing_page_once(client):
    from tests.factories import SourceFactory

    source = SourceFactory(key="nord")
    page = PageFactory(title="Cites twice")
    SectionFactory(page=page, body="One [cite:nord].")
    SectionFactory(page=page, body="Two [cite:nord].")
    html = client.get(reverse("condition:sources")).content.decode()
    entry = html[html.index(f'id="source-{source.key}"') :]
    assert entry.count("Cites twice") == 1


def test_page_titles_in_the_word_list_and_sources_links_are_escaped(client):
    from tests.factories import SourceFactory

    GlossaryTermFactory(term="ataxia", slug="ataxia")
    SourceFactory(key="nord")
    SectionFactory(page=PageFactory(title="<b>Bold</b> & co"), body="Ataxia [cite:nord].")
    for url in (reverse("condition:glossary"), reverse("condition:sources")):
        html = client.get(url).content.decode()
        assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co</a>" in html and "<b>Bold" not in html

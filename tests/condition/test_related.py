"""Related topics under a page: staff's choice, else pages sharing its glossary terms."""

import pytest

from condition.models import Page
from tests.factories import ConditionFactory, GlossaryTermFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def related_block(client, page):
    html = client.get(page.get_absolute_url()).content.decode()
    if "Related topics" not in html:
        return ""
    return html[html.index('id="related-heading"') : html.index("</nav>", html.index('id="related-heading"'))]


def test_pages_sharing_most_glossary_terms_are_suggested_at_most_three(client):
    for word in ["ataxia", "steroids", "ivig", "biopsy"]:
        GlossaryTermFactory(term=word, slug=word)
    page = PageFactory(title="Here")
    SectionFactory(page=page, body="Ataxia, steroids and IVIG.")
    bodies = {"Two shared": "Steroids and IVIG.", "One shared": "Ataxia.", "Also one": "IVIG.", "Last one": "Ataxia."}
    for title, body in bodies.items():
        SectionFactory(page=PageFactory(title=title), body=body)
    SectionFactory(page=PageFactory(title="Nothing shared"), body="Biopsy.")
    SectionFactory(page=PageFactory(title="A draft", status=Page.Status.DRAFT), body="Ataxia, steroids, IVIG.")
    block = related_block(client, page)
    assert block.index("Two shared") < block.index("One shared") < block.index("Also one")
    assert "Last one" not in block and "Nothing shared" not in block and "A draft" not in block


def test_topics_chosen_by_staff_win_and_only_published_ones_show(client):
    page = PageFactory(title="Here")
    chosen = PageFactory(title="Chosen one")
    hidden = PageFactory(title="Chosen draft", status=Page.Status.DRAFT)
    page.related_pages.add(chosen, hidden)
    block = related_block(client, page)
    assert "Chosen one" in block and "Chosen draft" not in block


def test_choosing_a_related_topic_shows_on_the_cached_page_at_once(client):
    page = PageFactory(title="Here")
    other = PageFactory(title="Chosen later")
    assert "Chosen later" not in related_block(client, page)
    page.related_pages.add(other)
    assert "Chosen later" in related_block(client, page)


def test_a_page_sharing_nothing_shows_no_related_topics(client):
    page = PageFactory()
    SectionFactory(page=page, body="Plain words.")
    assert related_block(client, page) == ""


@pytest.mark.parametrize("pages", [2, 30])
def test_related_topics_add_no_queries_as_content_grows(client, django_assert_num_queries, pages):
    GlossaryTermFactory(term="ataxia", slug="ataxia")
    for _ in range(pages):
        SectionFactory(body="Ataxia again.")
    page = Page.objects.first()
    with django_assert_num_queries(8):  # the content version, then the topic page's eight less sources (none are cited)
        html = client.get(page.get_absolute_url()).content.decode()
    assert html.count('<li><a href="/topics/') >= 1


def test_a_new_glossary_term_changes_related_topics_at_once(client):
    page = PageFactory(title="Here")
    SectionFactory(page=page, body="Ataxia again.")
    SectionFactory(page=PageFactory(title="Also ataxia"), body="Ataxia too.")
    assert related_block(client, page) == ""
    GlossaryTermFactory(term="ataxia", slug="ataxia")
    assert "Also ataxia" in related_block(client, page)


def neighbour_links(client, url):
    html = client.get(url).content.decode()
    found = {}
    for rel in ("prev", "next"):
        start = html.find(f'<a rel="{rel}"')
        found[rel] = html[start : html.index("</a>", start)] if start != -1 else None
    return found


def test_previous_and_next_follow_the_topic_order_and_stop_at_the_ends(client):
    first, middle, last = (PageFactory(title=title, order=n) for n, title in enumerate(["First", "Middle", "Last"]))
    PageFactory(title="Unpublished", order=1, status=Page.Status.DRAFT)
    PageFactory(title="Other condition", order=1, condition=ConditionFactory(slug="other", name="Other"))
    assert neighbour_links(client, first.get_absolute_url())["prev"] is None
    links = neighbour_links(client, middle.get_absolute_url())
    assert "Previous: First" in links["prev"] and f'href="{first.get_absolute_url()}"' in links["prev"]
    assert "Next: Last" in links["next"] and f'href="{last.get_absolute_url()}"' in links["next"]
    assert neighbour_links(client, last.get_absolute_url())["next"] is None


def test_spanish_neighbours_and_related_topics_show_their_translations_or_are_marked_english(client):
    GlossaryTermFactory(term="ataxia", slug="ataxia")
    here = PageFactory(title="Here", order=1)
    before = PageFactory(title="Before", order=0, condition=here.condition)
    after = PageFactory(title="After", order=2, condition=here.condition)
    for page in (here, before, after):
        SectionFactory(page=page, body="Ataxia.")
    for page, title in ((here, "Aquí"), (before, "Antes")):
        Page.objects.create(
            condition=page.condition,
            title=title,
            slug=page.slug,
            summary="s",
            key_points="k",
            language="es",
            translation_of=page,
            status=Page.Status.PUBLISHED,
        )
    here.related_pages.add(before, after)
    url = "/es" + here.get_absolute_url()
    links = neighbour_links(client, url)
    assert "Antes" in links["prev"] and 'lang="en"' not in links["prev"]
    assert "After" in links["next"] and 'lang="en"' in links["next"]  # not translated: shown in English, marked
    html = client.get(url).content.decode()
    related = html[html.index('id="related-heading"') : html.index("</nav>", html.index('id="related-heading"'))]
    assert "Antes" in related and "After" in related and "Aquí" not in related

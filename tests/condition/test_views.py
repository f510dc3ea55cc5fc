import re

import pytest
from django.urls import reverse

from condition.models import ClinicProfile, GlossaryTerm, Page, PageFeedback
from tests.factories import GlossaryTermFactory, PageFactory, SectionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def make_page(sections=3, **kwargs):
    page = PageFactory(**kwargs)
    sources = [SourceFactory() for _ in range(3)]
    GlossaryTerm.objects.get_or_create(
        slug="ataxia", defaults={"status": "published", "term": "ataxia", "definition": "Shaky walking."}
    )
    for index in range(sections):
        SectionFactory(page=page, body=f"Ataxia fact {index} [cite:{sources[index % 3].key}].")
    return page


@pytest.mark.parametrize("sections", [1, 25])
def test_topic_page_costs_the_same_queries_however_many_sections(client, django_assert_num_queries, sections):
    page = make_page(sections=sections)
    # the content version, then the page, sections, their pictures, sources, glossary, topics around it
    # (with related ones), questions and the clinic footer
    with django_assert_num_queries(9):
        response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="section') == sections


@pytest.mark.parametrize("pages", [1, 12])
def test_home_page_query_count_is_constant(client, django_assert_num_queries, pages):
    for _ in range(pages):
        PageFactory()
    with django_assert_num_queries(4):  # content version, conditions, pages, clinic footer
        response = client.get(reverse("condition:home"))
    assert response.content.decode().count('<li><a href="/topics/') == pages


@pytest.mark.parametrize("terms", [1, 20])
def test_glossary_query_count_is_constant(client, django_assert_num_queries, terms):
    for _ in range(terms):
        GlossaryTermFactory()
    with django_assert_num_queries(4):  # content version, terms, published sections, clinic footer
        response = client.get(reverse("condition:glossary"))
    assert response.status_code == 200


@pytest.mark.parametrize("pages", [1, 10])
def test_sources_page_query_count_is_constant(client, django_assert_num_queries, pages):
    for _ in range(pages):
        make_page(sections=2)
    with django_assert_num_queries(4):  # content version, sections, sources, clinic footer
        response = client.get(reverse("condition:sources"))
    assert response.status_code == 200


def test_topic_page_shows_key_points_first_then_contents_then_sections(client):
    page = make_page(key_points="Remember this.\nAnd this.")
    html = client.get(page.get_absolute_url()).content.decode()
    assert html.index("Key points") < html.index("On this page") < html.index('class="section')
    assert "<li>Remember this.</li>" in html


def test_citation_marker_n_leads_to_entry_n_of_the_pages_own_source_list(client):
    page = PageFactory()
    SourceFactory(key="nord", citation="Pranzatelli. NORD.")
    SourceFactory(key="orpha", citation="Orphanet. OMS.")
    SectionFactory(page=page, order=1, body="A fact [cite:orpha]. Another [cite:nord].")
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<a href="#cite-1" aria-label="Source 1">[1]</a>' in html
    assert '<a href="#cite-2" aria-label="Source 2">[2]</a>' in html
    sources_list = html[html.index('id="page-sources-heading"') :]
    assert sources_list.index('<li id="cite-1">Orphanet. OMS.') < sources_list.index(
        '<li id="cite-2">Pranzatelli. NORD.'
    )


def test_unreviewed_page_says_so_honestly_with_the_clinic_name(client):
    ClinicProfile(status="published", name="Lakeside Children's Neurology").save()
    page = make_page()
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Not yet reviewed by a clinician at Lakeside Children&#x27;s Neurology" in html


def test_reviewed_page_shows_who_reviewed_it_and_when_it_is_due_again(client):
    import datetime

    page = make_page(
        last_reviewed=datetime.date(2026, 5, 4), reviewed_by="Dr. A. Lee", next_review_due=datetime.date(2027, 5, 4)
    )
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Last reviewed" in html and "4 May 2026" in html and "Dr. A. Lee" in html and "4 May 2027" in html
    assert "Not yet reviewed" not in html


def test_footer_shows_the_clinic_phone_numbers(client):
    ClinicProfile(status="published", name="Lakeside", phone="555 0100", after_hours_phone="555 0199").save()
    html = client.get(reverse("condition:home")).content.decode()
    assert 'href="tel:5550100"' in html and "555 0199" in html


@pytest.mark.parametrize("status", [Page.Status.DRAFT, Page.Status.REVIEW])
def test_draft_and_in_review_pages_are_hidden_from_families(client, status):
    page = make_page(status=status, title="Secret draft")
    assert client.get(page.get_absolute_url()).status_code == 404
    assert "Secret draft" not in client.get(reverse("condition:home")).content.decode()
    assert client.get(reverse("condition:page_handout", args=[page.slug])).status_code == 404
    assert client.post(reverse("condition:feedback", args=[page.slug]), {"helpful": "yes"}).status_code == 404


def test_sources_page_only_names_published_pages_that_cite_a_source(client):
    source = SourceFactory(key="nord", citation="The NORD entry.")
    SectionFactory(page=PageFactory(title="Live page"), body="[cite:nord]")
    SectionFactory(page=PageFactory(title="Draft page", status=Page.Status.DRAFT), body="[cite:nord]")
    html = client.get(reverse("condition:sources")).content.decode()
    assert 'id="source-nord"' in html and source.citation in html
    assert "Live page" in html and "Draft page" not in html


@pytest.mark.parametrize(
    "path", ["/topics/no-such-page/", "/topics/%E2%80%AE/", "/topics/../../etc/passwd", "/nothing-here/"]
)
def test_unknown_addresses_are_404_not_500(client, path):
    assert client.get(path).status_code == 404


def test_feedback_is_stored_without_personal_data_and_thanks_the_family(client):
    page = make_page()
    response = client.post(
        reverse("condition:feedback", args=[page.slug]), {"helpful": "no", "comment": "Explain IVIG more."}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("condition:feedback_thanks", args=[page.slug])
    feedback = PageFeedback.objects.get()
    assert (feedback.page, feedback.helpful, feedback.comment) == (page, False, "Explain IVIG more.")
    assert {field.name for field in PageFeedback._meta.fields} == {"id", "page", "helpful", "comment", "created_at"}


@pytest.mark.parametrize(
    "data",
    [{}, {"helpful": "maybe"}, {"helpful": "yes", "comment": "x" * 501}],
    ids=["nothing chosen", "tampered choice", "comment too long"],
)
def test_bad_feedback_gets_a_clear_message_and_stores_nothing(client, data):
    page = make_page()
    response = client.post(reverse("condition:feedback", args=[page.slug]), data)
    assert response.status_code == 400
    assert "Please check your answer" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_the_page_asks_was_this_helpful_with_two_buttons_and_no_form_token(client):
    page = make_page()
    html = client.get(page.get_absolute_url()).content.decode()
    assert f'action="{reverse("condition:vote", args=[page.slug])}"' in html
    assert 'name="helpful" value="yes"' in html and 'name="helpful" value="no"' in html
    assert "csrfmiddlewaretoken" not in html  # the page is cached whole for everyone


def test_the_full_feedback_form_still_opens_with_an_answer_chosen(client):
    page = make_page()
    url = reverse("condition:feedback", args=[page.slug]) + "?helpful=no"
    assert re.search(r'value="no"[^>]*checked', client.get(url).content.decode())
    assert not PageFeedback.objects.exists()  # nothing is stored until Send


def test_a_tampered_answer_in_the_link_just_leaves_the_form_blank(client):
    page = make_page()
    form = client.get(reverse("condition:feedback", args=[page.slug]) + "?helpful=<script>").content.decode()
    assert "checked" not in form and "<script>" not in form


def test_feedback_refuses_other_methods(client):
    page = make_page()
    assert client.put(reverse("condition:feedback", args=[page.slug])).status_code == 405


def test_script_typed_by_staff_in_any_field_is_shown_as_text(client):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    ClinicProfile(status="published", name=attack, phone="<script>1</script>").save()
    page = PageFactory(title=attack, summary=attack, key_points=attack)
    SourceFactory(key="evil", citation=attack)
    GlossaryTerm.objects.create(status="published", term="evil", slug="evil", definition=attack)
    SectionFactory(page=page, heading=attack, body=f"{attack} evil [cite:evil]")
    for url in [
        page.get_absolute_url(),
        reverse("condition:home"),
        reverse("condition:glossary"),
        reverse("condition:sources"),
        reverse("condition:page_handout", args=[page.slug]),
    ]:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;" in html, url


def test_feedback_form_thanks_and_health_check_query_counts(client, django_assert_num_queries):
    page = make_page()
    url = reverse("condition:feedback", args=[page.slug])
    with django_assert_num_queries(2):  # the page, the clinic footer
        assert client.get(url + "?helpful=yes").status_code == 200
    with django_assert_num_queries(2):  # the page, the new feedback row
        assert client.post(url, {"helpful": "yes"}).status_code == 302
    with django_assert_num_queries(2):
        assert client.get(reverse("condition:feedback_thanks", args=[page.slug])).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(reverse("healthz")).status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_handout_query_counts_do_not_grow_with_content(client, django_assert_num_queries, size):
    pages = [make_page(sections=size) for _ in range(size)]
    # content version, pages, their sections, their pictures, cited sources, glossary, clinic profile
    with django_assert_num_queries(7):
        assert client.get(reverse("condition:page_handout", args=[pages[0].slug])).status_code == 200
    guide = reverse("condition:condition_handout", args=[pages[0].condition.slug])
    assert client.get(guide).status_code == 200  # made once (a small guide), then read from storage
    with django_assert_num_queries(2):  # the content version, the condition
        assert client.get(guide).status_code == 200


def test_the_word_list_links_each_term_to_the_published_pages_that_use_it(client):
    GlossaryTerm.objects.create(
        status="published", term="ataxia", slug="ataxia", other_forms="ataxic", definition="Shaky walking."
    )
    SectionFactory(page=PageFactory(title="Uses it"), body="Some ataxic walking.")
    SectionFactory(page=PageFactory(title="Draft uses it", status=Page.Status.DRAFT), body="ataxia")
    SectionFactory(page=PageFactory(title="Does not"), body="Nothing here.")
    html = client.get(reverse("condition:glossary")).content.decode()
    entry = html[html.index('id="term-ataxia"') :]
    assert "Read more:" in entry and "Uses it" in entry
    assert "Draft uses it" not in html and "Does not" not in entry

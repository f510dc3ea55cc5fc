import re

import pytest
from django.urls import reverse

from condition.models import Condition, Page
from tests.factories import ConditionFactory, GlossaryTermFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_page_form_shows_each_section_grade_smog_long_sentences_and_words_to_check(editor_client):
    page = PageFactory(status=Page.Status.DRAFT)
    SectionFactory(page=page, heading="Short part", body="Your child may have shaky eyes. Rituximab helps.")
    long_sentence = " ".join(["walk"] * 22) + "."
    SectionFactory(
        page=page,
        heading="Longer part",
        body=f"Your child may have shaky eyes. The doctor will check them. Most children get better. {long_sentence}",
    )
    GlossaryTermFactory(term="rituximab")
    html = editor_client.get(reverse("admin:condition_page_change", args=[page.pk])).content.decode()
    panel = html[html.index('id="readability"') :]
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", panel, re.S)
    short, longer = rows
    assert "Short part" in short and "Too short to score" in short and "Rituximab" not in short
    assert "Longer part" in longer and "Too short to score" not in longer
    assert "walk walk walk" in longer


def test_page_list_shows_each_page_grade_and_drops_the_condition_column_with_one_condition(editor_client):
    page = PageFactory(title="Graded page")
    SectionFactory(page=page, body="Your child may have shaky eyes. The doctor will check them. Most get better.")
    html = editor_client.get(reverse("admin:condition_page_changelist")).content.decode()
    assert "column-reading_grade" in html and "column-condition" not in html
    assert Condition.objects.count() == 1

    ConditionFactory(slug="other", name="Another condition")
    html = editor_client.get(reverse("admin:condition_page_changelist")).content.decode()
    assert "column-condition" in html


def test_page_list_costs_the_same_queries_however_many_pages(editor_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_list():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(reverse("admin:condition_page_changelist")).status_code == 200
        return len(queries)

    SectionFactory(page=PageFactory())
    few = queries_for_list()
    for _ in range(10):
        SectionFactory(page=PageFactory())
    assert queries_for_list() == few


def test_page_list_grades_each_page_once_and_again_only_when_its_words_change(editor_client, monkeypatch):
    from condition import readability

    first = PageFactory(title="First graded page")
    first_section = SectionFactory(
        page=first, body="Your child may have shaky eyes. The doctor will check them. Most get better."
    )
    second = PageFactory(title="Second graded page")
    SectionFactory(page=second, body="Your child may walk in a wobbly way. It gets better. Ask the nurse.")
    read = []
    real_plain_text = readability.plain_text
    monkeypatch.setattr(readability, "plain_text", lambda text: read.append(text) or real_plain_text(text))
    url = reverse("admin:condition_page_changelist")

    editor_client.get(url)
    assert len(read) == 2
    before = editor_client.get(url).content.decode()
    assert len(read) == 2  # the second view reads the grades kept by the words they grade

    long_words = "Immunosuppressive medication administration necessitates comprehensive hematological monitoring."
    type(first_section).objects.filter(pk=first_section.pk).update(body=long_words)
    after = editor_client.get(url).content.decode()
    assert read[2:] == [long_words]  # only the changed page is graded again

    def grade_of(html, title):
        row = re.search(rf"{title}.*?field-reading_grade\">(.*?)</td>", html, re.S)
        return row.group(1)

    assert grade_of(before, "Second graded page") == grade_of(after, "Second graded page")
    assert grade_of(before, "First graded page") != grade_of(after, "First graded page")

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


def test_page_list_costs_the_same_queries_however_many_pages(editor_client, django_assert_max_num_queries):
    for _ in range(10):
        SectionFactory(page=PageFactory())
    with django_assert_max_num_queries(13):  # 13th: the clinic profile, for the missing-numbers warning
        assert editor_client.get(reverse("admin:condition_page_changelist")).status_code == 200

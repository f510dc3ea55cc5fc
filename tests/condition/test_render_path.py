"""One render path: families and staff print the same page the same way, in English and in Spanish."""

import re
import subprocess

import pytest
from django.urls import reverse

from condition.models import CareAdvice, Page, Section
from condition.pages import PUBLIC, STAFF, render_pages

pytestmark = pytest.mark.django_db


def pdftotext(pdf):
    """The text a reader sees on paper, by Debian's poppler (CI installs poppler-utils)."""
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return re.sub(r"\s+", " ", done.stdout.decode())


@pytest.fixture
def treatment_with_a_new_care_box(oms_content):
    """The English treatment page places one more care box after its Spanish translation was made."""
    original = Page.objects.get(translation_of=None, draft_of=None, slug="treatment")
    advice = CareAdvice.objects.live().exclude(placements__page=original).order_by("urgency", "key").first()
    Section.objects.create(page=original, care_advice=advice, anchor=f"also-{advice.key}", heading="", order=1)
    return original, advice


@pytest.mark.parametrize("language", ["en", "es"])
def test_staff_pdf_and_families_pdf_of_a_page_print_the_same_text_and_care_boxes(
    client, reviewer_client, treatment_with_a_new_care_box, language
):
    original, advice = treatment_with_a_new_care_box
    page = original if language == "en" else Page.objects.get(translation_of=original, draft_of=None, language="es")
    prefix = "" if language == "en" else "/es"
    families = pdftotext(client.get(f"{prefix}/topics/treatment/handout.pdf").content)
    staff = pdftotext(reviewer_client.get(reverse("admin:condition_page_pdf", args=[page.pk])).content)
    assert staff == families
    families_boxes = care_boxes(render_pages([original], language, PUBLIC))
    assert care_boxes(render_pages([page], language, STAFF)) == families_boxes
    assert advice.key in [key for key, _title, _language in families_boxes]
    for _key, title, _language in families_boxes:
        assert title in families and title in staff


def care_boxes(rendered):
    """(key, title, language) of each care box on the one page rendered, in reading order."""
    return [(item.care.key, item.title, item.care.language) for item in rendered.entries[0]["sections"] if item.care]

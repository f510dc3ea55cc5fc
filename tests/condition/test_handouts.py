import io
import re

import pytest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from condition.handouts import qr_svg
from condition.models import ClinicProfile, Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinic(db):
    profile = ClinicProfile(
        status="published", name="Lakeside Neurology", phone="555 0100", after_hours_phone="555 0199"
    )
    profile.save()
    return profile


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_page_handout_has_clinic_details_key_points_terms_sources_and_dates(client, oms_content, clinic):
    html = client.get(reverse("condition:page_handout", args=["symptoms"])).content.decode()
    for expected in [
        "Lakeside Neurology",
        "555 0100",
        "555 0199",
        "Signs and symptoms",
        "Key points",
        "Sources",
        "Words used in this handout",
        "opsoclonus",
        "Not yet reviewed by a clinician at Lakeside Neurology",
        "Printed ",
        "<svg",
    ]:
        assert expected in html
    for absent in ['class="site-header"', "Was this page helpful", "<nav", "feedback"]:
        assert absent not in html


def test_handout_short_address_and_qr_point_at_the_page_online(client, oms_content, clinic, settings):
    settings.SITE_URL = "https://oms.lakeside.example"
    html = client.get(reverse("condition:page_handout", args=["symptoms"])).content.decode()
    assert "oms.lakeside.example/topics/symptoms/" in html
    assert qr_svg("https://oms.lakeside.example/topics/symptoms/") in html


def test_qr_code_decodes_to_the_absolute_page_address():
    import segno
    import zxingcpp
    from PIL import Image

    url = "https://oms.lakeside.example/topics/symptoms/"
    assert "<svg" in qr_svg(url)
    # Decode the same symbol the SVG draws, rendered to pixels.
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=6, border=4)
    buffer.seek(0)
    decoded = zxingcpp.read_barcodes(Image.open(buffer).convert("L"))
    assert [code.text for code in decoded] == [url]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_handout_offers_a4_and_us_letter(client, oms_content, paper):
    html = client.get(reverse("condition:page_handout", args=["symptoms"]) + f"?paper={paper}").content.decode()
    assert f'href="{static(f"css/handout-{paper}.css")}"' in html
    assert f'value="{paper}" checked' in html


def test_unknown_paper_size_falls_back_to_a4(client, oms_content):
    html = client.get(reverse("condition:page_handout", args=["symptoms"]) + "?paper=<script>").content.decode()
    assert static("css/handout-a4.css") in html and "<script>" not in html


@pytest.mark.parametrize("paper,width_pt", [("a4", 595), ("letter", 612)])
def test_page_pdf_is_valid_with_page_numbers_title_key_points_and_sources(client, oms_content, clinic, paper, width_pt):
    response = client.get(reverse("condition:page_handout_pdf", args=["treatment"]) + f"?paper={paper}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    reader, text = pdf_text(response.content)
    assert round(float(reader.pages[0].mediabox.width)) == width_pt
    flat = re.sub(r"\s+", " ", text)
    assert "Treatment" in flat
    assert "Most children need several medicines to calm the immune system." in flat
    assert "Lancet Child Adolesc Health" in flat
    assert "Lakeside Neurology" in flat
    assert f"1 / {len(reader.pages)}" in flat
    assert flat.count("Printed from the OMS family guide") == len(reader.pages)


def test_whole_condition_pdf_holds_every_topic(client, oms_content):
    response = client.get(reverse("condition:condition_handout_pdf", args=["oms"]))
    reader, text = pdf_text(response.getvalue())
    flat = re.sub(r"\s+", " ", text)
    for page in Page.objects.live():
        assert page.title in flat
    assert len(reader.pages) >= 4


def test_staff_download_a_draft_pdf_from_the_admin(reviewer_client, oms_content):
    page = Page.objects.get(translation_of=None, slug="outlook")
    page.status = Page.Status.DRAFT
    page.save()
    response = reviewer_client.get(reverse("admin:condition_page_pdf", args=[page.pk]))
    assert response.content.startswith(b"%PDF-")
    assert "outlook" in response["Content-Disposition"]
    action = reviewer_client.post(
        reverse("admin:condition_page_changelist"),
        {
            "action": "download_handout_pdfs",
            "_selected_action": [page.pk, Page.objects.get(translation_of=None, slug="symptoms").pk],
        },
    )
    _, text = pdf_text(action.content)
    assert "Outlook and long-term care" in text and "Signs and symptoms" in text


def test_a_repeat_pdf_download_is_served_from_the_cache_until_content_changes(
    client, oms_content, django_assert_num_queries
):
    url = reverse("condition:page_handout_pdf", args=["treatment"])
    first = client.get(url).content
    # the content version and the page: the PDF is looked up before anything is rendered
    with django_assert_num_queries(2):
        assert client.get(url).content == first
    page = Page.objects.get(translation_of=None, slug="treatment")
    page.title = "Treatment options"
    page.save()
    _, text = pdf_text(client.get(url).content)
    assert "Treatment options" in text


def _without_spanish(slug):
    """The shipped Spanish page `slug` deleted: Spanish readers get the English page in its place."""
    Page.objects.filter(slug=slug).exclude(translation_of=None).delete()
    return Page.objects.get(slug=slug, translation_of=None)


def test_a_spanish_handout_of_an_untranslated_page_marks_the_english_and_says_so_in_spanish(client, oms_content):
    english = _without_spanish("outlook")
    with translation.override("es"):
        url = reverse("condition:page_handout", args=["outlook"])
    html = client.get(url).content.decode()

    assert '<html lang="es"' in html
    assert f'<h1 lang="en">{english.title}</h1>' in html
    assert "Esta página todavía no está en español. Aquí la tiene en inglés." in html
    notice = html.index("Esta página todavía no está en español")
    assert 'lang="en"' not in html[html.rindex("<p", 0, notice) : notice]  # the notice itself is Spanish
    assert re.search(r'<section class="section" lang="en">\s*<h2>', html)
    assert re.search(r'<ul lang="en"><li>', html)


def test_the_spanish_guide_marks_an_english_page_among_spanish_ones_on_screen_and_on_paper(client, oms_content):
    english = _without_spanish("outlook")
    with translation.override("es"):
        html_url = reverse("condition:condition_handout", args=["oms"])
        pdf_url = reverse("condition:condition_handout_pdf", args=["oms"])
    html = client.get(html_url).content.decode()
    assert f'<h2 class="page-title" lang="en">{english.title}</h2>' in html
    assert html.count("Aquí la tiene en inglés") == 1  # only the page in English says so
    spanish_titles = Page.objects.live("es").values_list("title", flat=True)
    assert all(f'<h2 class="page-title">{title}</h2>' in html for title in spanish_titles)

    response = client.get(pdf_url)
    _, text = pdf_text(response.getvalue())
    flat = re.sub(r"\s+", " ", text)
    assert "Esta página todavía no está en español. Aquí la tiene en inglés." in flat
    assert english.title in flat


def test_a_spanish_page_handout_pdf_of_an_untranslated_page_says_it_is_in_english(client, oms_content):
    _without_spanish("outlook")
    with translation.override("es"):
        url = reverse("condition:page_handout_pdf", args=["outlook"])
    _, text = pdf_text(client.get(url).content)
    assert "Aquí la tiene en inglés" in re.sub(r"\s+", " ", text)

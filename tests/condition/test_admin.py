import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from condition.models import Page, PageFeedback
from tests.admin_forms import inline_rows
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def page_form_data(page, **changes):
    """The change form as the admin would post it, with the page's sections inline."""
    data = {
        "condition": page.condition_id,
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "key_points": page.key_points,
        "order": page.order,
        "last_reviewed": "",
        "reviewed_by": "",
        "next_review_due": "",
    }
    rows = [
        {
            "id": section.pk,
            "page": page.pk,
            "heading": section.heading,
            "anchor": section.anchor,
            "care_advice": section.care_advice_id or "",
            "body": section.body,
            "order": section.order,
        }
        for section in page.sections.all()
    ]
    data.update(inline_rows("sections", rows))
    questions = [
        {"id": question.pk, "page": page.pk, "text": question.text, "order": question.order}
        for question in page.suggested_questions.all()
    ]
    data.update(inline_rows("suggested_questions", questions))
    data.update(changes)
    return data


def test_editor_cannot_change_a_published_page(editor_client):
    page = PageFactory(status=Page.Status.PUBLISHED, title="Live")
    url = reverse("admin:condition_page_change", args=[page.pk])
    assert editor_client.post(url, page_form_data(page, title="Sneaky")).status_code == 403
    page.refresh_from_db()
    assert page.title == "Live"


def test_unknown_citation_key_is_refused_with_a_message_and_nothing_is_lost(reviewer_client):
    page = PageFactory(status=Page.Status.DRAFT)
    section = SectionFactory(page=page, body="Safe words.")
    data = page_form_data(page)
    data["sections-0-body"] = "A fact [cite:nosuchsource]."
    response = reviewer_client.post(reverse("admin:condition_page_change", args=[page.pk]), data)
    assert response.status_code == 200
    assert "No source with the key nosuchsource" in response.content.decode()
    section.refresh_from_db()
    assert section.body == "Safe words."


def test_preview_shows_a_draft_to_staff_exactly_as_families_would_see_it(editor_client):
    page = PageFactory(status=Page.Status.DRAFT, title="Work in progress")
    SectionFactory(page=page, heading="A section", body="Draft **words**.")
    response = editor_client.get(reverse("admin:condition_page_preview", args=[page.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Work in progress" in html and "Draft <strong>words</strong>." in html
    assert "Preview: this is how families will see this page" in html


def test_preview_needs_a_staff_login(client):
    page = PageFactory(status=Page.Status.DRAFT)
    response = client.get(reverse("admin:condition_page_preview", args=[page.pk]))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_dashboard_lists_the_ten_most_urgent_reviews_and_counts_the_rest(editor_client, django_assert_max_num_queries):
    today = timezone.localdate()
    reviewed = {"last_reviewed": today - datetime.timedelta(days=300), "reviewed_by": "Dr. X"}
    for day in range(14):
        PageFactory(title=f"Soon page {day:02}", next_review_due=today + datetime.timedelta(days=1 + day), **reviewed)
    PageFactory(title="Overdue page", next_review_due=today - datetime.timedelta(days=3), **reviewed)
    PageFactory(title="Never page", next_review_due=today + datetime.timedelta(days=200))
    html = editor_client.get(reverse("admin:index")).content.decode()
    dashboard = html[html.index('id="reviews-due"') : html.index('id="unhelpful-pages"')]
    listed = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', dashboard)
    assert listed == ["Overdue page", "Never page", *(f"Soon page {day:02}" for day in range(8))]
    assert "And 6 more pages." in dashboard and "?review=due" in dashboard

    for day in range(14, 140):  # ten times as many due: the same rows, one more number
        PageFactory(title=f"Soon page {day:03}", next_review_due=today + datetime.timedelta(days=15), **reviewed)
    with django_assert_max_num_queries(30):
        html = editor_client.get(reverse("admin:index")).content.decode()
    dashboard = html[html.index('id="reviews-due"') : html.index('id="unhelpful-pages"')]
    assert len(re.findall(r'<th scope="row">', dashboard)) == 10 and "And 132 more pages." in dashboard


def test_dashboard_and_page_list_filter_agree_on_which_reviews_are_due(editor_client):
    today = timezone.localdate()
    reviewed = {"last_reviewed": today - datetime.timedelta(days=300), "reviewed_by": "Dr. X"}
    PageFactory(title="Overdue page", next_review_due=today - datetime.timedelta(days=3), **reviewed)
    PageFactory(title="Due soon page", next_review_due=today + datetime.timedelta(days=10), **reviewed)
    PageFactory(title="Undated page", last_reviewed=today, reviewed_by="Dr. X", next_review_due=None)
    PageFactory(title="Never page", next_review_due=today + datetime.timedelta(days=200))
    PageFactory(title="Fine page", next_review_due=today + datetime.timedelta(days=200), **reviewed)
    html = editor_client.get(reverse("admin:index")).content.decode()
    dashboard = html[html.index('id="reviews-due"') : html.index('id="unhelpful-pages"')]
    assert "Overdue since" in dashboard and "No next review date" in dashboard and "Never reviewed" in dashboard
    on_home = {
        title
        for title in ("Overdue page", "Due soon page", "Undated page", "Never page", "Fine page")
        if title in dashboard
    }
    assert on_home == {"Overdue page", "Due soon page", "Undated page", "Never page"}

    changelist = reverse("admin:condition_page_changelist")
    under_filters = {}
    for state in ("due", "overdue", "soon", "undated", "never"):
        listed = editor_client.get(f"{changelist}?review={state}").content.decode()
        under_filters[state] = {title for title in on_home | {"Fine page"} if f">{title}<" in listed}
    assert under_filters["due"] == on_home
    assert under_filters["overdue"] == {"Overdue page"} and under_filters["soon"] == {"Due soon page"}
    assert under_filters["undated"] == {"Undated page"} and under_filters["never"] == {"Never page"}


def test_page_list_shows_feedback_counts(editor_client):
    page = PageFactory(title="Counted page")
    PageFeedback.objects.bulk_create(
        [PageFeedback(page=page, helpful=True)] * 3 + [PageFeedback(page=page, helpful=False)] * 2
    )
    html = editor_client.get(reverse("admin:condition_page_changelist")).content.decode()
    assert "3 yes / 2 no" in html


@pytest.mark.parametrize(
    "name",
    [
        "condition_page_changelist",
        "condition_page_add",
        "condition_section_changelist",
        "condition_source_changelist",
        "condition_glossaryterm_changelist",
        "condition_clinicprofile_changelist",
        "condition_pagefeedback_changelist",
        "quizzes_quiz_changelist",
        "quizzes_question_changelist",
        "quizzes_attempt_changelist",
    ],
)
def test_admin_screens_open_for_a_clinical_reviewer(reviewer_client, oms_content, name):
    assert reviewer_client.get(reverse(f"admin:{name}")).status_code == 200


def test_editors_cannot_change_or_delete_sections_of_a_published_page_from_the_section_list(editor_client):
    page = PageFactory(status=Page.Status.PUBLISHED)
    section = SectionFactory(page=page, body="Live words.")
    change = reverse("admin:condition_section_change", args=[section.pk])
    delete = reverse("admin:condition_section_delete", args=[section.pk])
    editor_client.post(change, {"page": page.pk, "heading": "x", "anchor": "x", "body": "Sneaky", "order": 1})
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    section.refresh_from_db()
    assert section.body == "Live words."
    assert editor_client.get(reverse("admin:condition_section_add")).status_code == 403


def test_a_section_anchor_may_not_clash_with_the_page_own_ids():
    from django.core.exceptions import ValidationError

    section = SectionFactory.build(page=PageFactory(), anchor="main", body="x")
    with pytest.raises(ValidationError) as error:
        section.clean()
    assert "used by the page itself" in error.value.message_dict["anchor"][0]


def test_dashboard_lists_pages_families_found_unhelpful_lately(editor_client):
    unclear, clear = PageFactory(title="Unclear page"), PageFactory(title="Clear page")
    PageFeedback.objects.bulk_create(
        [PageFeedback(page=unclear, helpful=False)] * 3
        + [PageFeedback(page=unclear, helpful=True)]
        + [PageFeedback(page=clear, helpful=True)] * 4
    )
    old = PageFeedback.objects.create(page=clear, helpful=False)
    PageFeedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=120))
    html = editor_client.get(reverse("admin:index")).content.decode()
    panel = html[html.index('id="unhelpful-pages"') :]
    assert "Unclear page" in panel and "3 not helpful, 1 helpful" in panel
    assert "Clear page" not in panel


def test_a_link_families_could_not_follow_is_refused_at_save_and_the_text_is_kept(reviewer_client):
    page = PageFactory(status=Page.Status.DRAFT)
    section = SectionFactory(page=page, body="Safe words.")
    data = page_form_data(page)
    data["sections-0-body"] = "Read [the leaflet](javascript:alert(1)) first."
    response = reviewer_client.post(reverse("admin:condition_page_change", args=[page.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The address of the link “the leaflet” is not allowed" in html
    assert "Read [the leaflet](javascript:alert(1)) first." in html  # what was typed, to fix
    section.refresh_from_db()
    assert section.body == "Safe words."


def test_the_source_list_shows_and_filters_the_sources_whose_link_nobody_has_confirmed(editor_client):
    from tests.factories import SourceFactory

    SourceFactory(key="checked", accessed=datetime.date(2026, 11, 25))
    SourceFactory(key="unchecked", accessed=None)
    url = reverse("admin:condition_source_changelist")
    listed = editor_client.get(url).content.decode()
    assert listed.count("Not yet confirmed: open the link") == 1 and "2026" in listed
    unconfirmed = editor_client.get(url, {"checked": "no"}).content.decode()
    assert "unchecked" in unconfirmed and ">checked<" not in unconfirmed
    assert ">checked<" in editor_client.get(url, {"checked": "yes"}).content.decode()


def test_the_review_screen_leaves_out_unchanged_bookkeeping_fields(admin_client, editor):
    from condition import drafts

    page = PageFactory(status=Page.Status.PUBLISHED, title="Sleep")
    SectionFactory(page=page, heading="Nights", body="Some children sleep badly.")
    draft = drafts.start_draft(page, editor)
    draft.summary = "A new summary."
    draft.save()
    html = admin_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    labels = [label.strip() for label in re.findall(r"<th scope=\"row\">([^<]+)", html)]
    assert "Summary" in labels and "Title" in labels  # what staff write, changed or not
    assert not {"Language", "Translation of", "Made from"} & set(labels)


def test_the_review_screen_shows_bookkeeping_fields_that_changed(admin_client, editor):
    from condition import translations

    page = PageFactory(status=Page.Status.PUBLISHED, title="Sleep")
    translation = translations.start_translation(page, "es", editor)
    html = admin_client.get(reverse("admin:condition_page_review", args=[translation.pk])).content.decode()
    labels = [label.strip() for label in re.findall(r"<th scope=\"row\">([^<]+)", html)]
    assert "Language" in labels and "Translation of" in labels  # a new translation: they say what it is


def section_form_data(section, **changes):
    from tests.admin_forms import inline_rows

    data = {
        "page": section.page_id,
        "heading": section.heading,
        "anchor": section.anchor,
        "care_advice": section.care_advice_id or "",
        "body": section.body,
        "order": section.order,
        **inline_rows("images", [], initial=0),
    }
    data.update(changes)
    return data


def test_the_section_form_leads_back_to_its_page_draft_and_saving_returns_there(editor_client):
    page = PageFactory(status=Page.Status.DRAFT, title="Sleep & rest")
    section = SectionFactory(page=page, heading="Nights", body="Some children sleep badly.")
    url = reverse("admin:condition_section_change", args=[section.pk])
    html = editor_client.get(url).content.decode()
    page_url = reverse("admin:condition_page_change", args=[page.pk])
    assert f'<a href="{page_url}">Back to the page draft “Sleep &amp; rest”</a>' in html
    breadcrumbs = html[html.index('class="breadcrumbs"') :].split("</div>")[0]
    assert reverse("admin:condition_page_changelist") in breadcrumbs and page_url in breadcrumbs
    assert "Sleep &amp; rest" in breadcrumbs

    response = editor_client.post(url, section_form_data(section, body="Many children sleep badly."))
    assert response.status_code == 302 and response["Location"] == page_url
    section.refresh_from_db()
    assert section.body == "Many children sleep badly."
    kept = editor_client.post(url, section_form_data(section, _continue="1"))
    assert kept["Location"] == url  # "Save and continue editing" stays on the section


def test_every_change_form_loads_the_unsaved_edits_warning_and_a_form_with_errors_starts_unsaved(editor_client):
    page = PageFactory(status=Page.Status.DRAFT)
    section = SectionFactory(page=page, body="Safe words.")
    for url in (
        reverse("admin:condition_page_change", args=[page.pk]),
        reverse("admin:condition_section_change", args=[section.pk]),
        reverse("admin:condition_page_add"),
    ):
        html = editor_client.get(url).content.decode()
        script = re.search(
            r'<script src="[^"]*admin-unsaved[^"]*\.js" defer data-message="([^"]+)"(?: data-unsaved)?>', html
        )
        assert script and "not saved" in script.group(1), url
        assert "data-unsaved" not in script.group(0)
    url = reverse("admin:condition_section_change", args=[section.pk])
    html = editor_client.post(url, section_form_data(section, heading="")).content.decode()
    assert re.search(r'admin-unsaved[^"]*\.js" defer data-message="[^"]+" data-unsaved>', html)


def test_the_error_summary_links_each_error_to_its_field(editor_client):
    page = PageFactory(status=Page.Status.DRAFT)
    section = SectionFactory(page=page, body="Safe words.")
    url = reverse("admin:condition_section_change", args=[section.pk])
    html = editor_client.post(url, section_form_data(section, heading="")).content.decode()
    summary = html[html.index('<ul class="error-summary"') :].split("</ul>")[0]
    assert '<a href="#id_heading">Heading: Give the section a heading.</a>' in summary
    assert 'id="id_heading"' in html


def test_spanish_care_advice_lists_the_pages_it_shows_on_not_no_page_yet(admin_client, reviewer, settings):
    from tests.factories import CareAdviceFactory, CareSectionFactory, translate

    settings.OMS_ALLOW_SELF_APPROVAL = True
    advice = CareAdviceFactory(title="Fever during treatment")
    translated_page = PageFactory(title="Symptoms")
    CareSectionFactory(page=translated_page, care_advice=advice)
    CareSectionFactory(page=PageFactory(title="Only English"), care_advice=advice)
    nowhere = CareAdviceFactory(title="Placed nowhere")
    translate(advice, reviewer, change=lambda d: setattr(d, "title", "Fiebre durante el tratamiento") or d.save())
    translate(translated_page, reviewer, change=lambda d: setattr(d, "title", "Síntomas") or d.save())
    translate(nowhere, reviewer, change=lambda d: setattr(d, "title", "En ninguna") or d.save())

    html = admin_client.get(reverse("admin:condition_careadvice_changelist")).content.decode()
    row = re.search(r"Fiebre durante el tratamiento.*?</tr>", html, re.S).group(0)
    assert "No page yet" not in row
    assert "Síntomas" in row and "Only English (only in English)" in row
    nowhere_row = re.search(r"En ninguna.*?</tr>", html, re.S).group(0)
    assert "not placed on any page" in nowhere_row


def test_the_care_advice_picker_lists_each_situation_once_in_the_sections_language(admin_client, reviewer, settings):
    from tests.factories import CareAdviceFactory, translate

    settings.OMS_ALLOW_SELF_APPROVAL = True
    advice = CareAdviceFactory(title="Fever during treatment")
    translate(advice, reviewer, change=lambda d: setattr(d, "title", "Fiebre durante el tratamiento") or d.save())
    page = PageFactory(status=Page.Status.DRAFT)
    section = SectionFactory(page=page)
    for url in (
        reverse("admin:condition_page_change", args=[page.pk]),
        reverse("admin:condition_section_change", args=[section.pk]),
    ):
        html = admin_client.get(url).content.decode()
        picker = re.search(r'<select name="[^"]*care_advice".*?</select>', html, re.S).group(0)
        assert "Fever during treatment" in picker, url
        assert "Fiebre" not in picker, url

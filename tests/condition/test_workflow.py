"""The rule until drafts exist: Editors cannot change what families see; Clinical reviewers can."""

import pytest
from django.urls import reverse

from condition.models import ClinicProfile, Condition, GlossaryTerm, Page, Section, Source
from tests.condition.test_admin import page_form_data
from tests.factories import GlossaryTermFactory, PageFactory, SectionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def revert_url(obj, version):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, version.history_id])


def section_post(section, **changes):
    data = {
        "page": section.page_id,
        "heading": section.heading,
        "anchor": section.anchor,
        "body": section.body,
        "order": section.order,
    }
    return {**data, **changes}


def test_editor_cannot_revert_a_section_of_a_live_page_from_its_history(editor_client):
    section = SectionFactory(page=PageFactory(status=Page.Status.PUBLISHED), body="Old words.")
    section.body = "Checked words."
    section.save()
    old = section.history.earliest()
    response = editor_client.post(revert_url(section, old), section_post(section, body="Old words."))
    assert response.status_code == 403
    section.refresh_from_db()
    assert section.body == "Checked words."


def test_reviewer_can_revert_a_section_of_a_live_page(reviewer_client):
    section = SectionFactory(page=PageFactory(status=Page.Status.PUBLISHED), body="Old words.")
    section.body = "Checked words."
    section.save()
    old = section.history.earliest()
    response = reviewer_client.post(revert_url(section, old), section_post(section, body="Old words."))
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.body == "Old words."


def test_editor_cannot_unpublish_a_page_by_reverting_to_its_draft_version(editor_client):
    page = PageFactory(status=Page.Status.DRAFT)
    page.status = Page.Status.PUBLISHED
    page.save()
    draft_version = page.history.earliest()
    response = editor_client.post(revert_url(page, draft_version), page_form_data(page, status="draft"))
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.status == Page.Status.PUBLISHED


def test_editor_cannot_revert_a_draft_page_to_a_published_version(editor_client):
    page = PageFactory(status=Page.Status.PUBLISHED)
    page.status = Page.Status.DRAFT
    page.save()
    published_version = page.history.earliest()
    response = editor_client.post(revert_url(page, published_version), page_form_data(page, status="draft"))
    assert response.status_code == 403


def test_editor_can_still_read_the_history_of_a_live_page(editor_client):
    page = PageFactory(status=Page.Status.PUBLISHED)
    assert editor_client.get(reverse("admin:condition_page_history", args=[page.pk])).status_code == 200
    assert editor_client.get(revert_url(page, page.history.earliest())).status_code == 200


def test_editor_cannot_change_the_clinic_numbers_through_history(editor_client):
    ClinicProfile(status="published", name="Clinic", phone="555 0100").save()
    profile = ClinicProfile.load()
    data = {"name": "Clinic", "phone": "555 6666", "after_hours_phone": "", "address": ""}
    assert editor_client.post(revert_url(profile, profile.history.earliest()), data).status_code == 403
    assert ClinicProfile.load().phone == "555 0100"


def test_section_page_field_offers_an_editor_only_pages_that_are_not_live(editor_client):
    live = PageFactory(status=Page.Status.PUBLISHED, title="Live page")
    draft = PageFactory(status=Page.Status.DRAFT, title="Draft page")
    section = SectionFactory(page=draft, body="Draft words.")
    url = reverse("admin:condition_section_change", args=[section.pk])
    form = editor_client.get(url).content.decode()
    assert "Draft page" in form and "Live page" not in form
    response = editor_client.post(url, section_post(section, page=live.pk))
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert Section.objects.get(pk=section.pk).page == draft


def test_reviewer_may_move_a_section_into_a_live_page(reviewer_client):
    live = PageFactory(status=Page.Status.PUBLISHED)
    section = SectionFactory(page=PageFactory(status=Page.Status.DRAFT))
    url = reverse("admin:condition_section_change", args=[section.pk])
    assert reviewer_client.post(url, section_post(section, page=live.pk)).status_code == 302
    assert Section.objects.get(pk=section.pk).page == live


@pytest.mark.parametrize(
    ("factory", "model", "data"),
    [
        (GlossaryTermFactory, GlossaryTerm, {"term": "Sneaky", "slug": "sneaky", "definition": "Wrong."}),
        (SourceFactory, Source, {"key": "sneaky", "citation": "Wrong.", "url": "https://bad.example", "year": 2020}),
    ],
)
def test_glossary_terms_and_sources_are_live_once_they_exist(editor_client, reviewer, client, factory, model, data):
    obj = factory()
    name = model._meta.model_name
    change = reverse(f"admin:condition_{name}_change", args=[obj.pk])
    assert editor_client.get(change).status_code == 200  # view only
    assert editor_client.post(change, data).status_code == 403
    assert editor_client.post(reverse(f"admin:condition_{name}_add"), data).status_code == 403
    assert (
        editor_client.post(reverse(f"admin:condition_{name}_delete", args=[obj.pk]), {"post": "yes"}).status_code == 403
    )
    assert model.objects.get(pk=obj.pk).pk == obj.pk and model.objects.count() == 1

    from tests.conftest import verified_login

    verified_login(client, reviewer)
    assert client.post(change, data).status_code == 302
    assert model.objects.filter(
        pk=obj.pk, **{next(iter(data)): "Sneaky" if name == "glossaryterm" else "sneaky"}
    ).exists()


def test_editor_cannot_change_the_condition_or_the_clinic_profile(editor_client, oms_content):
    condition = Condition.objects.get()
    data = {"name": "X", "slug": condition.slug, "other_names": "", "summary": "Wrong."}
    assert editor_client.post(reverse("admin:condition_condition_change", args=[condition.pk]), data).status_code == 403
    profile = ClinicProfile.load()
    data = {"name": "X", "phone": "1", "after_hours_phone": "2", "address": ""}
    assert editor_client.post(reverse("admin:condition_clinicprofile_change", args=[1]), data).status_code == 403
    assert Condition.objects.get().summary == condition.summary and ClinicProfile.load().name == profile.name


def test_saving_a_page_untouched_records_no_change_to_key_points(reviewer_client):
    page = PageFactory(status=Page.Status.DRAFT, key_points="First point.\nSecond point.")
    url = reverse("admin:condition_page_change", args=[page.pk])
    browser_post = page_form_data(page, key_points="First point.\r\nSecond point.")
    assert reviewer_client.post(url, browser_post).status_code == 302
    page.refresh_from_db()
    assert page.key_points == "First point.\nSecond point."
    latest, previous = page.history.all()[:2]
    assert "key_points" not in latest.diff_against(previous).changed_fields
    from django.contrib.admin.models import LogEntry

    assert "Key points" not in LogEntry.objects.latest("action_time").get_change_message()

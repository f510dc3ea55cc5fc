import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from condition.models import ClinicProfile, Page
from tests.factories import PageFactory, SectionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_published_queryset_hides_drafts_and_pages_in_review():
    live = PageFactory(status=Page.Status.PUBLISHED)
    PageFactory(status=Page.Status.DRAFT)
    PageFactory(status=Page.Status.REVIEW)
    assert list(Page.objects.live()) == [live]


def test_key_points_are_split_into_lines_without_bullets():
    page = PageFactory.build(key_points="- First\n\n* Second  \n• Third")
    assert page.key_points_list == ["First", "Second", "Third"]


def test_recording_a_review_sets_the_next_review_a_year_later():
    page = PageFactory()
    page.record_review(reviewer_name="Dr. Lee", today=datetime.date(2026, 3, 1))
    assert page.last_reviewed == datetime.date(2026, 3, 1)
    assert page.reviewed_by == "Dr. Lee"
    assert page.next_review_due == datetime.date(2027, 3, 1)
    assert page.is_clinically_reviewed


def test_review_due_lists_never_reviewed_undated_overdue_and_soon_pages_only():
    today = datetime.date(2026, 6, 1)
    reviewed = {"last_reviewed": datetime.date(2026, 1, 1), "reviewed_by": "Dr. A. Lee"}
    overdue = PageFactory(next_review_due=today - datetime.timedelta(days=1), **reviewed)
    soon = PageFactory(next_review_due=today + datetime.timedelta(days=30), **reviewed)
    undated = PageFactory(next_review_due=None, **reviewed)
    never = PageFactory(next_review_due=today + datetime.timedelta(days=200))
    PageFactory(next_review_due=today + datetime.timedelta(days=31), **reviewed)
    assert set(Page.objects.review_due(today=today)) == {overdue, soon, undated, never}
    assert list(Page.objects.overdue(today=today)) == [overdue]
    assert list(Page.objects.due_soon(today=today)) == [soon]
    assert list(Page.objects.never_reviewed()) == [never]
    states = {page.pk: page.review_state for page in Page.objects.with_review_state(today=today)}
    assert [states[p.pk] for p in (overdue, soon, undated, never)] == ["overdue", "soon", "undated", "never"]


def test_next_review_before_last_review_is_refused():
    page = PageFactory.build(last_reviewed=datetime.date(2026, 1, 2), next_review_due=datetime.date(2026, 1, 1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "next_review_due" in error.value.message_dict


def test_citing_an_unknown_source_key_tells_the_editor_which_key():
    SourceFactory(key="nord")
    section = SectionFactory.build(page=PageFactory(), body="Fact [cite:nord] [cite:missing].")
    with pytest.raises(ValidationError) as error:
        section.clean()
    assert "missing" in error.value.message_dict["body"][0]
    assert "nord" not in error.value.message_dict["body"][0]


def test_section_anchors_are_unique_within_a_page():
    page = PageFactory()
    SectionFactory(page=page, anchor="same")
    with pytest.raises(IntegrityError):
        SectionFactory(page=page, anchor="same")


def test_there_is_only_ever_one_clinic_profile():
    ClinicProfile(status="published", name="First").save()
    ClinicProfile(status="published", name="Second").save()
    assert ClinicProfile.objects.count() == 1
    assert ClinicProfile.load().name == "Second"


def test_clinic_profile_loads_blank_before_staff_fill_it_in_without_writing():
    profile = ClinicProfile.load()
    assert profile.name == "Your clinic"
    assert not ClinicProfile.objects.exists()


@pytest.mark.parametrize("anchor", ["care-questions-heading", "related-heading", "site-search-q", "question-12"])
def test_a_section_anchor_cannot_clash_with_the_pages_own_ids(anchor):
    section = SectionFactory.build(page=PageFactory(), anchor=anchor, heading="x", body="x")
    with pytest.raises(ValidationError, match="used by the page itself"):
        section.clean()

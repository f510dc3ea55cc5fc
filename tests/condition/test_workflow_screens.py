"""What staff read on the workflow screens: the page form's panel and the review page."""

import pytest
from django.urls import reverse

from condition import drafts
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_a_page_taken_down_says_when_by_whom_and_why_not_that_it_is_new(reviewer_client, reviewer):
    page = PageFactory(title="Vaccines")
    SectionFactory(page=page)
    drafts.take_down(page, reviewer, "Wrong vaccine advice.")
    html = reviewer_client.get(reverse("admin:condition_page_change", args=[page.pk])).content.decode()
    assert "<strong>Taken off the site</strong>" in html and "by Rita Reviewer" in html
    assert "Why: Wrong vaccine advice." in html
    assert "submit it for review" in html
    assert "New, not live yet" not in html


def test_a_page_never_live_still_reads_as_new(reviewer_client, editor):
    page = PageFactory(title="Sleep", status="draft")
    html = reviewer_client.get(reverse("admin:condition_page_change", args=[page.pk])).content.decode()
    assert "New, not live yet" in html and "Taken off the site" not in html


def test_the_review_shows_changed_parts_first_and_folds_the_unchanged_ones_into_one_box(reviewer_client, editor):
    page = PageFactory(title="Fits")
    SectionFactory(page=page, heading="Changed part", body="Old words.", order=10)
    SectionFactory(page=page, heading="Same part one", body="Kept words.", order=20)
    SectionFactory(page=page, heading="Same part two", body="Also kept.", order=30)
    draft = drafts.start_draft(page, editor)
    draft.sections.filter(heading="Changed part").update(body="New words.")
    drafts.submit(draft, editor)
    html = reviewer_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    assert html.count('<details class="review-same">') == 1 and html.count("</details>") == 1
    folded = html[html.index('<details class="review-same">') : html.index("</details>")]
    assert "Same part one" in folded and "Same part two" in folded and "Changed part" not in folded
    assert html.index("Changed part") < html.index('<details class="review-same">')
    assert html.index("</details>") < html.index("Approve: put it live now")


def test_the_review_has_no_folded_box_when_every_part_changed(reviewer_client, editor):
    page = PageFactory(title="Fits")
    SectionFactory(page=page, heading="Only part", body="Old words.")
    draft = drafts.start_draft(page, editor)
    draft.sections.update(body="New words.")
    html = reviewer_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    assert "review-same" not in html and "<ins>" in html


def test_the_reading_line_counts_long_sentences_in_plain_words(reviewer_client, editor):
    page = PageFactory(title="Fits")
    SectionFactory(page=page, heading="Short", body="Old.", order=10)
    SectionFactory(page=page, heading="Long", body="Old too.", order=20)
    draft = drafts.start_draft(page, editor)
    draft.sections.filter(heading="Short").update(body="Stay calm. Time the fit. Call us.")
    long = " ".join(["word"] * 25) + "."
    draft.sections.filter(heading="Long").update(body=f"{long} Then call. Then wait.")
    html = reviewer_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    assert "no sentence over 20 words" in html
    assert "1 sentence over 20 words" in html
    assert "sentence(s)" not in html

"""After an emergency take-down: putting back the version that came down, with its translations,
through the two-person rule (condition.drafts.put_back), compared with that version on review."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from condition import drafts
from condition.drafts import Revision, WorkflowError
from condition.models import Page
from tests.conftest import verified_login
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def workflow(page, action):
    return reverse("admin:condition_page_workflow", args=[page.pk, action])


def review(page):
    return reverse("admin:condition_page_review", args=[page.pk])


def test_putting_back_makes_drafts_of_the_taken_down_page_and_its_translation_and_nothing_goes_live(
    down, editor, reviewer
):
    page, spanish = down
    spanish.title = "Fiebre (editado)"  # edited after it came down: put back as it was
    spanish.save()
    staff = verified_login(Client(), editor)

    response = staff.post(workflow(page, "put-back"), follow=True)

    assert response.status_code == 200
    shown = response.content.decode()
    assert "This draft now holds the version taken down on" in shown
    assert "Its Español translation, taken down with it, is a draft of its taken-down version too" in shown
    page.refresh_from_db()
    spanish.refresh_from_db()
    assert (page.status, spanish.status) == (Page.Status.DRAFT, Page.Status.DRAFT)
    assert spanish.title == "Fiebre" and spanish.edited_by == editor
    assert not Page.objects.live("en").filter(pk=page.pk).exists()
    assert not Page.objects.live("es").exists()
    assert [t.pk for t in drafts.taken_down_with(page)] == [spanish.pk]


def test_the_review_compares_with_the_taken_down_version_and_says_who_may_approve(down, editor, reviewer):
    page, _spanish = down
    drafts.put_back(page, editor)
    at_home = page.sections.get(anchor="at-home")
    at_home.body = "Rest, drink and sleep."
    at_home.save()
    staff = verified_login(Client(), reviewer)

    html = staff.get(review(page)).content.decode()

    assert "against the version taken down on" in html and "only what changed since shows" in html
    assert "A new page" not in html
    page_fields = html[html.index('<table class="review-diff">') : html.index("</table>")]
    assert 'class="changed"' not in page_fields  # the page's own fields are as they came down
    changed = re.findall(r'review-row review-(\w+)">\s*<caption>([^<]*)', html)
    assert [(kind, caption.strip()) for kind, caption in changed if kind != "same"] == [
        ("changed", "Section: At home:")
    ]
    assert "<ins>,</ins>" in html or "<ins>sleep</ins>" in html
    assert "Who may approve: any clinical reviewer other than Eddie Editor, who started this draft" in html
    assert "The Español translation" in html


def test_the_reviewer_who_took_it_down_may_approve_what_an_editor_put_back_but_not_what_they_put_back(
    down, editor, reviewer, admin_user
):
    page, spanish = down
    drafts.put_back(page, editor)
    drafts.submit(page, editor)
    html = verified_login(Client(), reviewer).get(review(page)).content.decode()
    assert "Who may approve: any clinical reviewer other than Eddie Editor, who submitted it." in html
    live = drafts.approve(page, reviewer)  # Rita took it down; she did not write this draft
    assert live.is_live

    # Taken down again (the Spanish is still down from the first time, so it stays as it is):
    # whoever puts it back may not approve it.
    drafts.take_down(live, admin_user, "Again.")
    page.refresh_from_db()
    assert drafts.taken_down_with(page) == []
    drafts.put_back(page, reviewer)
    spanish.refresh_from_db()
    assert spanish.edited_by == editor and not spanish.is_live
    drafts.submit(page, editor)
    html = verified_login(Client(), admin_user).get(review(page)).content.decode()
    assert "other than Eddie Editor, who submitted it; Rita Reviewer, who changed it." in html
    with pytest.raises(WorkflowError, match="You edited this draft"):
        drafts.approve(page, reviewer)
    drafts.approve(page, admin_user)


def test_a_put_back_translation_goes_live_only_by_its_own_approval_after_the_english(down, editor, reviewer):
    page, spanish = down
    drafts.put_back(page, editor)
    drafts.submit(spanish, editor)
    with pytest.raises(WorkflowError, match="not live"):
        drafts.approve(spanish, reviewer)  # never live under a page that is down
    drafts.submit(page, editor)
    drafts.approve(page, reviewer)
    spanish.refresh_from_db()
    assert not spanish.is_live  # the English coming back does not put the Spanish live
    html = verified_login(Client(), reviewer).get(review(spanish)).content.decode()
    assert "against the version taken down on" in html
    drafts.approve(spanish, reviewer)
    assert Page.objects.live("es").get().pk == spanish.pk


def test_starting_from_an_older_version_after_a_take_down_leaves_the_translations_down_for_their_own_step(down, editor):
    """An older English version is not the one the translations came down with: they are not changed by it,
    and each can still be put back on its own (its review then names why it came down)."""
    page, spanish = down
    spanish.title = "Fiebre (editado)"
    spanish.save()
    drafts.draft_from_revision(Revision.of(page).filter(action=Revision.Action.APPROVED).first(), editor)
    spanish.refresh_from_db()
    assert spanish.title == "Fiebre (editado)" and not spanish.is_live
    assert drafts.taken_down_version(spanish) is not None
    drafts.put_back(spanish, editor)
    spanish.refresh_from_db()
    assert spanish.title == "Fiebre" and spanish.edited_by == editor and not spanish.is_live


def test_only_a_taken_down_draft_is_put_back(down, editor, reviewer):
    page, _spanish = down
    live = PageFactory(title="Rash")
    with pytest.raises(WorkflowError, match="nothing to put back"):
        drafts.put_back(live, editor)
    drafts.submit(page, editor)
    with pytest.raises(WorkflowError, match="waiting for review"):
        drafts.put_back(page, editor)
    page = drafts.withdraw(page)
    drafts.put_back(page, editor)
    drafts.submit(page, editor)
    drafts.approve(page, reviewer)
    page.refresh_from_db()
    with pytest.raises(WorkflowError, match="nothing to put back"):
        drafts.put_back(page, editor)  # live again


def test_put_back_is_a_post_and_a_reader_without_change_rights_is_refused(down, client, django_user_model):
    page, _spanish = down
    staff = verified_login(Client(), django_user_model.objects.create_user("viewer", is_staff=True))
    assert staff.post(workflow(page, "put-back")).status_code == 403
    assert (
        verified_login(Client(), django_user_model.objects.get(username="eddie"))
        .get(workflow(page, "put-back"))
        .status_code
        == 405
    )


def test_the_taken_down_change_form_offers_put_back_to_an_editor(down, editor):
    page, _spanish = down
    html = verified_login(Client(), editor).get(reverse("admin:condition_page_change", args=[page.pk])).content
    html = html.decode()
    assert "Put back the taken-down version" in html and workflow(page, "put-back") in html
    assert "Taken down with it:" in html and "The Español translation" in html

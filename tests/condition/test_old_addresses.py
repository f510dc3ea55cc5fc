"""Printed QR codes live for years: a page's old address keeps working after its slug changes."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from condition import drafts
from condition.models import Page, PageSlugRedirect

pytestmark = pytest.mark.django_db


def test_a_printed_handout_address_still_leads_to_the_page_after_its_slug_changes(
    client, oms_content, editor, reviewer
):
    handout = client.get(reverse("condition:page_handout", args=["symptoms"])).content.decode()
    printed = re.search(r'class="short-url">Read online: (.+?)</p>', handout).group(1).replace("<wbr>", "")
    printed_path = "/" + printed.split("/", 1)[1]
    assert printed_path == "/topics/symptoms/"

    from tests.conftest import verified_login

    page = Page.objects.get(translation_of=None, slug="symptoms")
    draft = drafts.start_draft(page, editor)
    draft.slug = "signs-of-oms"
    draft.save()
    drafts.submit(draft, editor)
    verified_login(client, reviewer)
    url = reverse("admin:condition_page_workflow", args=[draft.pk, "approve"])
    approved = client.post(url, {"seen": drafts.fingerprint(draft)})
    assert approved.status_code == 302
    client.logout()
    assert Page.objects.get(pk=page.pk).slug == "signs-of-oms"  # the same page, at its new address

    response = client.get(printed_path)
    assert response.status_code == 301
    assert response["Location"] == "/topics/signs-of-oms/"
    followed = client.get(printed_path, follow=True)
    assert followed.status_code == 200 and page.title in followed.content.decode()


def test_old_handout_addresses_redirect_too_keeping_the_paper_size(client, oms_content):
    page = Page.objects.get(translation_of=None, slug="symptoms")
    page.slug = "signs-of-oms"
    page.save()
    response = client.get("/topics/symptoms/handout/?paper=letter")
    assert response.status_code == 301 and response["Location"] == "/topics/signs-of-oms/handout/?paper=letter"
    assert client.get("/topics/symptoms/handout.pdf")["Location"] == "/topics/signs-of-oms/handout.pdf"


def test_a_slug_changed_twice_redirects_both_old_addresses_and_a_reused_slug_is_the_page_again(client, oms_content):
    page = Page.objects.get(translation_of=None, slug="symptoms")
    for slug in ("second", "third"):
        page.slug = slug
        page.save()
    assert client.get("/topics/symptoms/")["Location"] == "/topics/third/"
    assert client.get("/topics/second/")["Location"] == "/topics/third/"
    page.slug = "symptoms"
    page.save()
    assert client.get("/topics/symptoms/").status_code == 200
    assert not PageSlugRedirect.objects.filter(old_slug="symptoms").exists()


def test_old_address_of_an_unpublished_page_is_not_found(client, oms_content):
    page = Page.objects.get(translation_of=None, slug="symptoms")
    page.slug = "moved"
    page.status = Page.Status.DRAFT
    page.save()
    assert client.get("/topics/symptoms/").status_code == 404


def test_following_an_old_address_costs_three_queries(client, oms_content, django_assert_num_queries):
    page = Page.objects.get(translation_of=None, slug="symptoms")
    page.slug = "moved"
    page.save()
    with django_assert_num_queries(3):
        assert client.get("/topics/symptoms/").status_code == 301


def test_a_new_page_cannot_take_over_another_pages_old_address(client, oms_content, editor_client):
    page = Page.objects.get(translation_of=None, slug="outlook")
    page.slug = "outlook-new"
    page.save()
    draft = Page(condition=page.condition, title="Draft", slug="outlook", summary="x", key_points="x", status="draft")
    with pytest.raises(ValidationError, match="printed handouts still lead there"):
        draft.full_clean()
    # Saved some other way, it still leaves the old address with the page it belonged to.
    draft.save()
    draft.slug = "draft-x"
    draft.save()
    assert PageSlugRedirect.objects.get(old_slug="outlook").page == page

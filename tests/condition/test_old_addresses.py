"""Printed QR codes live for years: a page's old address keeps working after its slug changes."""

import re

import pytest
from django.urls import reverse

from condition.models import Page, PageSlugRedirect
from tests.condition.test_admin import page_form_data

pytestmark = pytest.mark.django_db


def test_a_printed_handout_address_still_leads_to_the_page_after_its_slug_changes(client, oms_content, reviewer):
    handout = client.get(reverse("condition:page_handout", args=["symptoms"])).content.decode()
    printed = re.search(r'class="short-url">Read online: ([^<]+)<', handout).group(1)
    printed_path = "/" + printed.split("/", 1)[1]
    assert printed_path == "/topics/symptoms/"

    from tests.conftest import verified_login

    page = Page.objects.get(slug="symptoms")
    verified_login(client, reviewer)
    changed = client.post(
        reverse("admin:condition_page_change", args=[page.pk]), page_form_data(page, slug="signs-of-oms")
    )
    assert changed.status_code == 302
    client.logout()

    response = client.get(printed_path)
    assert response.status_code == 301
    assert response["Location"] == "/topics/signs-of-oms/"
    followed = client.get(printed_path, follow=True)
    assert followed.status_code == 200 and page.title in followed.content.decode()


def test_old_handout_addresses_redirect_too_keeping_the_paper_size(client, oms_content):
    page = Page.objects.get(slug="symptoms")
    page.slug = "signs-of-oms"
    page.save()
    response = client.get("/topics/symptoms/handout/?paper=letter")
    assert response.status_code == 301 and response["Location"] == "/topics/signs-of-oms/handout/?paper=letter"
    assert client.get("/topics/symptoms/handout.pdf")["Location"] == "/topics/signs-of-oms/handout.pdf"


def test_a_slug_changed_twice_redirects_both_old_addresses_and_a_reused_slug_is_the_page_again(client, oms_content):
    page = Page.objects.get(slug="symptoms")
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
    page = Page.objects.get(slug="symptoms")
    page.slug = "moved"
    page.status = Page.Status.DRAFT
    page.save()
    assert client.get("/topics/symptoms/").status_code == 404


def test_following_an_old_address_costs_two_queries(client, oms_content, django_assert_num_queries):
    page = Page.objects.get(slug="symptoms")
    page.slug = "moved"
    page.save()
    with django_assert_num_queries(2):
        assert client.get("/topics/symptoms/").status_code == 301

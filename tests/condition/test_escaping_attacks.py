"""Independent review (attack): staff-typed markup on today's new screens and family pages."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from condition import drafts, translations
from condition.drafts import Revision
from condition.models import Section, SectionImage
from tests.factories import CareAdviceFactory, CareSectionFactory, GlossaryTermFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db

EVIL = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def _clean(html):
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x onerror" not in html


def _add_image(section, alt):
    from tests.condition.test_images import upload

    image = SectionImage(section=section, image=upload(name=f"{EVIL}.png"), alt=alt, caption=EVIL, order=0)
    image.save()  # the model refuses < and > in alt text (clean); saved as a loaded row could be
    return image


def test_missing_from_translation_list_escapes_care_title_picture_alt_and_section(admin_client, editor, admin_user):
    page = PageFactory(title="Fever", slug="fever")
    SectionFactory(page=page, heading="Intro", anchor="intro", body="Words.")
    Revision.record(page, Revision.Action.APPROVED, None)
    spanish = translations.start_translation(page, "es", editor)
    drafts.submit(spanish, editor)
    spanish = drafts.approve(spanish, admin_user)
    # The English gains a care box, a picture and a section with hostile staff text.
    working = drafts.start_draft(page, editor)
    CareSectionFactory(page=working, care_advice=CareAdviceFactory(title=EVIL), order=5)
    new_section = SectionFactory(page=working, heading=EVIL, anchor="evil", body=EVIL, order=6)
    _add_image(working.sections.get(anchor="intro"), alt=EVIL)
    _add_image(new_section, alt=EVIL)
    drafts.submit(working, editor)
    drafts.approve(working, admin_user)
    draft = drafts.start_draft(spanish, editor)
    html = admin_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    assert "In the original, missing from this translation" in html
    _clean(html)
    # And on the family's Spanish page, the English section shown in English.
    family = Client().get(f"/es/{spanish.condition.slug}/{spanish.slug}/")
    if family.status_code == 404:
        family = Client().get(spanish.get_absolute_url())
    assert family.status_code == 200
    family_html = family.content.decode()
    assert 'lang="en"' in family_html and "&lt;script&gt;alert(1)&lt;/script&gt;" in family_html
    _clean(family_html)


def test_review_thumbnail_and_picture_input_escape(admin_client, editor):
    page = PageFactory(title="Rash", slug="rash")
    section = Section.objects.create(page=page, heading="Look", anchor="look", body="Look at the skin.")
    draft = drafts.start_draft(page, editor)
    picture = _add_image(draft.sections.get(), alt=EVIL)
    html = admin_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    _clean(html)
    html = admin_client.get(reverse("admin:condition_section_change", args=[picture.section_id])).content.decode()
    _clean(html)
    assert section.pk


def test_approval_rule_and_taken_down_note_escape_staff_names(admin_client, reviewer, django_user_model):
    from django.contrib.auth.models import Group

    evil_editor = django_user_model.objects.create_user(
        "evil", "evil@clinic.example", "a-long-test-password", is_staff=True, first_name=EVIL, last_name="x"
    )
    evil_editor.groups.add(Group.objects.get(name="Editors"))
    page = PageFactory(title=EVIL, slug="evil")
    Revision.record(page, Revision.Action.APPROVED, None)
    drafts.take_down(page, reviewer, EVIL)
    page.refresh_from_db()
    drafts.put_back(page, evil_editor)
    for url in (
        reverse("admin:condition_page_change", args=[page.pk]),
        reverse("admin:condition_page_review", args=[page.pk]),
    ):
        _clean(admin_client.get(url).content.decode())
    drafts.submit(page, evil_editor)
    for url in (
        reverse("admin:condition_page_change", args=[page.pk]),
        reverse("admin:condition_page_review", args=[page.pk]),
        reverse("admin:index"),
    ):
        _clean(admin_client.get(url).content.decode())


def test_popover_escapes_term_and_definition(db):
    page = PageFactory(title="Words", slug="words")
    SectionFactory(page=page, heading="Body", anchor="body", body="We give steroids at home.")
    GlossaryTermFactory(term="steroids", slug="steroids", definition=EVIL)
    GlossaryTermFactory(term="home", slug='home"><svg onload=alert(3)>', definition=EVIL)
    html = Client().get(page.get_absolute_url()).content.decode()
    _clean(html)
    assert "<svg onload" not in html


def test_error_summary_escapes_page_title_in_an_old_address_error(admin_client, editor):
    """A page's title is quoted inside the slug error ("This was the address of ...")."""
    from condition.models import Page, PageSlugRedirect

    moved = PageFactory(title=EVIL, slug="new-address")
    PageSlugRedirect.objects.create(old_slug="old-address", page=moved)
    draft = PageFactory(title="Another", slug="another", status=Page.Status.DRAFT)
    url = reverse("admin:condition_page_change", args=[draft.pk])
    page_form = admin_client.get(url)
    form = page_form.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            data[name] = [getattr(v, "pk", v) for v in value]
        else:
            data[name] = getattr(value, "pk", value)
    data["slug"] = "old-address"
    for formset in page_form.context["inline_admin_formsets"]:
        fs = formset.formset
        data.update(
            {
                f"{fs.prefix}-TOTAL_FORMS": 0,
                f"{fs.prefix}-INITIAL_FORMS": 0,
                f"{fs.prefix}-MIN_NUM_FORMS": 0,
                f"{fs.prefix}-MAX_NUM_FORMS": 1000,
            }
        )
    html = admin_client.post(url, data).content.decode()
    assert "error-summary" in html
    _clean(html)


def test_search_miss_panel_and_clinic_banner(admin_client):
    from condition.search import misses

    misses.record([EVIL], "en")
    html = admin_client.get(reverse("admin:index")).content.decode()
    _clean(html)
    assert settings.SEARCH_MISSES_PER_DAY


def test_a_taken_down_pages_pictures_and_their_copies_are_not_served_to_families(reviewer, admin_user):
    from condition import images
    from tests.condition.test_images import upload

    page = PageFactory(title="Rash", slug="rash")
    section = Section.objects.create(page=page, heading="Look", anchor="look", body="Look at the skin.")
    picture = SectionImage(section=section, image=upload(), alt="A rash", order=0)
    picture.full_clean()
    picture.save()
    Revision.record(page, Revision.Action.APPROVED, admin_user)
    urls = [images.url(picture.image.name)] + [images.url(r["fallback"]) for r in picture.renditions]
    assert all(Client().get(url).status_code == 200 for url in urls)
    drafts.take_down(page, reviewer, "Wrong picture.")
    assert [Client().get(url).status_code for url in urls] == [404] * len(urls)
    page.refresh_from_db()
    drafts.put_back(page, reviewer)
    assert [Client().get(url).status_code for url in urls] == [404] * len(urls)

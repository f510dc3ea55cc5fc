"""Translations are content of their own, reviewed like any change, and know when they are out of date."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from condition import drafts, translations
from condition.drafts import Revision, WorkflowError
from condition.models import CareAdvice, GlossaryTerm, Page, Section, Source
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def approved(item, editor, reviewer, change=lambda draft: None):
    """`change` on `item`'s draft (a new translation's draft is the item itself), submitted and approved."""
    draft = drafts.start_draft(item, editor)
    change(draft)
    draft.save()
    drafts.submit(draft, editor)
    return drafts.approve(draft, reviewer)


def translated(item, editor, reviewer, **words):
    """A live Spanish translation of live `item`, with `words` written over the copied English."""
    draft = translations.start_translation(item, "es", editor)
    for name, value in words.items():
        setattr(draft, name, value)
    draft.save()
    drafts.submit(draft, editor)
    return drafts.approve(draft, reviewer)


def fever_advice():
    return CareAdvice.objects.create(
        key="fever",
        title="Fever during treatment",
        urgency=CareAdvice.Urgency.URGENT,
        look_for="- A temperature of 38 °C or more",
        action="Call the clinic now, day or night.",
        status=CareAdvice.Status.PUBLISHED,
    )


def test_a_translation_starts_as_a_draft_copy_that_records_the_approved_english_it_was_made_from(editor, reviewer):
    page = approved(PageFactory(title="Fever", status=Page.Status.DRAFT), editor, reviewer)
    SectionFactory(page=page, heading="What to do", body="Call the clinic.")
    version = Revision.of(page).get()

    draft = translations.start_translation(page, "es", editor)

    assert (draft.language, draft.translation_of, draft.made_from) == ("es", page, version)
    assert draft.status == Page.Status.DRAFT and not draft.is_working_copy
    assert draft.slug == page.slug and draft.title == "Fever"  # the translator writes over the copy
    assert [s.anchor for s in draft.sections.all()] == [s.anchor for s in page.sections.all()]
    assert draft.last_reviewed is None  # a translation has its own clinical review
    assert translations.start_translation(page, "es", editor) == draft  # one translation per language


def test_only_a_live_original_in_an_offered_language_is_translated(editor, reviewer):
    page = PageFactory()
    with pytest.raises(WorkflowError, match="not offered"):
        translations.start_translation(page, "xx", editor)
    with pytest.raises(WorkflowError, match="not offered"):
        translations.start_translation(page, "en", editor)
    spanish = translated(page, editor, reviewer, title="Fiebre")
    with pytest.raises(WorkflowError, match="original"):
        translations.start_translation(spanish, "es", editor)
    with pytest.raises(WorkflowError, match="not translated"):
        translations.start_translation(Source.objects.create(key="x", citation="X", status="published"), "es", editor)
    draft = drafts.start_draft(page, editor)
    with pytest.raises(WorkflowError):
        translations.start_translation(draft, "es", editor)


def test_a_translation_waits_for_review_while_the_english_has_its_own_draft(editor, reviewer):
    page = PageFactory(title="Fever")
    english_draft = drafts.start_draft(page, editor)
    spanish = translations.start_translation(page, "es", editor)
    spanish.title = "Fiebre"
    spanish.save()
    drafts.submit(spanish, editor)

    assert Page.objects.live("es").count() == 0
    live = drafts.approve(spanish, reviewer)

    assert Page.objects.live("es").get() == live and live.translation_reviewed
    assert english_draft.pk in Page.objects.filter(draft_of=page).values_list("pk", flat=True)
    assert list(Page.objects.live()) == [page]  # English lists never show the Spanish item


def test_approving_the_english_again_puts_its_translation_out_of_date_until_the_translator_updates_it(editor, reviewer):
    page = approved(PageFactory(title="Fever", status=Page.Status.DRAFT), editor, reviewer)
    spanish = translated(page, editor, reviewer, title="Fiebre")
    assert not translations.is_out_of_date(translations.refresh_freshness(spanish))
    assert not translations.needs_update(Page).exists()

    approved(page, editor, reviewer, lambda draft: setattr(draft, "summary", "New English summary."))
    spanish.refresh_from_db()
    assert translations.is_out_of_date(translations.refresh_freshness(spanish))
    assert list(translations.needs_update(Page)) == [spanish]

    # The translator's working copy is made from the English as it is now, and approving it catches up.
    updated = approved(spanish, editor, reviewer, lambda draft: setattr(draft, "summary", "Nuevo resumen."))
    assert updated.pk == spanish.pk and updated.made_from == Revision.of(page).first()
    assert not translations.needs_update(Page).exists()


def test_a_shipped_translation_is_current_until_the_english_is_first_approved(editor, reviewer):
    page = PageFactory(title="Fever")  # loaded at set-up: no approved version on record
    spanish = Page.objects.create(
        condition=page.condition,
        title="Fiebre",
        slug=page.slug,
        summary="s",
        key_points="k",
        language="es",
        translation_of=page,
        status=Page.Status.PUBLISHED,
    )
    assert not translations.needs_update(Page).exists() and not spanish.translation_reviewed
    approved(page, editor, reviewer, lambda draft: setattr(draft, "title", "Fever and infection"))
    assert list(translations.needs_update(Page)) == [spanish]


def test_what_is_not_the_translators_always_comes_from_the_original_at_approval(editor, reviewer):
    advice = fever_advice()
    spanish = translations.start_translation(advice, "es", editor)
    spanish.title, spanish.urgency = "Fiebre", CareAdvice.Urgency.SOON  # the urgency is not the translator's
    spanish.save()
    drafts.submit(spanish, editor)
    live = drafts.approve(spanish, reviewer)
    assert (live.title, live.urgency, live.key) == ("Fiebre", CareAdvice.Urgency.URGENT, "fever")


def test_taking_the_english_down_takes_its_translations_down_with_it(editor, reviewer):
    page = PageFactory(title="Fever")
    spanish = translated(page, editor, reviewer, title="Fiebre")
    drafts.take_down(page, reviewer, "Wrong dose.")
    spanish.refresh_from_db()
    assert not spanish.is_live
    assert Revision.of(spanish).filter(action=Revision.Action.TAKEN_DOWN, note="Wrong dose.").exists()


def test_care_advice_is_shown_in_spanish_only_while_its_translation_is_up_to_date(editor, reviewer):
    advice = fever_advice()
    approved(advice, editor, reviewer)  # on record, so a later approval is seen
    advice.refresh_from_db()
    spanish = translated(advice, editor, reviewer, title="Fiebre durante el tratamiento")

    [shown] = translations.safe_care_advice([advice], "es")
    assert shown.pk == spanish.pk and not shown.shown_in_original

    approved(advice, editor, reviewer, lambda draft: setattr(draft, "action", "Call the clinic at once."))
    advice.refresh_from_db()
    [shown] = translations.safe_care_advice([advice], "es")
    assert shown.pk == advice.pk and shown.action == "Call the clinic at once."
    assert shown.shown_in_original and shown.replaced_out_of_date

    [english] = translations.safe_care_advice([advice], "en")
    assert english.pk == advice.pk and not english.shown_in_original


def test_lists_show_each_item_in_the_readers_language_or_the_original_marked(editor, reviewer):
    fever, rash = GlossaryTerm.objects.bulk_create(
        [
            GlossaryTerm(term="fever", slug="fever", definition="A high temperature.", status="published"),
            GlossaryTerm(term="rash", slug="rash", definition="Red spots.", status="published"),
        ]
    )
    translated(fever, editor, reviewer, term="fiebre", definition="Temperatura alta.")
    shown = translations.in_language(GlossaryTerm.objects.live(), "es")
    assert [(t.term, t.shown_in_original) for t in shown] == [("fiebre", False), ("rash", True)]

    pages = [PageFactory(title="Fever"), PageFactory(title="Rash")]
    translated(pages[0], editor, reviewer, title="Fiebre")
    translations.translate_in_place(pages, "es")
    assert [(p.title, p.shown_in_original, p.language) for p in pages] == [
        ("Fiebre", False, "es"),
        ("Rash", True, "en"),
    ]


def test_a_translations_sections_cannot_be_added_or_removed_in_the_admin_only_their_words_written(
    editor_client, editor, reviewer
):
    page = PageFactory(title="Fever")
    SectionFactory(page=page, heading="What to do", body="Call the clinic.", anchor="what-to-do")
    spanish = translations.start_translation(page, "es", editor)
    url = reverse("admin:condition_page_change", args=[spanish.pk])

    html = editor_client.get(url).content.decode()

    assert "The original, to translate from" in html and "Call the clinic." in html
    assert 'name="sections-0-body"' in html  # the words are the translator's
    assert 'name="sections-0-anchor"' not in html  # the address is the original's
    assert 'name="slug"' not in html and 'name="title"' in html
    assert "sections-__prefix__" not in html  # no new rows


def test_the_admin_offers_translate_and_flags_a_translation_that_needs_an_update(
    editor_client, editor, reviewer, settings
):
    settings.OMS_ALLOW_SELF_APPROVAL = True
    page = approved(PageFactory(title="Fever", status=Page.Status.DRAFT), editor, reviewer)
    change = reverse("admin:condition_page_change", args=[page.pk])
    assert "Translate into Español" in editor_client.get(change).content.decode()

    response = editor_client.post(
        reverse("admin:condition_page_workflow", args=[page.pk, "translate"]), {"language": "es"}
    )
    spanish = Page.objects.get(language="es")
    assert response.url == reverse("admin:condition_page_change", args=[spanish.pk])
    drafts.submit(spanish, editor)
    drafts.approve(spanish, reviewer)
    approved(page, editor, reviewer, lambda draft: setattr(draft, "title", "Fever and infection"))

    listing = editor_client.get(reverse("admin:condition_page_changelist") + "?language=needs-update").content.decode()
    assert "Español (needs update)" in listing
    html = editor_client.get(reverse("admin:condition_page_change", args=[spanish.pk])).content.decode()
    assert "Needs update" in html and "Fever<ins> and infection</ins>" in html


def test_an_unknown_language_in_the_translate_step_is_refused_with_a_message(editor_client):
    page = PageFactory()
    url = reverse("admin:condition_page_workflow", args=[page.pk, "translate"])
    response = editor_client.post(url, {"language": "<script>"}, follow=True)
    assert response.status_code == 200
    assert "not offered" in response.content.decode()
    assert not Page.objects.exclude(language="en").exists()


def test_a_sections_parent_choices_never_offer_a_translation(editor_client, editor):
    page = PageFactory(title="Fever")
    spanish = translations.start_translation(page, "es", editor)
    html = editor_client.get(reverse("admin:condition_section_add")).content.decode()
    assert f'value="{spanish.pk}"' not in html
    assert Section.objects.filter(page=spanish).count() == page.sections.count()


# --- what families read -----------------------------------------------------------------


def spanish_page(client, slug="treatment"):
    return client.get(f"/es/topics/{slug}/").content.decode()


def test_the_default_content_reads_in_spanish_marked_not_yet_reviewed(client, oms_content):
    html = spanish_page(client)
    treatment = Page.objects.live("es").get(slug="treatment")
    assert '<html lang="es"' in html and f"<h1>{treatment.title}</h1>" in html
    assert "todavía no revisó esta traducción" in html
    # One short notice, all in Spanish, whose link to the English page says it is English.
    assert html.count('class="translation-notice"') == 1
    notice = html.split('class="translation-notice"', 1)[1].split("</p>", 1)[0]
    assert "Read" not in notice and "English page" not in notice
    english_title = Page.objects.live().get(slug="treatment").title
    assert f'hreflang="en">Página en inglés: <span lang="en">{english_title}</span></a>' in notice
    assert "Fever" not in html.split("<main", 1)[1].split("</main>", 1)[0]  # care boxes are in Spanish too
    english = client.get("/topics/treatment/").content.decode()
    assert "esta traducción" not in english and treatment.title not in english


def test_a_page_with_no_spanish_version_is_shown_in_english_marked_and_with_a_spanish_notice(client, oms_content):
    page = PageFactory(title="Sleep and OMS", condition=Page.objects.live().first().condition)
    SectionFactory(page=page, heading="Bedtime", body="Keep a calm routine.")
    html = spanish_page(client, page.slug)
    assert "Esta página todavía no está en español. Aquí la tiene en inglés." in html
    assert '<h1 lang="en">Sleep and OMS</h1>' in html and "Keep a calm routine." in html
    bedtime = html[html.index('<section id="') :]
    assert bedtime.startswith('<section id="') and ' lang="en">' in bedtime[: bedtime.index("Bedtime")]
    # The reader's interface around it stays Spanish, unmarked: only the page's own words are English.
    assert '<article class="page">' in html and '<h2 id="key-points-heading">Puntos clave</h2>' in html


def test_an_updated_english_page_puts_a_dated_notice_with_a_link_on_its_spanish_page(
    client, oms_content, editor, reviewer
):
    page = Page.objects.live().get(slug="treatment")
    approved(page, editor, reviewer, lambda draft: setattr(draft, "summary", "A newer English summary."))
    html = spanish_page(client)
    assert "los cambios que se hicieron a la página en inglés el" in html
    # The link leads to the English page (hreflang) and names it by its English title, marked English (lang).
    assert (
        f'<a href="/topics/treatment/" hreflang="en">Página en inglés: <span lang="en">{page.title}</span></a>' in html
    )

    spanish = Page.objects.live("es").get(slug="treatment")
    approved(spanish, editor, reviewer, lambda draft: setattr(draft, "summary", "Un resumen nuevo."))
    html = spanish_page(client)
    assert "cambios que se hicieron a la página en inglés" not in html and "Un resumen nuevo." in html
    assert "todavía no revisó esta traducción" not in html  # a clinical reviewer approved it


def test_superseded_spanish_care_advice_is_never_shown_the_current_english_is(client, oms_content, editor, reviewer):
    fever = CareAdvice.objects.live().get(key="fever")
    spanish_fever = CareAdvice.objects.live("es").get(key="fever")
    assert spanish_fever.title in spanish_page(client)

    approved(fever, editor, reviewer, lambda draft: setattr(draft, "action", "NEW ENGLISH ADVICE: call now."))
    for html in (spanish_page(client), client.get("/es/help/").content.decode()):
        box = html[html.index('<section id="fever"') :]
        box = box[: box.index("</section>")]
        assert "NEW ENGLISH ADVICE: call now." in box
        assert spanish_fever.action.split("[")[0].strip()[:40] not in box
        assert "Este consejo cambió en inglés" in box
    handout = client.get("/es/topics/treatment/handout/").content.decode()
    assert "NEW ENGLISH ADVICE: call now." in handout


def test_no_spanish_draft_text_reaches_families(client, oms_content, editor):
    marker = "BORRADORNOAPROBADO"
    for model in (Page, CareAdvice, GlossaryTerm):
        for item in model.objects.live("es")[:3]:
            draft = drafts.start_draft(item, editor)
            for name in draft.translated_fields:
                setattr(draft, name, f"{marker} {getattr(draft, name)}"[:100])
            draft.save()
            for section in getattr(draft, "sections", Section.objects.none()).filter(care_advice=None):
                section.body = marker
                section.save()
    urls = ["/es/", "/es/glossary/", "/es/help/", "/es/sources/", "/es/quiz/"]
    urls += [f"/es/topics/{page.slug}/" for page in Page.objects.live("es")]
    urls += [f"/es/topics/{page.slug}/handout/" for page in Page.objects.live("es")]
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert marker not in response.content.decode(), url


def test_a_spanish_topic_page_costs_at_most_four_queries_more_than_the_english(
    client, oms_content, django_assert_max_num_queries, settings
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as english:
        client.get("/topics/treatment/")
    # The page's translation, its care advice's, the condition's and the topic list's: one query each.
    with django_assert_max_num_queries(len(english.captured_queries) + 4):
        client.get("/es/topics/treatment/")


def test_spanish_pages_cost_the_same_queries_however_many_pages_have_no_translation(client, oms_content, settings):
    """Untranslated pages are shown in English, marked: never one query each (904 at 100x content once)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = ["/es/", "/es/topics/treatment/", "/es/topics/treatment/handout/", "/es/glossary/", "/es/sources/"]
    urls += ["/es/help/", "/es/quiz/oms-basics/", "/es/search/?q=ataxia"]

    def queries():
        counts = {}
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200, url
            counts[url] = len(captured.captured_queries)
        return counts

    before = queries()
    condition = Page.objects.live().get(slug="treatment").condition
    for index in range(10):
        page = PageFactory(condition=condition, title=f"English only {index}", slug=f"english-only-{index}")
        SectionFactory(page=page, body=f"Ataxia and sleep, part {index}.")
    assert queries() == before


def test_a_third_language_is_a_setting_and_falls_back_to_english_everywhere(client, oms_content, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "Français")]
    for url in ["/fr/", "/fr/topics/treatment/", "/fr/glossary/", "/fr/help/", "/fr/quiz/"]:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="fr"' in html, url
    page = client.get("/fr/topics/treatment/").content.decode()
    assert '<h1 lang="en">Treatment' in page
    assert 'hreflang="fr"' in page


def test_the_spanish_word_list_is_in_spanish_alphabetical_order_accents_aside(client, oms_content):
    html = client.get("/es/glossary/").content.decode()
    import re

    terms = re.findall(r'<dt id="term-[^"]+">([^<]+)</dt>', html)
    assert len(terms) == GlossaryTerm.objects.live("es").count()
    plain = [t.casefold().translate(str.maketrans("áéíóúñü", "aeiounu")) for t in terms]
    assert plain == sorted(plain)


def test_questions_ticked_on_a_spanish_page_make_a_spanish_list(client, oms_content):
    spanish = Page.objects.live("es").get(slug="treatment")
    first, second = spanish.suggested_questions.all()[:2]
    html = client.get(f"/es/topics/treatment/questions/?q={first.pk}&q={second.pk}").content.decode()
    assert first.text in html and second.text in html


def test_the_feedback_pages_name_the_topic_in_the_readers_language(client, oms_content):
    spanish = Page.objects.live("es").get(slug="treatment")
    html = client.get("/es/topics/treatment/feedback/?helpful=yes").content.decode()
    assert spanish.title in html
    assert Page.objects.live().get(slug="treatment").title in client.get("/topics/treatment/feedback/").content.decode()


def test_the_preview_of_a_spanish_page_shows_it_as_families_read_it_live_and_draft(
    client, oms_content, editor, reviewer, admin_user
):
    """It was a 500 ('Page' object has no attribute 'original_version_id')."""
    from django.test import Client

    from tests.conftest import verified_login

    staff = verified_login(Client(), admin_user)
    english = Page.objects.live().get(slug="treatment")
    approved(english, editor, reviewer, lambda draft: setattr(draft, "summary", "New English summary."))
    fever = CareAdvice.objects.live().get(key="fever")
    approved(fever, editor, reviewer, lambda draft: setattr(draft, "action", "NEW ENGLISH ADVICE: call now."))
    spanish = Page.objects.live("es").get(slug="treatment")
    family = spanish_page(client)
    # The live translation was made before the English changed; its new draft is made from the English as it is now.
    for page, behind in ((spanish, True), (drafts.start_draft(spanish, editor), False)):
        response = staff.get(reverse("admin:condition_page_preview", args=[page.pk]))
        html = response.content.decode()
        assert response.status_code == 200
        assert '<html lang="es"' in html and f"<h1>{spanish.title}</h1>" in html
        assert "Puntos clave" in html and "Key points" not in html
        assert ("los cambios que se hicieron a la página en inglés el" in html) is behind
        # Out-of-date care advice is replaced by the current English, with the notice, as families see it.
        assert "NEW ENGLISH ADVICE: call now." in html and "Este consejo cambió en inglés" in html
        assert [line for line in family.splitlines() if "care-box" in line] == [
            line for line in html.splitlines() if "care-box" in line
        ]


def test_the_shipped_spanish_clinic_name_shows_on_spanish_pages_and_handouts_and_the_english_stays(client, oms_content):
    from condition import shipped
    from condition.models import ClinicProfile

    names = shipped.content("en").clinic["name"], shipped.content("es").clinic["name"]
    assert ClinicProfile.objects.live("es").get(translation_of=1).name == names[1]
    english, spanish = map(escape, names)  # as the page writes them ("Children&#x27;s")
    for url in ("/es/topics/treatment/", "/es/help/", "/es/topics/treatment/handout/"):
        html = client.get(url).content.decode()
        assert spanish in html and english not in html, url
    assert english in client.get("/topics/treatment/").content.decode()
    assert spanish not in client.get("/topics/treatment/").content.decode()


def test_the_clinic_name_is_translated_with_its_own_draft_and_review_and_its_numbers_follow_the_english(
    client, oms_content, editor, reviewer
):
    from condition.models import ClinicProfile

    profile = ClinicProfile.objects.get(pk=1)
    approved(profile, editor, reviewer, lambda draft: setattr(draft, "phone", "555 0100"))
    spanish = ClinicProfile.objects.live("es").get(translation_of=1)
    draft = drafts.start_draft(spanish, editor)
    draft.name = "Clínica Infantil Ribera"
    draft.save()
    assert "Clínica Infantil Ribera" not in client.get("/es/help/").content.decode()  # a draft reaches nobody
    drafts.submit(draft, editor)
    drafts.approve(draft, reviewer)
    html = client.get("/es/help/").content.decode()
    assert "Clínica Infantil Ribera" in html and "555 0100" in html
    assert ClinicProfile.objects.get(pk=1).name != "Clínica Infantil Ribera"  # the English row is untouched


def test_a_clinic_with_its_own_name_gets_no_shipped_spanish_name(db):
    from django.core.management import call_command

    from condition.models import ClinicProfile

    ClinicProfile(name="Riverside Neurology", status=ClinicProfile.Status.PUBLISHED).save()
    call_command("load_oms_content", stdout=open("/dev/null", "w"))
    assert not ClinicProfile.objects.filter(translation_of=1).exists()
    assert ClinicProfile.objects.get(pk=1).name == "Riverside Neurology"


def test_a_shipped_spanish_page_needs_update_after_an_english_change_until_its_new_translation_is_approved(
    oms_content, editor, reviewer, editor_client
):
    english = Page.objects.get(slug="outlook", translation_of=None)
    spanish = Page.objects.get(slug="outlook", language="es")
    assert spanish.made_from == Revision.of(english).get()  # recorded on load
    approved(english, editor, reviewer, lambda draft: setattr(draft, "summary", "Most children recover well."))
    assert list(translations.needs_update(Page)) == [spanish]

    draft = translations.start_translation(english, "es", editor)  # the translator starts the update
    assert draft.draft_of == spanish
    html = editor_client.get(reverse("admin:condition_page_change", args=[draft.pk])).content.decode()
    assert "Up to date with the original" not in html
    assert "<strong>Needs update:</strong>" in html
    assert "<ins>Most</ins> <ins>children</ins> <ins>recover</ins> <ins>well</ins>" in html
    assert list(translations.needs_update(Page)) == [spanish]  # a draft alone brings nothing up to date

    draft.summary = "La mayoría de los niños se recuperan bien."
    draft.save()
    drafts.submit(draft, editor)
    drafts.approve(draft, reviewer)
    assert not translations.needs_update(Page).exists()
    html = editor_client.get(reverse("admin:condition_page_change", args=[spanish.pk])).content.decode()
    assert "Up to date with the original" in html


def test_the_translations_review_lists_the_care_boxes_and_pictures_the_english_has_and_it_lacks(
    editor, reviewer, reviewer_client
):
    from condition.models import SectionImage
    from tests.condition.test_images import upload
    from tests.factories import CareAdviceFactory

    page = approved(PageFactory(title="Fever", status=Page.Status.DRAFT), editor, reviewer)
    spanish = translated(page, editor, reviewer, title="Fiebre")
    advice = CareAdviceFactory(title="Seizure during treatment")

    def add_box_and_picture(draft):
        SectionFactory(page=draft, care_advice=advice, heading="", body="", anchor="seizure")
        text = SectionFactory(page=draft, heading="Temperature chart", body="Write it down.", anchor="chart")
        SectionImage.objects.create(section=text, image=upload(), alt="A filled-in temperature chart")

    approved(page, editor, reviewer, add_box_and_picture)
    update = translations.start_translation(page, "es", editor)
    drafts.submit(update, editor)

    html = reviewer_client.get(reverse("admin:condition_page_review", args=[update.pk])).content.decode()
    assert "In the original, missing from this translation" in html
    assert "Care box: Seizure during treatment" in html
    assert "Picture: A filled-in temperature chart" in html
    assert "Section: Temperature chart" in html
    missing = translations.missing_from_translation(update)
    assert [kind for kind, _row, _name in missing] == ["care", "row", "picture"]
    assert translations.missing_from_translation(page) == []
    assert spanish.pk == update.draft_of_id


def test_a_section_the_english_added_since_is_shown_on_the_spanish_page_in_english_marked_and_said(
    client, editor, reviewer
):
    import re

    from django.utils import translation

    page = approved(PageFactory(title="Fever", status=Page.Status.DRAFT), editor, reviewer)
    SectionFactory(page=page, heading="When to call", anchor="when-to-call", body="Call the clinic.", order=1)
    translated(page, editor, reviewer, title="Fiebre")
    Page.objects.filter(language="es").update(made_from=None)  # only the words matter here
    spanish_section = Section.objects.get(page__language="es")
    spanish_section.heading, spanish_section.body = "Cuándo llamar", "Llame a la clínica."
    spanish_section.save()

    def add_section(draft):
        SectionFactory(page=draft, heading="Keeping a diary", anchor="diary", body="Write down each jerk.", order=2)

    approved(page, editor, reviewer, add_section)
    with translation.override("es"):
        url = page.get_absolute_url()
        handout = reverse("condition:page_handout", args=[page.slug])
    html = client.get(url).content.decode()

    assert "Cuándo llamar" in html and "When to call" not in html  # the translation's own section
    assert re.search(r'<section id="diary" class="section" aria-labelledby="diary-heading" lang="en">', html)
    assert '<a href="#diary" lang="en">Keeping a diary</a>' in html
    assert 'lang="es">Esta parte todavía no está en español. Aquí la tiene en inglés.</p>' in html
    assert html.index("Cuándo llamar") < html.index("Write down each jerk.")

    printed = client.get(handout).content.decode()
    assert re.search(r'<section class="section" lang="en">\s*<h2>Keeping a diary</h2>', printed)
    assert "Esta parte todavía no está en español" in printed
    from django.test import Client

    with translation.override("en"):
        english = Client().get(page.get_absolute_url()).content.decode()
    assert "Esta parte" not in english and "This part is not in" not in english

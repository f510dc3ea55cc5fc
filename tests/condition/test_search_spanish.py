"""Search in Spanish: each language searches its own live text, at its own addresses."""

import pytest
from django.urls import reverse
from django.utils import translation

from condition.drafts import approve, start_draft, submit, take_down
from condition.models import Page
from condition.search import search
from condition.search.index import rebuild
from condition.search.models import SearchDocument
from tests.factories import CareAdviceFactory, CareSectionFactory, GlossaryTermFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def spanish_search_url():
    with translation.override("es"):
        return reverse("condition:search")


def spanish_page(original, **fields):
    """A live Spanish translation of `original` (same slug, as condition.translations makes them)."""
    fields = {"title": "Tema", "summary": "Lo que cubre este tema.", "key_points": "Un punto.", **fields}
    return PageFactory(
        language="es", translation_of=original, slug=original.slug, order=original.order,
        condition=original.condition, **fields,
    )  # fmt: skip


def test_a_spanish_search_finds_the_spanish_fever_advice_and_pages_at_their_spanish_addresses(client, oms_content):
    response = client.get(spanish_search_url(), {"q": "fiebre"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fiebre durante el tratamiento" in html
    hits = search("fiebre", "es").hits
    assert hits and all(hit.url.startswith("/es/") for hit in hits)
    headings = {hit.heading for hit in hits}
    assert "Fiebre durante el tratamiento" in headings
    assert {hit.page_title for hit in hits} >= {"Medicamentos y efectos secundarios"}
    assert any(hit.url.startswith("/es/topics/") and hit.url.endswith("#fever") for hit in hits)
    assert any("<mark>" in hit.snippet and "fiebre" in hit.snippet.lower() for hit in hits)
    assert 'href="/es/topics/' in html


def test_an_english_search_is_unchanged_and_finds_no_spanish_row(oms_content):
    hits = search("fever").hits
    assert hits and all(hit.url.startswith(("/topics/", "/glossary/")) for hit in hits)
    assert "Fever during treatment" in {hit.heading for hit in hits}
    assert search("fiebre").hits == []  # Spanish words are not in the English rows
    languages = set(SearchDocument.objects.values_list("language", flat=True))
    assert languages == {"en", "es"}


def test_a_spanish_search_without_accents_finds_the_accented_words(oms_content):
    results = search("diagnostico", "es")
    assert results.corrections == {}  # not a misspelling: accents are optional
    assert "Pruebas y diagnóstico" in {hit.page_title for hit in results.hits}
    assert search("diagnóstico", "es").hits == results.hits  # and with them
    doctor = search("medico", "es").hits
    assert doctor and any("<mark>médico</mark>" in hit.snippet.lower() for hit in doctor)


def test_the_spanish_glossary_is_found_at_the_spanish_word_list(oms_content):
    terms = [hit for hit in search("opsoclono", "es").hits if hit.kind == "term"]
    assert terms and all(hit.url.startswith("/es/glossary/#term-") for hit in terms)


def test_a_spanish_misspelling_is_matched_to_spanish_words_only(oms_content):
    results = search("fiebra", "es")
    assert "fiebre" in results.corrections["fiebra"]
    assert results.hits
    assert "treatment" not in search("treatmant", "es").corrections.get("treatmant", [])
    assert "treatment" in search("treatmant").corrections["treatmant"]


def test_a_draft_translation_is_never_found_and_comes_and_goes_with_its_original(db, reviewer):
    original = PageFactory(title="Sleep", slug="sleep")
    SectionFactory(page=original, heading="Naps", anchor="naps", body="Naps help.")
    draft = spanish_page(original, title="Sueño", status=Page.Status.DRAFT)
    SectionFactory(page=draft, heading="Siestas", anchor="naps", body="Las siestas ayudan muchísimo.")
    assert search("siestas", "es").hits == []
    draft.status = Page.Status.PUBLISHED
    draft.save()
    hits = search("siestas", "es").hits
    assert {(hit.kind, hit.url) for hit in hits} == {("section", "/es/topics/sleep/#naps")}
    assert search("siestas").hits == []
    take_down(original, reviewer, "Wrong advice about naps.")  # its translations come down with it
    assert search("siestas", "es").hits == [] and search("naps").hits == []
    assert not SearchDocument.objects.exists()


def test_a_translation_of_a_taken_down_original_is_not_indexed(db):
    original = PageFactory(title="Sleep", status=Page.Status.DRAFT)
    spanish_page(original, title="Sueño y siestas")
    rebuild()
    assert search("siestas", "es").hits == []


def test_a_spanish_care_box_holds_the_english_advice_once_the_english_changes(db, editor, reviewer):
    fever = CareAdviceFactory(key="fever", title="Fever", look_for="- A high temperature.", action="Call the clinic.")
    CareAdviceFactory(
        key="fever", title="Fiebre", look_for="- Una temperatura alta.", action="Llame a la clínica.",
        language="es", translation_of=fever,
    )  # fmt: skip
    original = PageFactory(title="Medicines", slug="medicines")
    CareSectionFactory(page=original, care_advice=fever)
    translated = spanish_page(original, title="Medicamentos")
    CareSectionFactory(page=translated, care_advice=fever)  # sections place the original advice
    assert [(hit.url, hit.heading) for hit in search("fiebre", "es").hits] == [
        ("/es/topics/medicines/#fever", "Fiebre")
    ]

    draft = start_draft(fever, editor)
    draft.look_for = "- A temperature of 38°C or more."
    draft.save()
    submit(draft, editor)
    approve(draft, reviewer)
    # The Spanish translation is out of date: its care box shows (and is indexed with) the current English.
    assert search("fiebre", "es").hits == []
    hits = search("temperature", "es").hits
    assert [(hit.url, hit.heading) for hit in hits] == [("/es/topics/medicines/#fever", "Fever")]
    assert search("temperature").hits[0].url == "/topics/medicines/#fever"


@pytest.mark.parametrize("pages", [1, 15])
def test_a_spanish_search_costs_what_an_english_one_does(client, django_assert_num_queries, pages):
    for index in range(pages):
        original = PageFactory(title=f"Topic {index}")
        translated = spanish_page(original, title=f"Tema {index}")
        SectionFactory(page=translated, body=f"El sueño y el ánimo cambian, número {index}.")
    # the content version (results are kept for it), the spelling look-up, the search, the clinic footer
    with django_assert_num_queries(4):
        response = client.get(spanish_search_url(), {"q": "suenyo animo"})
    assert response.status_code == 200
    assert response.content.decode().count('class="search-where"') == min(pages, 20)


def test_a_spanish_search_that_needs_no_spelling_or_looser_match_costs_three_queries(
    client, django_assert_num_queries, db
):
    SectionFactory(page=spanish_page(PageFactory()), body="Las siestas dan paz.")
    with django_assert_num_queries(3):  # the content version, the search, the clinic footer
        assert client.get(spanish_search_url(), {"q": "paz"}).status_code == 200


def test_a_spanish_search_that_finds_only_english_pages_says_so_in_spanish_with_an_english_link(client, oms_content):
    html = client.get(spanish_search_url(), {"q": "fever"}).content.decode()
    assert (
        '<p class="search-elsewhere">Encontrado en las páginas en inglés: '
        '<a href="/search/?q=fever" hreflang="en" lang="en">See what was found for “fever”</a></p>'
    ) in html
    assert "search-elsewhere" not in client.get(spanish_search_url(), {"q": "fiebre"}).content.decode()


def test_a_changed_spanish_glossary_term_is_searchable_at_once(db):
    original = GlossaryTermFactory(term="ataxia", slug="ataxia", definition="Shaky walking.")
    spanish = GlossaryTermFactory(
        term="ataxia", slug="ataxia", definition="Caminar inestable.", language="es", translation_of=original
    )
    assert search("inestable", "es").hits[0].url == "/es/glossary/#term-ataxia"
    spanish.definition = "Caminar tambaleante."
    spanish.save()
    assert search("inestable", "es").hits == [] and search("tambaleante", "es").hits
    original.delete()
    assert search("tambaleante", "es").hits == []


@pytest.mark.parametrize(
    ("typed", "page"),
    [
        ("vacunacion", "Vacunas e infecciones"),
        ("vacunación", "Vacunas e infecciones"),
        ("vacunas", "Vacunas e infecciones"),
        ("VACUNA", "Vacunas e infecciones"),
        ("medicacion", "Medicamentos y efectos secundarios"),
        ("medicamento", "Medicamentos y efectos secundarios"),
    ],
)
def test_a_spanish_search_finds_other_forms_of_a_word_with_or_without_accents(oms_content, typed, page):
    hits = search(typed, "es").hits
    assert page in {hit.page_title for hit in hits}
    assert all(hit.url.startswith("/es/") for hit in hits)
    assert any("<mark>" in hit.snippet for hit in hits)


def test_a_spanish_snippet_marks_every_form_of_the_word_in_the_stored_text(db):
    original = PageFactory(title="Vaccines", slug="vaccines")
    translated = spanish_page(original, title="Vacunas")
    SectionFactory(
        page=translated, heading="Calendario", anchor="when", body="Cada vacuna cuenta. La vacunación protege."
    )
    [hit] = [hit for hit in search("vacunacion", "es").hits if hit.kind == "section"]
    assert "Cada <mark>vacuna</mark> cuenta. La <mark>vacunación</mark> protege" in hit.snippet
    assert search("protegen", "es").hits  # a verb's other forms too


def test_english_search_keeps_its_own_stemming_and_has_no_spanish_stems(oms_content):
    assert {"What is OMS?", "Signs and symptoms"} <= {hit.page_title for hit in search("dancing eyes").hits}
    assert not SearchDocument.objects.filter(language="en").exclude(stem_body=None).exists()
    assert not SearchDocument.objects.filter(language="es", stem_body=None).exists()


def test_migrating_back_and_forward_again_stems_the_text_the_index_already_holds(transactional_db):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    original = PageFactory(title="Vaccines", slug="vaccines")
    SectionFactory(page=spanish_page(original, title="Vacunas"), heading="Vacunas", body="Las vacunas protegen.")
    SearchDocument.objects.update(stem_title=None, stem_aliases=None, stem_body=None)  # as before the migration
    executor = MigrationExecutor(connection)
    executor.migrate([("condition", "0016_clinic_profile_translations")])  # backward works
    columns = [
        c.name for c in connection.introspection.get_table_description(connection.cursor(), "condition_searchdocument")
    ]
    assert "stem_body" not in columns
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'condition_search_stems%'")
            assert cursor.fetchone() == (0,)
    executor = MigrationExecutor(connection)  # no post_migrate here: nothing is rebuilt from the content
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert not SearchDocument.objects.filter(language="es", stem_body=None).exists()
    assert {hit.page_title for hit in search("vacunacion", "es").hits} == {"Vacunas"}
    assert search("vaccines").hits  # English as before


@pytest.mark.parametrize("path", ["/search/", "/es/search/"])
@pytest.mark.parametrize("query", ["vacunaͺs", "a⑴b", "medicación⑵", "½", "ͺ", "ŀl", "ﬁebre", "x²"])
def test_letters_that_unicode_takes_apart_never_break_a_search(client, db, path, query):
    SectionFactory(page=spanish_page(PageFactory()), body="Las vacunas y la fiebre.")
    response = client.get(path, {"q": query})
    assert response.status_code == 200


def test_a_stem_is_only_ever_letters_and_digits():
    from condition.search import stems

    for word in ["vacunaͺs", "a⑴b", "medicación⑵", "½", "ͺ", "ŀl", "ﬁebre"]:
        assert all(part.isalnum() for part in stems.stem(word, "es")), word
    assert stems.stem("ͺ", "es") == ""
    assert stems.stem("Medicación", "es") == stems.stem("medicacion", "es")

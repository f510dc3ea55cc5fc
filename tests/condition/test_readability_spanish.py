"""Spanish readability: the Fernández-Huerta index for translators, never switching textstat's language."""

import re
import threading

import pytest
import textstat
from django.urls import reverse

from condition import drafts
from condition.readability import (
    SPANISH_AIM,
    SPANISH_LIMIT,
    assess,
    fernandez_huerta,
    page_reading,
    spanish_level,
    spanish_syllables,
)
from tests.factories import GlossaryTermFactory, PageFactory, SectionFactory, translate

# Short sentences and everyday words, as a family handout should read.
EASY = (
    "Su hijo puede tener los ojos inquietos. El médico los va a mirar. "
    "Casi todos los niños mejoran. Pida ayuda si tiene dudas."
)
# One long sentence of long technical words, as a journal abstract reads.
HARD = (
    "La administración intravenosa de inmunoglobulinas y corticosteroides constituye, según la evidencia "
    "disponible procedente de estudios observacionales retrospectivos, la estrategia terapéutica "
    "inmunomoduladora más frecuentemente utilizada en la práctica clínica pediátrica."
)


@pytest.mark.parametrize(
    "word,count",
    [
        ("amigo", 3),  # a-mi-go: hyphenation patterns say "ami-go", two
        ("ojos", 2),
        ("niño", 2),
        ("enfermedad", 4),
        ("tratamiento", 4),  # tra-ta-mien-to: "ie" is one syllable
        ("río", 2),  # rí-o: an accented i stands alone
        ("leer", 2),  # le-er: two strong vowels
        ("aéreo", 4),
        ("que", 1),
        ("pingüino", 3),
        ("hoy", 1),
        ("y", 1),
        ("inmunoglobulina", 7),
    ],
)
def test_spanish_syllables_follow_spanish_spelling(word, count):
    assert spanish_syllables(word) == count


def test_the_index_is_fernandez_huertas_formula_on_words_syllables_and_sentences():
    # "Mi hijo ve mal." 4 words, 5 syllables, 1 sentence; "El médico lo mira." 4 words, 7 syllables.
    ease = fernandez_huerta("Mi hijo ve mal. El médico lo mira.")
    assert ease.score == round(206.84 - 60 * 12 / 8 - 1.02 * 8 / 2, 1)


def test_easy_spanish_meets_the_aim_and_hard_spanish_is_flagged_as_harder_than_grade_eight():
    easy, hard = fernandez_huerta(EASY), fernandez_huerta(HARD)
    assert easy.score >= SPANISH_AIM and easy.on_target and not easy.too_hard
    assert easy.level in {"muy fácil", "fácil", "algo fácil"}
    assert hard.score < SPANISH_LIMIT and hard.too_hard and not hard.on_target
    assert (hard.level, hard.grade) == ("muy difícil", "universitario")


@pytest.mark.parametrize(
    "score,level,grade",
    [
        (95, "muy fácil", "4º grado"),
        (80, "fácil", "5º grado"),
        (70, "algo fácil", "6º grado"),
        (69.9, "normal (para adulto)", "7º u 8º grado"),
        (60, "normal (para adulto)", "7º u 8º grado"),
        (59.9, "algo difícil", "preuniversitario"),
        (-20, "muy difícil", "universitario"),
    ],
)
def test_levels_use_the_scales_own_words_and_bands(score, level, grade):
    assert spanish_level(score) == (level, grade)


def test_a_spanish_section_gets_the_index_and_its_words_to_check_not_an_english_grade():
    result = assess(HARD + " " + EASY, language="es")
    assert result.grade is None and result.smog is None and result.language == "es"
    assert result.ease.score == fernandez_huerta(re.sub(r"\s+", " ", HARD + " " + EASY)).score
    assert len(result.long_sentences) == 1 and result.long_sentences[0].startswith("La administración")
    assert "inmunoglobulinas" in result.unexplained_words and "médico" not in result.unexplained_words
    explained = assess("La ataxia (caminar inestable) es común. El opsoclono significa ojos que bailan.", language="es")
    assert explained.unexplained_words == []
    known = assess("El rituximab ayuda.", language="es", known_words={"rituximab"})
    assert known.unexplained_words == []
    assert assess(EASY).grade is not None  # English by default, as before


def test_spanish_scoring_never_switches_textstat_language_so_english_threads_cannot_race(monkeypatch):
    calls = []
    monkeypatch.setattr(textstat, "set_lang", lambda lang: calls.append(lang))
    english = "Your child may have shaky eyes. The doctor will check them. Most children get better."
    expected = assess(english).grade
    results = []

    def score(n):
        results.append(assess(EASY, language="es").ease.score if n % 2 else assess(english).grade)

    threads = [threading.Thread(target=score, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == []
    assert set(results) == {expected, fernandez_huerta(EASY).score}


@pytest.fixture
def spanish_page(db, reviewer, settings):
    settings.OMS_ALLOW_SELF_APPROVAL = True
    page = PageFactory(title="Signs")
    SectionFactory(page=page, heading="Signs", anchor="signs", body="Your child may have shaky eyes.")
    SectionFactory(page=page, heading="Medicine", anchor="medicine", body="Medicine helps.")

    def in_spanish(draft):
        draft.title = "Señales"
        draft.save()
        first, second = draft.sections.all()
        first.heading, first.body = "Señales", EASY
        second.heading, second.body = "Medicinas", HARD
        first.save()
        second.save()

    return translate(page, reviewer, change=in_spanish)


def test_the_spanish_page_form_shows_each_sections_index_and_level_in_spanish(editor_client, spanish_page):
    GlossaryTermFactory(term="corticosteroides")
    html = editor_client.get(reverse("admin:condition_page_change", args=[spanish_page.pk])).content.decode()
    panel = html[html.index('id="readability"') :]
    assert "Fernández-Huerta" in panel and "Flesch-Kincaid" not in panel and "SMOG" not in panel
    easy, hard = re.findall(r"<tr>\s*<th scope=\"row\"(.*?)</tr>", panel, re.S)
    assert f"<td>{fernandez_huerta(EASY).score}</td>" in easy and fernandez_huerta(EASY).level in easy
    assert "harder than grade 8" in hard and "muy difícil (universitario)" in hard
    words_to_check = re.findall(r'<td lang="es">([^<]*)</td>\s*</tr>', hard + "</tr>")[-1]
    assert "inmunoglobulinas" in words_to_check and "corticosteroides" not in words_to_check  # in the word list


def test_the_page_list_shows_a_spanish_pages_index_and_an_english_pages_grade(editor_client, spanish_page):
    html = editor_client.get(reverse("admin:condition_page_changelist")).content.decode()
    spanish = page_reading(spanish_page.sections.all(), "es")
    assert f'<td class="field-reading_grade">{spanish}</td>' in html
    assert str(spanish) == f"{spanish.score} ({spanish.level}, {spanish.grade})"
    english = page_reading(spanish_page.translation_of.sections.all())
    assert isinstance(english, float) and f'<td class="field-reading_grade">{english}</td>' in html


def test_the_review_of_a_spanish_draft_scores_its_sections_in_spanish(reviewer_client, spanish_page, editor):
    draft = drafts.start_draft(spanish_page, editor)
    draft.sections.filter(anchor="signs").update(body=HARD)
    html = reviewer_client.get(reverse("admin:condition_page_review", args=[draft.pk])).content.decode()
    assert "Fernández-Huerta" in html and "muy difícil (universitario)" in html
    assert "Grade " not in html.split("How easy to read (draft)", 1)[1].split("</td>", 1)[0]

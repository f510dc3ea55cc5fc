import threading

import textstat

from condition.readability import assess, glossary_words, is_plain, page_grade, plain_text
from tests.factories import GlossaryTermFactory, SectionFactory

THREE_SENTENCES = "Your child may have shaky eyes. The doctor will check them. Most children get better."


def test_plain_text_drops_markup_and_citations_and_ends_list_items_as_sentences():
    text = plain_text("### Signs\n\nLook for **dancing eyes** [cite:nord].\n\n- shaky walking\n- poor sleep")
    assert text == "Signs. Look for dancing eyes. shaky walking. poor sleep."


def test_a_section_of_three_sentences_gets_both_scores():
    result = assess(THREE_SENTENCES)
    assert result.sentence_count == 3
    assert result.grade is not None and result.grade < 6
    assert result.smog is not None and not result.too_short


def test_fewer_than_three_sentences_is_too_short_to_score_by_smog():
    result = assess("Your child may have shaky eyes. The doctor will check them.")
    assert result.too_short and result.smog is None
    assert result.grade is not None  # Flesch-Kincaid still works


def test_sentences_over_twenty_words_are_listed():
    long = " ".join(["word"] * 21) + "."
    result = assess(f"{THREE_SENTENCES} {long}")
    assert result.long_sentences == [long]
    assert assess(" ".join(["word"] * 20) + ".").long_sentences == []


def test_hard_words_are_listed_unless_in_the_glossary_or_explained():
    text = "Rituximab helps. Opsoclonus (eyes that dance) is common in OMS. Ataxia means shaky walking."
    assert assess(text).unexplained_words == ["Rituximab", "common"]
    result = assess(text, known_words={"rituximab"})
    assert "Rituximab" not in result.unexplained_words
    assert "Opsoclonus" not in result.unexplained_words and "Ataxia" not in result.unexplained_words


def test_plain_words_and_their_endings_pass():
    assert is_plain("walking") and is_plain("movements") and is_plain("children")
    assert not is_plain("cerebellum")


def test_glossary_words_cover_every_form(db):
    term = GlossaryTermFactory(term="Immune system", other_forms="immune, IVIG")
    assert glossary_words([term]) == {"immune", "system", "ivig"}


def test_page_grade_reads_all_sections(db):
    sections = [SectionFactory(body=THREE_SENTENCES), SectionFactory(body="It is a rare illness.")]
    assert page_grade(sections) == textstat.flesch_kincaid_grade(" ".join(plain_text(s.body) for s in sections))
    assert page_grade([]) is None


def test_scoring_never_switches_textstat_language_so_threads_cannot_race(monkeypatch):
    calls = []
    monkeypatch.setattr(textstat, "set_lang", lambda lang: calls.append(lang))
    results = []
    threads = [threading.Thread(target=lambda: results.append(assess(THREE_SENTENCES).grade)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [] and len(set(results)) == 1

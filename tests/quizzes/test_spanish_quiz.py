"""The default quiz in Spanish (quizzes/shipped/es.toml), checked as data against the English quiz.

Each Spanish question translates the English one at the same position: the
same section, the same choices in the same order (right answer first, as the
loader stores it), the same numbers, and the same rules against guessing.
"""

import re
from types import SimpleNamespace

from quizzes.loading import SHIPPED
from tests.condition.content_text import shipped_content

PAGES = shipped_content("es").PAGES
content, content_es = (
    SimpleNamespace(QUIZ=quiz, QUESTIONS=quiz["questions"])
    for quiz in (shipped_content("en").QUIZ, shipped_content("es").QUIZ)
)

CITE_RE = re.compile(r"\[cite:\s*([A-Za-z0-9_-]+)\s*\]")
DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)?")


def numbers(text):
    return sorted(DIGITS_RE.findall(CITE_RE.sub(" ", text)))


def test_spanish_quiz_keeps_the_english_slug_pass_mark_and_fields():
    assert set(content_es.QUIZ) == set(content.QUIZ)
    assert content_es.QUIZ["slug"] == content.QUIZ["slug"]
    assert content_es.QUIZ["pass_mark"] == content.QUIZ["pass_mark"]
    for name in ("title", "intro"):
        assert content_es.QUIZ[name].strip() and content_es.QUIZ[name] != content.QUIZ[name]


def test_each_spanish_question_checks_the_same_section_with_the_same_number_of_choices():
    assert len(content_es.QUESTIONS) == len(content.QUESTIONS)
    for spanish, english in zip(content_es.QUESTIONS, content.QUESTIONS, strict=True):
        assert len(spanish) == len(english) == 6
        assert spanish[:2] == english[:2], "page slug and anchor are links: kept"
        assert len(spanish[5]) == len(english[5]), spanish[2]
        assert all(isinstance(text, str) and text.strip() for text in [*spanish[2:5], *spanish[5]])


def test_spanish_right_answer_sits_where_the_english_one_does_and_is_not_a_wrong_answer():
    for spanish, english in zip(content_es.QUESTIONS, content.QUESTIONS, strict=True):
        _, _, prompt, explanation, right, wrongs = spanish
        assert right not in wrongs and len(set(wrongs)) == len(wrongs), prompt
        # The loader stores choices as [right, *wrongs]: the right answer is the first choice in both.
        choices, en_choices = [right, *wrongs], [english[4], *english[5]]
        assert choices.index(right) == en_choices.index(english[4]) == 0
        assert prompt.rstrip().endswith("?") and "¿" in prompt, prompt


def test_spanish_questions_hold_exactly_the_english_numbers_in_each_part():
    for spanish, english in zip(content_es.QUESTIONS, content.QUESTIONS, strict=True):
        for part, (es_text, en_text) in enumerate(zip(spanish[2:5], english[2:5], strict=True), start=2):
            assert numbers(es_text) == numbers(en_text), (spanish[2], part)
        for es_text, en_text in zip(spanish[5], english[5], strict=True):
            assert numbers(es_text) == numbers(en_text), es_text
    assert numbers(content_es.QUIZ["intro"]) == numbers(content.QUIZ["intro"])


def test_every_spanish_quiz_question_points_at_a_section_or_care_box_on_its_spanish_page():
    anchors = {page["slug"]: {section[1] for section in page["sections"]} for page in PAGES}
    for page_slug, anchor, *_ in content_es.QUESTIONS:
        assert anchor in anchors[page_slug], (page_slug, anchor)


def test_spanish_right_answer_is_not_guessable_from_its_length():
    longest = shortest = 0
    for *_, right, wrongs in content_es.QUESTIONS:
        lengths = [len(choice) for choice in wrongs]
        longest += len(right) >= max(lengths)
        shortest += len(right) <= min(lengths)
    assert longest <= len(content_es.QUESTIONS) / 3, f"right answer is the longest in {longest} questions"
    assert shortest <= len(content_es.QUESTIONS) / 3, f"right answer is the shortest in {shortest} questions"


def _si_or_no(choice):
    first = re.match(r"\w+", choice)
    word = first.group(0).lower() if first else ""
    return {"sí": "yes", "no": "no"}.get(word)


def test_spanish_right_answer_is_never_the_odd_si_or_no():
    for _, _, prompt, _, right, wrongs in content_es.QUESTIONS:
        answer = _si_or_no(right)
        others = {_si_or_no(choice) for choice in wrongs}
        if answer:
            assert others != {"no" if answer == "yes" else "yes"}, f"only {answer!r} answer: {prompt!r}"


def test_spanish_yes_and_no_answers_match_the_english_ones():
    for spanish, english in zip(content_es.QUESTIONS, content.QUESTIONS, strict=True):
        es_words = [_si_or_no(choice) for choice in [spanish[4], *spanish[5]]]
        en_words = [
            (re.match(r"[A-Za-z]+", c).group(0).lower() if re.match(r"(Yes|No)\b", c) else None)
            for c in [english[4], *english[5]]
        ]
        assert es_words == en_words, spanish[2]


def test_spanish_quiz_is_translated_and_says_it_is_not_yet_reviewed():
    for spanish, english in zip(content_es.QUESTIONS, content.QUESTIONS, strict=True):
        assert spanish[2] != english[2] and spanish[3] != english[3] and spanish[4] != english[4]
    header = " ".join(line.lstrip("# ") for line in (SHIPPED / "es.toml").read_text().splitlines() if line[:1] == "#")
    assert "content-facts.md" in header
    assert "Not yet reviewed by a clinician at the clinic" in header

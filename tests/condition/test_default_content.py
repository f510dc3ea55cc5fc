"""The default OMS content, checked as data: no database needed.

Citations, sources, care boxes, numbers, reading level, spelling and the quiz
rules for care advice that is safe to act on, so a clinic gets content that is safe to act on.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import textstat

from condition import shipped
from tests.condition.content_text import (
    CITE_RE,
    care_keys,
    normal_sections,
    numbers_shown_without_citations,
    page_text,
    shipped_content,
    uncited_numbers,
)

EN = shipped_content("en")
CONDITION, PAGES, CARE_ADVICE, GLOSSARY = EN.CONDITION, EN.PAGES, EN.CARE_ADVICE, EN.GLOSSARY
QUESTIONS = EN.QUIZ["questions"]
SOURCES = shipped.sources()
CONTENT = Path(shipped.__file__).parent
FACTS = Path(__file__).resolve().parents[3] / "shared" / "brief" / "content-facts.md"
URGENCIES = {"emergency", "urgent", "soon"}
CARE = {record["key"]: record for record in CARE_ADVICE}
NUMBER_RE = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|half|halves|third|thirds|quarter|quarters|dozen)\b",
    re.IGNORECASE,
)
# The clinic is in the US (°F, 911): British words and spellings that its pages must not use. Source
# citations keep their own spelling (a paper's title is quoted as published), and addresses (slugs,
# anchors such as "tumour-outlook") stay as they were, so links keep working.
BRITISH_RE = re.compile(
    r"\b(tumour|tumours|behaviour|behaviours|behavioural|colour|colours|centre|centres|paediatric|"
    r"paediatrics|paediatrician|anaemia|diarrhoea|leukaemia|haematuria|hospitalise|hospitalised|"
    r"randomised|organisation|organisations|immunisation|immunisations|counselling|defence|defences|"
    r"recognise|recognised|licence|programme|favourite|fit|fits|drip|drips|tummy|nursery|nurseries|"
    r"cross|cot|nappy|nappies|jab|jabs|paracetamol|A&E|GP|mum|mummy|fortnight|stair gates|lie your)\b"
    r"|\bis sick\b|\bfeeling sick\b|\bbeing sick\b",
    re.IGNORECASE,
)
# A temperature is written in °F first, with °C in brackets: "100.4°F (38°C)".
CELSIUS_FIRST_RE = re.compile(r"\d°C\s*\(")


def bodies(page):
    """Every Markdown text with citations on a page: its sections and the care boxes placed on it."""
    texts = [body for _, _, body in normal_sections(page)]
    for key in care_keys(page):
        texts += [CARE[key]["look_for"], CARE[key]["action"]]
    return texts


def all_cited_texts():
    texts = [body for page in PAGES for _, _, body in normal_sections(page)]
    texts += [record[field] for record in CARE_ADVICE for field in ("look_for", "action")]
    return texts


def fact_check_keys():
    return [line.strip() for line in (CONTENT / "fact_check_keys.txt").read_text().splitlines() if line.strip()]


def test_every_citation_used_is_a_seeded_source_and_every_source_is_cited():
    keys = {source["key"] for source in SOURCES}
    used = {key for text in all_cited_texts() for key in CITE_RE.findall(text)}
    assert used - keys == set(), "cited but not in SOURCES"
    assert keys - used == set(), "in SOURCES but never cited"
    assert not {"article", "discover"} & (keys | used)


def test_sources_are_the_fact_check_keys_without_the_article_and_discover_and_added_ones_quote_themselves():
    expected = {key.lower() for key in fact_check_keys()} - {"article", "discover"}
    keys = [source["key"] for source in SOURCES]
    assert expected <= set(keys) and len(keys) == len(set(keys))
    for source in SOURCES:
        if source["key"] not in expected:
            # A source beyond the fact sheet quotes its own words, so a reviewer can check each fact.
            assert source["note"].count('"') >= 2, source["key"]
            assert source["accessed"] is None, f"{source['key']}: no link could be opened to date it"


def test_the_kept_copy_of_the_fact_check_keys_matches_the_fact_check():
    if not FACTS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{FACTS} is missing in CI")
        pytest.skip("the shared brief is not beside this checkout")
    listed = re.findall(r"^- ([A-Z0-9-]+):", FACTS.read_text(), flags=re.M)
    assert fact_check_keys() == listed


def test_every_source_has_a_stable_specific_https_link_and_an_access_field():
    for source in SOURCES:
        url = urlsplit(source["url"])
        assert url.scheme == "https", source["key"]
        assert url.path.strip("/") or url.query, f"{source['key']} links only to a home page"
        if url.netloc in {"doi.org", "pubmed.ncbi.nlm.nih.gov", "pmc.ncbi.nlm.nih.gov"}:
            assert re.match(r"^/(10\.\d{4,}/\S+|\d+/?|articles/PMC\d+/?|)$", url.path), source["url"]
        assert source["accessed"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["accessed"])
        assert source["citation"]


def test_papers_link_to_a_doi_or_pubmed():
    papers = [source for source in SOURCES if re.search(r"\d{4};\d+", source["citation"])]
    assert len(papers) >= 10
    for source in papers:
        assert urlsplit(source["url"]).netloc in {"doi.org", "pubmed.ncbi.nlm.nih.gov", "pmc.ncbi.nlm.nih.gov"}, source[
            "key"
        ]


def test_every_sentence_with_a_number_cites_a_source_in_that_sentence():
    assert not uncited_numbers(all_cited_texts(), NUMBER_RE)


def test_key_points_and_headings_hold_no_numbers_because_they_show_no_citations():
    assert not numbers_shown_without_citations(PAGES, NUMBER_RE)
    for page in PAGES:
        for text in [page["title"], page["summary"], page["key_points"]] + [s[0] for s in normal_sections(page)]:
            assert not CITE_RE.search(text), (page["slug"], text)
    assert not [record["key"] for record in CARE_ADVICE if NUMBER_RE.search(record["title"])]


def test_every_page_reads_at_us_grade_8_or_below():
    for page in PAGES:
        text = page_text(page, CARE)
        grade = textstat.flesch_kincaid_grade(text)
        smog = textstat.smog_index(text)
        assert grade <= 8, f"{page['slug']} reads at FK grade {grade}"
        assert smog <= 8, f"{page['slug']} has SMOG {smog}"


def test_every_care_record_has_an_urgency_what_to_look_for_and_what_to_do():
    assert len(CARE) == len(CARE_ADVICE)
    for record in CARE_ADVICE:
        assert record["urgency"] in URGENCIES, record["key"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", record["key"])
        assert record["title"].strip()
        assert record["look_for"].startswith("- ")
        assert record["action"].strip()
        assert CITE_RE.search(record["look_for"]) and CITE_RE.search(record["action"]), record["key"]


def test_care_records_never_type_a_phone_number():
    phone_like = re.compile(r"\d[\d\s().-]{5,}\d|\b(999|911|112|111)\b")
    for record in CARE_ADVICE:
        for field in ("title", "look_for", "action"):
            assert not phone_like.search(CITE_RE.sub("", record[field])), (record["key"], field)


def test_the_situations_families_need_have_the_urgency_the_fact_check_gives():
    assert CARE["fever"]["urgency"] == "urgent"
    assert "100.4°F (38°C)" in CARE["fever"]["look_for"]
    assert "emergency department" in CARE["fever"]["action"]
    assert CARE["fit-or-jerks"]["urgency"] == "emergency"
    assert "aware" in CARE["fit-or-jerks"]["look_for"]
    assert CARE["breathing-or-waking"]["urgency"] == "emergency"
    assert "lips" in CARE["breathing-or-waking"]["look_for"]
    for key in ("infection-contact", "signs-return"):
        assert CARE[key]["urgency"] == "soon", key
    assert CARE["head-knock"]["urgency"] == "emergency"
    assert "rituximab-drip" in CARE
    # Azathioprine and cyclophosphamide: bruising, bleeding, mouth ulcers, sore throat, blood in the urine.
    assert CARE["blood-count"]["urgency"] == "urgent"
    for sign in ("bruises", "bleeding", "mouth ulcers", "sore throat", "blood in the urine"):
        assert sign in CARE["blood-count"]["look_for"], sign
    assert "now, day or night" in CARE["blood-count"]["action"]
    assert "blood test" in CARE["blood-count"]["action"]
    # ACTH at home: the injections and the blood pressure checks, never stopped on your own.
    assert CARE["acth-at-home"]["urgency"] == "soon"
    assert "injection" in CARE["acth-at-home"]["look_for"] and "blood pressure" in CARE["acth-at-home"]["look_for"]
    assert "Never stop ACTH" in CARE["acth-at-home"]["action"]
    # Steroids can hide a fever: a child on steroids who seems unwell needs a call, even without one.
    for key in ("fever", "steroid-vomiting"):
        assert "hide a fever" in CARE[key]["look_for"] and "without a fever" in CARE[key]["look_for"], key


def test_care_boxes_are_placed_by_reference_and_each_is_used():
    placed = set()
    for page in PAGES:
        keys = care_keys(page)
        assert len(keys) == len(set(keys)), f"{page['slug']} places a care box twice"
        assert set(keys) <= set(CARE), f"{page['slug']} places an unknown care box"
        placed |= set(keys)
        for section in page["sections"]:
            assert len(section) == (2 if section[0] == "care" else 3), section
    assert placed == set(CARE)
    fever_pages = {page["slug"] for page in PAGES if "fever" in care_keys(page)}
    assert {"treatment", "living-with-oms"} <= fever_pages
    # Each red flag is placed where families read about that medicine or situation.
    placed_on = {page["slug"]: set(care_keys(page)) for page in PAGES}
    assert {"steroid-vomiting", "acth-at-home", "blood-count", "ivig-headache", "rituximab-drip", "fever"} <= (
        placed_on["medicines-and-side-effects"]
    )
    assert "head-knock" in placed_on["symptoms"] and "head-knock" in placed_on["living-with-oms"]
    assert {"infection-contact", "steroid-vomiting"} <= placed_on["school"]
    assert "signs-return" in placed_on["treatment"]


def test_anchors_are_unique_on_each_page_and_pages_keep_their_slugs():
    slugs = [page["slug"] for page in PAGES]
    assert len(slugs) == len(set(slugs))
    for slug in (
        "what-is-oms",
        "symptoms",
        "causes-and-neuroblastoma",
        "tests-and-diagnosis",
        "treatment",
        "outlook",
        "living-with-oms",
    ):
        assert slug in slugs
    for page in PAGES:
        anchors = [s[1] for s in normal_sections(page)] + care_keys(page)
        assert len(anchors) == len(set(anchors)), page["slug"]
        assert set(page) == {"slug", "title", "summary", "key_points", "sections", "questions", "pictures"}


def test_content_follows_the_fact_check_not_the_article():
    text = " ".join(page_text(page, CARE) for page in PAGES).lower()
    for wrong in ("1 million", "4 in 100", "methotrexate", "middle age", "1 child in every 5 million", "about 45"):
        assert wrong not in text, wrong
    for right in ("5 million people", "2 to 3", "rituximab", "18 months", "47", "2 of them"):
        assert right in text, right
    assert "kind of cancer" in text
    # What the sources do not say, or say otherwise, is not written (IVIG's label; ACIP's 8-11 months;
    # Hasegawa's 23 children; the seed article's phrase for IVIG).
    for wrong in ("does not lower the body", "several months", "across many children", "healthy blood donors"):
        assert wrong not in text, wrong
    assert "up to a year" in text


def us_english_texts():
    """Everything a family reads in the shipped English: pages, care boxes, word list, quiz, questions, picture."""
    texts = [CONDITION["summary"], CONDITION["other_names"]]
    for page in PAGES:
        texts += [page_text(page, CARE), *page["questions"]]
        texts += [f"{picture['alt']} {picture['caption']}" for picture in page["pictures"]]
    texts += [definition for *_, definition in GLOSSARY] + [term for term, *_ in GLOSSARY]
    texts += [f"{q[2]} {q[3]} {q[4]} {' '.join(q[5])}" for q in QUESTIONS]
    texts += [EN.QUIZ["title"], EN.QUIZ["intro"], EN.DRAWING["title"], EN.DRAWING["subtitle"]]
    texts += [" ".join(step) for step in EN.DRAWING["steps"]]
    return texts


def test_content_uses_us_english_words_and_spellings_throughout():
    for text in us_english_texts():
        match = BRITISH_RE.search(text)
        assert not match, f"British word {match.group(0)!r} in {text[:60]!r}"
        assert not CELSIUS_FIRST_RE.search(text), f"°C before °F in {text[:60]!r}"


def test_the_us_words_check_finds_british_words():
    for british in ("a fit", "the drip", "at nursery", "a sore tummy", "is sick", "cross and upset", "tumours"):
        assert BRITISH_RE.search(british), british
    for american in ("a seizure", "the IV", "at daycare", "belly", "throws up", "fussy", "tumors", "outfit"):
        assert not BRITISH_RE.search(american), american
    assert CELSIUS_FIRST_RE.search("38°C (100.4°F)") and not CELSIUS_FIRST_RE.search("100.4°F (38°C)")


def test_templates_and_interface_strings_use_us_english():
    root = Path(__file__).resolve().parents[2]
    files = [*(root / "templates").rglob("*.html"), *root.glob("condition/**/*.py"), *root.glob("quizzes/**/*.py")]
    files = [path for path in files if "migrations" not in path.parts and "shipped" not in path.parts]
    assert len(files) > 40
    for path in files:
        text = path.read_text()
        # Code words are not what families read: "sanitise" and "catalogue" name functions and files.
        words = re.sub(r"\b(sanitise|sanitised|catalogue)\b", "", text)
        for match in BRITISH_RE.finditer(words):
            assert match.group(0).lower() in {"cross", "fit", "fits"}, f"{path.name}: {match.group(0)!r}"


def test_glossary_explains_the_medical_words_and_calls_neuroblastoma_a_cancer():
    terms = {term.lower(): definition for term, _, _, definition in GLOSSARY}
    for term in (
        "mibg scan",
        "ct scan",
        "plasma exchange",
        "azathioprine",
        "cyclophosphamide",
        "seizure",
        "rituximab",
        "ivig",
        "acth",
        "steroid",
        "live vaccine",
        "mmr",
        "shingles",
    ):
        assert term in terms, term
    assert "cancer" in terms["neuroblastoma"] and "excellent" in terms["neuroblastoma"]
    assert "up to a year" in terms["ivig"] and "MMR" in terms["ivig"]
    forms = [f.strip().lower() for term, _, others, _ in GLOSSARY for f in [term, *others.split(",")] if f.strip()]
    assert len(forms) == len(set(forms))
    for form in forms:
        assert len(form) > 2 and form not in {"lt", "gt", "amp", "quot", "nbsp", "fit", "drip"}
    assert not any(CITE_RE.search(definition) for *_, definition in GLOSSARY)


def test_quiz_right_answers_differ_so_none_can_be_learned_by_heart():
    rights = [right for *_, right, _ in QUESTIONS]
    assert len(rights) == len(set(rights))


def test_quiz_asks_about_breathing_and_a_relapse_as_doses_come_down():
    anchors = {anchor for _, anchor, *_ in QUESTIONS}
    assert {"breathing-or-waking", "signs-return"} <= anchors


def test_quiz_right_answer_is_not_guessable_from_its_length():
    # Short enough to finish on a phone: the safety questions (every care level) and a few facts.
    assert 10 <= len(QUESTIONS) <= 14
    longest = shortest = 0
    for *_, right, wrongs in QUESTIONS:
        assert len(wrongs) >= 2
        lengths = [len(choice) for choice in wrongs]
        longest += len(right) >= max(lengths)
        shortest += len(right) <= min(lengths)
    assert longest <= len(QUESTIONS) / 3, f"right answer is the longest in {longest} questions"
    assert shortest <= len(QUESTIONS) / 3, f"right answer is the shortest in {shortest} questions"


def _yes_or_no(choice):
    first = re.match(r"[A-Za-z]+", choice)
    word = first.group(0).lower() if first else ""
    return word if word in {"yes", "no"} else None


def test_quiz_right_answer_is_never_the_odd_yes_or_no():
    for _, _, prompt, _, right, wrongs in QUESTIONS:
        answer = _yes_or_no(right)
        others = {_yes_or_no(choice) for choice in wrongs}
        if answer:
            assert others != {"no" if answer == "yes" else "yes"}, f"only {answer!r} answer: {prompt!r}"


def test_every_quiz_question_points_at_a_section_or_care_box_on_its_page():
    anchors = {page["slug"]: {s[1] for s in normal_sections(page)} | set(care_keys(page)) for page in PAGES}
    for page_slug, anchor, prompt, explanation, right, wrongs in QUESTIONS:
        assert anchor in anchors[page_slug], (page_slug, anchor)
        assert prompt and explanation and right not in wrongs


def test_a_care_box_that_points_to_another_finds_it_on_the_same_page():
    titles = {record["title"]: key for key, record in CARE.items()}
    for page in PAGES:
        placed = set(care_keys(page))
        texts = bodies(page) + [CARE[key]["action"] for key in placed]
        for text in texts:
            for quoted in re.findall(r'"([^"]+)"', text) + re.findall(r"'([^']+)'", text):
                if quoted in titles:
                    assert titles[quoted] in placed, f"{page['slug']} points to {quoted!r} but does not place it"


def test_a_follow_pointer_names_an_existing_care_box():
    titles = {record["title"] for record in CARE_ADVICE}
    for text in all_cited_texts():
        for quoted in re.findall(r'(?:follow|see) "([^"]+)"', text):
            assert quoted in titles, f"points to a box that does not exist: {quoted!r}"


def test_a_box_names_only_numbers_it_shows():
    # Emergency and urgent boxes list the emergency number (care.calls_for); a same-day box does not.
    # No box names the daytime or after-hours number: the box lists it, or what to do while it is missing.
    for record in CARE_ADVICE:
        said = " ".join(record[field] for field in ("title", "look_for", "action")).lower()
        if record["urgency"] == "soon":
            assert "emergency number" not in said, record["key"]
        assert not re.search(r"(after-hours|after hours|daytime|clinic's) (phone )?number", said), record["key"]


def level_words(urgency):
    """What a quiz question on a box of this urgency must say, and what it must never say."""
    if urgency == "soon":
        return (r"same day|today", r"now, day or night|emergency number")
    later = r"same day|today|in the morning|tomorrow|next morning"
    return ((r"emergency number" if urgency == "emergency" else r"\bnow\b"), later)


def test_a_quiz_question_on_a_care_box_teaches_the_boxs_urgency():
    for _page, anchor, prompt, explanation, right, wrongs in QUESTIONS:
        if anchor not in CARE or not re.search(r"what should you do", prompt, re.I):
            continue
        must, never = level_words(CARE[anchor]["urgency"])
        taught = f"{explanation} {right}".lower()
        assert re.search(must, taught), (anchor, taught)
        assert not re.search(never, taught), (anchor, taught)
        assert not any(re.search(must, wrong.lower()) for wrong in wrongs) or CARE[anchor]["urgency"] == "soon", anchor


def test_a_child_who_cannot_keep_steroids_down_or_has_a_bad_headache_after_ivig_needs_a_call_now():
    for key in ("steroid-vomiting", "ivig-headache"):
        assert CARE[key]["urgency"] == "urgent", key
        assert "now, day or night" in CARE[key]["action"], key
    assert "emergency department" in CARE["steroid-vomiting"]["action"]
    assert "steroid emergency card" in CARE["steroid-vomiting"]["action"]
    assert "emergency number" in CARE["ivig-headache"]["action"]


def test_every_emergency_sign_in_a_box_is_in_an_emergency_box():
    emergency = " ".join(r["look_for"] for r in CARE_ADVICE if r["urgency"] == "emergency").lower()
    assert "lips" in emergency and "breathing" in emergency and "woken" in emergency

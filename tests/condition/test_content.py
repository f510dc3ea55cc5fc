import re

import pytest
import textstat
from django.utils.html import strip_tags

from condition import shipped
from condition.models import GlossaryTerm, Page, Section, Source
from condition.rendering import CITE_RE
from quizzes.models import Quiz

PAGES = shipped.content("en").pages
SOURCES = shipped.sources()

pytestmark = pytest.mark.django_db

# The content's own wording, sources and reading level are checked as data in
# test_default_content.py; the tests here check what the loader puts in the database.
REQUIRED_TOPICS = [page["slug"] for page in PAGES]


def page_text(page):
    """What a family reads on the page, without citation markers."""
    parts = [page.title + ".", page.summary, *page.key_points_list]
    for section in page.sections.all():
        body = CITE_RE.sub("", section.text).replace("**", "")
        parts.append(section.title + ".")
        parts.append(strip_tags(re.sub(r"^\s*- ", "", body, flags=re.M)))
    return "\n".join(parts)


def test_default_content_has_every_topic_glossary_term_and_source(oms_content):
    assert list(Page.objects.live().values_list("slug", flat=True)) == REQUIRED_TOPICS
    assert GlossaryTerm.objects.count() >= 12
    assert Source.objects.count() == len(SOURCES)
    assert Quiz.objects.live().get().questions.count() >= 10


def test_every_default_page_reads_at_us_grade_8_or_below(oms_content):
    for page in Page.objects.prefetch_related("sections__care_advice"):
        grade = textstat.flesch_kincaid_grade(page_text(page))
        assert grade <= 8, f"{page.slug} reads at grade {grade}"


def test_every_default_section_cites_only_seeded_sources_and_most_cite_something(oms_content):
    keys = set(Source.objects.values_list("key", flat=True))
    sections = list(Section.objects.all())
    for section in sections:
        section.clean()  # raises on an unknown key
    cited = [section for section in sections if CITE_RE.search(section.text)]
    assert len(cited) >= 0.8 * len(sections)
    assert {key for section in sections for key in CITE_RE.findall(section.text)} <= keys


def test_default_pages_are_marked_not_yet_reviewed(oms_content):
    assert not Page.objects.exclude(reviewed_by="").exists()
    assert not Page.objects.filter(last_reviewed__isnull=False).exists()

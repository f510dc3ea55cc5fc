"""One key builder: every cached value's key comes from pagecache.cache.versioned, and nothing else builds one."""

import re
from pathlib import Path

import pytest

from pagecache import cache as content_cache

ROOT = Path(__file__).resolve().parents[2]
# The project's own code; the page cache itself is where keys are made.
CODE = ["accounts", "bench", "condition", "deploy", "omsportal", "quizzes"]
HAND_BUILT = {
    "an f-string holding the content version": re.compile(r"""f["'][^"'\n]*\{[^}\n]*content_version\("""),
    "the cache's FORMAT outside the page cache": re.compile(
        r"pagecache\.cache import[^\n]*\bFORMAT\b|\bcache\.FORMAT\b"
    ),
    "a literal key handed to cached()": re.compile(r"""\bcached\(\s*f?["']"""),
}


def project_files():
    for folder in CODE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_no_code_outside_the_page_cache_builds_a_cache_key_by_hand():
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in project_files()
        for what, pattern in HAND_BUILT.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert list(project_files()), "the scan found no code to read"
    assert found == []


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ('key = f"quiz:{content_version(request)}:{slug}"', "an f-string holding the content version"),
        ("from pagecache.cache import FORMAT, content_version", "the cache's FORMAT outside the page cache"),
        ('cached("page:1", build)', "a literal key handed to cached()"),
    ],
)
def test_the_scan_recognises_each_kind_of_hand_built_key(text, what):
    assert HAND_BUILT[what].search(text)


def test_a_key_holds_the_format_with_the_build_id_the_content_version_and_the_callers_parts():
    assert (
        content_cache.versioned("quiz", "es", "about-oms", version=42) == f"{content_cache.FORMAT}:42:quiz:es:about-oms"
    )


@pytest.mark.django_db
def test_a_key_reads_the_content_version_itself_once_per_request(rf, django_assert_num_queries):
    request = rf.get("/")
    with django_assert_num_queries(1):
        first = content_cache.versioned("page", request=request)
        assert content_cache.versioned("page", request=request) == first
    assert first == f"{content_cache.FORMAT}:{content_cache.content_version()}:page"


def test_a_key_made_by_hand_is_refused():
    with pytest.raises(ValueError, match="versioned"):
        content_cache.cached("page:1:by-hand", lambda: "never kept")

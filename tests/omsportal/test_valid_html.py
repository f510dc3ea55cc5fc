"""Every public page passes the Nu HTML Checker (vnu, the W3C's validator), run locally on Java."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from tests.browser.test_accessibility import PUBLIC_PATHS
from tests.headers import SAME_ORIGIN

pytestmark = pytest.mark.django_db

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(pages, tmp_path):
    """Validate {name: html} in one Java start; return {name: [messages]} for pages with errors."""
    java = shutil.which("java")
    if not java or not VNU.exists():
        missing = "java" if not java else f"{VNU} (make test runs npm ci)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"The HTML validator needs {missing}")
        pytest.skip(f"The HTML validator needs {missing}")
    files = {}
    for index, (name, html) in enumerate(pages.items()):
        path = tmp_path / f"page{index}.html"
        path.write_bytes(html)
        files[path.as_uri()] = name
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *[str(p) for p in tmp_path.glob("*.html")]],
        capture_output=True,
        text=True,
        timeout=120,
    )
    errors = {}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        name = files.get(message.get("url"), message.get("url"))
        errors.setdefault(name, []).append(f"{message.get('lastLine')}: {message['message']}")
    return errors


def test_every_public_page_passes_the_nu_html_checker(client, oms_content, tmp_path):
    from quizzes.models import Quiz

    pages = {path: client.get(path, follow=True).content for path in PUBLIC_PATHS}
    pages["feedback"] = client.get("/topics/symptoms/feedback/").content
    quiz = Quiz.objects.get(translation_of=None, slug="oms-basics")
    data = {f"question_{q.pk}": q.choices.first().pk for q in quiz.questions.all()}
    pages["quiz result"] = client.get(
        client.post(reverse("quizzes:take", args=[quiz.slug]), data, **SAME_ORIGIN)["Location"]
    ).content
    pages["quiz with an error"] = client.post(reverse("quizzes:take", args=[quiz.slug]), {}, **SAME_ORIGIN).content
    pages["404"] = client.get("/no-such-page/").content
    assert vnu_errors(pages, tmp_path) == {}


def test_the_validator_does_report_broken_html(tmp_path):
    """So that a clean result above means something."""
    broken = b"<!doctype html><html lang=en><head><title>x</title></head><body><p id=a><p id=a></body></html>"
    assert vnu_errors({"broken": broken}, tmp_path)

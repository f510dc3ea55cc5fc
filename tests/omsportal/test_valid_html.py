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


# Staff text of every kind the sanitiser handles (condition.rendering): refused and odd links, raw HTML,
# headings, nesting, entities, and link titles holding a care box's title and glossary words.
HOSTILE_MARKDOWN = [
    "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](data:text/html;base64,PHNjcmlwdD4=)",
    '<a href="vbscript:msgbox(1)">v</a> <a name="anchor">named</a> <a>bare</a> <a href="">empty</a>',
    '<a href="https://example.org/" onclick="alert(1)" style="color:red" target="_blank">handler</a>',
    '[t](https://example.org/ "{care_title}") and "{care_title}" quoted',
    '[q](https://example.org/ "a \\" quote, a > and <b>bold</b> and opsoclonus")',
    "<script>alert(1)</script><img src=x onerror=alert(1)><iframe src=//evil.example></iframe>",
    "<style>p{{}}</style><table><tr><td>cell</td></tr></table><div><p>unclosed",
    "</p></div></li></a>",
    "# H1\n\n## H2\n\n###### H6\n\n<h2 id=x>h2</h2>",
    "![img](https://example.org/x.png) ![bad](javascript:alert(1))",
    "[[cite:nosuch]](https://example.org) [a [nested](https://a.example) link](https://b.example)",
    "<a href='https://example.org'><a href='https://example.org/2'>double</a></a>",
    "&lt;script&gt; &amp; &#0; &#xD800; &bogus; <!-- comment --> <![CDATA[x]]>",
    "<p dir=rtl lang=xx>attrs</p><ul><li>one<li>two</ul><form><input name=x></form>",
    "<svg><a xlink:href=javascript:alert(1)>svg</a></svg><math><mi>x</mi></math>",
    "**bold _unclosed <blockquote><h3>h</h3> <br/><br><hr>",
    "[mail](mailto:a@b.example) [tel](tel:+1-555) [relative](/topics/) [here](#top) [](https://example.org)",
]


def test_pages_made_from_hostile_staff_text_pass_the_nu_html_checker(client, oms_content, tmp_path):
    """A topic page, its handout and the whole guide, after hostile text reached the live rows (written
    before the save checks existed, or brought back from a backup): still valid HTML."""
    from condition.models import Condition, Page

    page = Page.objects.live().get(slug="symptoms")
    care = next(section.care_advice for section in page.sections.all() if section.care_advice_id)
    hostile = "\n\n".join(text.format(care_title=care.title) for text in HOSTILE_MARKDOWN)
    text_sections = [section for section in page.sections.all() if not section.care_advice_id]
    for section in text_sections[:2]:
        section.body = hostile
        section.save()
    care.look_for = care.action = hostile
    care.save()
    condition = Condition.objects.live().get()
    pages = {
        "topic page": client.get(page.get_absolute_url()).content,
        "its handout": client.get(reverse("condition:page_handout", args=[page.slug])).content,
        "the whole guide": client.get(reverse("condition:condition_handout", args=[condition.slug])).content,
    }
    assert b"javascript:" not in b"".join(pages.values()).lower()
    assert all(b"opsoclonus" in html for html in pages.values())
    assert vnu_errors(pages, tmp_path) == {}

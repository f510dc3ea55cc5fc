"""Every public page rendered in a pseudo-language finds no interface text left untranslated.

The pseudo catalogue is made at test time from the Spanish one: every message
becomes "⟦<English>⟧", under a language code added to settings.LANGUAGES and a
temporary LOCALE_PATHS folder (a third language is a setting plus a catalogue,
no code). What families read from the database is the lead's concern (content
translations), so the default content is loaded and every letter of its text
is turned into a full-width letter (A -> Ａ). What is left on a page outside
the markers, in plain ASCII letters, came from a template or from Python
without being marked for translation.
"""

import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.db import models
from django.test import Client

from condition.models import Page
from condition.rendering import CITE_RE
from condition.search.index import rebuild
from pagecache import cache as content_cache
from quizzes.models import Quiz
from tests.headers import SAME_ORIGIN

PSEUDO = "qps"  # a private-use language code: no catalogue of Django's own has it
OPEN, CLOSE = "⟦", "⟧"
FULL_WIDTH = {code: code + 0xFEE0 for code in [*range(ord("A"), ord("Z") + 1), *range(ord("a"), ord("z") + 1)]}
# Fields that are addresses or codes, not words families read.
NOT_WORDS = (models.SlugField, models.URLField, models.EmailField, models.FileField)
CODES = {"key", "anchor", "fingerprint", "kind", "name_prefix", "stored_name", "folder", "language", "object_repr"}

pytestmark = pytest.mark.django_db


def pseudo_catalogue(folder):
    """locale/<PSEUDO>/LC_MESSAGES/django.mo with every message of the Spanish catalogue wrapped in the markers."""
    spanish = polib.pofile(str(settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    pseudo = polib.POFile()
    pseudo.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    for entry in spanish:
        if entry.obsolete:
            continue
        wrapped = polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgid_plural=entry.msgid_plural)
        if entry.msgid_plural:
            wrapped.msgstr_plural = {0: OPEN + entry.msgid + CLOSE, 1: OPEN + entry.msgid_plural + CLOSE}
        else:
            wrapped.msgstr = OPEN + entry.msgid + CLOSE
        pseudo.append(wrapped)
    target = folder / PSEUDO / "LC_MESSAGES"
    target.mkdir(parents=True)
    pseudo.save_as_mofile(str(target / "django.mo"))


def full_width(text):
    """The text in full-width letters, but for citation markers ([cite: key]): the renderer must still find them."""
    parts = CITE_RE.split(text)  # the keys come out at odd positions
    return "".join(f"[cite: {part}]" if index % 2 else part.translate(FULL_WIDTH) for index, part in enumerate(parts))


def full_width_content():
    """Every word the database holds for families, in full-width letters: told apart from template text."""
    from django.apps import apps

    for model in [*apps.get_app_config("condition").get_models(), *apps.get_app_config("quizzes").get_models()]:
        fields = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
            and not isinstance(field, NOT_WORDS)
            and not field.choices
            and field.name not in CODES
        ]
        if not fields:
            continue
        rows = list(model._base_manager.all())
        for row in rows:
            for field in fields:
                value = getattr(row, field.attname)
                if isinstance(value, str):
                    setattr(row, field.attname, full_width(value))
        if rows:
            model._base_manager.bulk_update(rows, [field.name for field in fields])
    rebuild()  # the search index holds the words too
    content_cache._bump()


class VisibleText(HTMLParser):
    """Text a family sees or hears: text nodes outside script and style, and the attributes read aloud."""

    SPOKEN = {"alt", "aria-label", "title", "placeholder"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden, self.links = [], 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self.hidden += 1
        if tag == "a":
            # A link to a page in another language, named in that language (the switcher, "Read the English page").
            self.links.append(bool(attrs.get("hreflang")) and attrs.get("lang") not in (None, PSEUDO))
            self.hidden += self.links[-1]
        self.parts += [value for name, value in attrs.items() if name in self.SPOKEN and value]
        if tag == "meta" and attrs.get("name") == "description":
            self.parts.append(attrs.get("content") or "")
        if tag == "input" and attrs.get("type") in ("submit", "button"):
            self.parts.append(attrs.get("value") or "")
        if tag == "p" and "data-saved" in attrs:  # the offline box's words, read by static/js/offline.js
            self.parts += [value for name, value in attrs.items() if name.startswith("data-") and value]
        if tag == "p" and "data-answered" in attrs:  # the quiz's live count (static/js/quiz.js)
            self.parts.append(attrs["data-answered"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1
        if tag == "a" and self.links:
            self.hidden -= self.links.pop()

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def untranslated(html):
    """Words in plain ASCII letters outside the markers: interface text not marked for translation."""
    parser = VisibleText()
    parser.feed(html)
    text = "\n".join(parser.parts)
    previous = None
    while previous != text:  # markers nest (a care box's fallback names the emergency number)
        previous, text = text, re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
    text = re.sub(r"https?://\S+", " ", text)  # source addresses, printed as they are
    for _code, name in settings.LANGUAGES:
        text = text.replace(name, " ")  # the switcher names the page's own language in itself too
    return re.findall(r"[A-Za-z]{2,}", text)


def test_the_checker_finds_an_unmarked_word_and_passes_marked_and_database_text():
    assert untranslated("<p>⟦Key points⟧ ＯＭＳ 12</p>") == []
    assert untranslated('<p>⟦Call ⟦your number⟧ now⟧</p><img alt="⟦Logo⟧">') == []
    assert untranslated("<p>⟦Key points⟧ Hello there</p>") == ["Hello", "there"]
    assert untranslated('<button aria-label="Close">⟦x⟧</button>') == ["Close"]
    assert untranslated("<script>var notText = 1;</script><p>⟦ok⟧</p>") == []
    assert untranslated('<p>⟦ok⟧ <a href="/x/" hreflang="en" lang="en">Read the English page</a></p>') == []
    assert untranslated('<p><a href="/x/">Read <b>the</b> page</a> <a href="/y/" lang="en">Read</a></p>') == [
        "Read",
        "the",
        "page",
        "Read",
    ]


@pytest.fixture
def pseudo(settings, tmp_path, oms_content, monkeypatch):
    from django.conf.locale import LANG_INFO

    pseudo_catalogue(tmp_path)
    # What Django knows of every real language (get_language_info), for the made-up one.
    monkeypatch.setitem(LANG_INFO, PSEUDO, {"bidi": False, "code": PSEUDO, "name": "Pseudo", "name_local": "Pseudo"})
    settings.LANGUAGES = [*settings.LANGUAGES, (PSEUDO, "Pseudo")]
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    settings.RATELIMIT_ENABLE = False
    full_width_content()
    return f"/{PSEUDO}"


def assert_all_marked(response, path):
    assert f'<html lang="{PSEUDO}"' in response.content.decode(), path
    words = untranslated(response.content.decode())
    assert not words, f"{path} shows text not marked for translation: {sorted(set(words))}"


def test_every_public_page_in_a_pseudo_language_shows_only_translated_interface_text(pseudo):
    client = Client()
    slugs = list(Page.objects.live().values_list("slug", flat=True))
    assert len(slugs) >= 9
    quiz = Quiz.objects.live().get()
    search_word = Page.objects.live().first().title.split()[0]
    paths = [
        "/",
        *(f"/topics/{slug}/" for slug in slugs),
        "/glossary/",
        "/sources/",
        "/help/",
        f"/search/?q={search_word}",
        "/search/?q=zzzzqqq",
        "/search/",
        f"/quiz/{quiz.slug}/",
        f"/topics/{slugs[0]}/handout/",
        f"/topics/{slugs[0]}/questions/?q=1",
        f"/topics/{slugs[0]}/feedback/",
    ]
    for path in paths:
        response = client.get(pseudo + path)
        assert response.status_code == 200, path
        assert_all_marked(response, path)


def test_the_quiz_result_and_error_pages_in_a_pseudo_language_are_translated_too(pseudo, settings):
    client = Client()
    quiz = Quiz.objects.live().get()
    take = f"{pseudo}/quiz/{quiz.slug}/"
    answers = {"seed": "3"}
    for question in quiz.questions.all():
        answers[f"question_{question.pk}"] = str(question.choices.filter(is_correct=False).first().pk)
    result = client.post(take, answers, **SAME_ORIGIN)
    assert result.status_code == 302 and result["Location"].startswith(f"{pseudo}/quiz/")
    assert_all_marked(client.get(result["Location"]), "quiz result")
    # A skipped question: the form again, with its errors.
    skipped = client.post(take, {"seed": "3"}, **SAME_ORIGIN)
    assert skipped.status_code == 400
    assert_all_marked(skipped, "quiz with errors")

    assert_all_marked(client.get(f"{pseudo}/no-such-page/"), "404")
    assert client.get(f"{pseudo}/topics/x/", HTTP_HOST="evil.example").status_code == 400
    assert_all_marked(client.get(f"{pseudo}/topics/x/", HTTP_HOST="evil.example"), "400")
    slug = Page.objects.live().first().slug
    refused = Client(enforce_csrf_checks=True).post(f"{pseudo}/topics/{slug}/feedback/", {"helpful": "yes"})
    assert refused.status_code == 403
    assert_all_marked(refused, "403 CSRF")
    assert_all_marked(client.post(f"{pseudo}/topics/{slug}/vote/", {"helpful": "maybe"}, **SAME_ORIGIN), "vote")

    settings.RATELIMIT_ENABLE = True
    settings.FORM_RATE = "1/h"
    limited = [client.post(f"{pseudo}/topics/{slug}/feedback/", {"helpful": "yes"}) for _ in range(2)]
    assert limited[-1].status_code == 429
    assert_all_marked(limited[-1], "429")

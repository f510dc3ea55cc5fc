"""The message catalogues: every message translated, none fuzzy, none missing.

makemessages is run on a copy of the code, so a string marked for translation
but not yet in a catalogue fails here, and the translator is told which.
"""

import os
import re
import shutil
import subprocess
import sys

import polib
import pytest
from django.conf import settings

SOURCES = ("accounts", "condition", "omsportal", "pagecache", "quizzes", "static", "templates", "manage.py")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}|%%")


def catalogues():
    """Every catalogue of a language other than the default one (the default is the source text)."""
    return [
        settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def messages(po):
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po if not entry.obsolete}


@pytest.mark.parametrize("path", catalogues(), ids=lambda path: path.parent.parent.name)
def test_every_message_is_translated_and_none_is_fuzzy(path):
    po = polib.pofile(str(path))
    assert len(po) > 150
    assert not po.metadata_is_fuzzy
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []


@pytest.mark.parametrize("path", catalogues(), ids=lambda path: path.parent.parent.name)
def test_every_translation_keeps_the_placeholders_of_its_message(path):
    for entry in polib.pofile(str(path)):
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert sorted(set(PLACEHOLDER.findall(translation))) == sorted(set(PLACEHOLDER.findall(entry.msgid))), (
                entry.msgid
            )
            # Markup in a message stays the same markup (links, <strong>, <time>).
            assert sorted(re.findall(r"</?\w+", translation)) == sorted(re.findall(r"</?\w+", entry.msgid)), entry.msgid


def test_makemessages_finds_no_message_missing_from_the_catalogues(tmp_path):
    if not shutil.which("xgettext"):
        pytest.fail("makemessages needs Debian's gettext (make test installs it)")
    for name in SOURCES:
        source = settings.BASE_DIR / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(source, tmp_path / name)
    shutil.copytree(settings.BASE_DIR / "locale", tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    codes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "omsportal.settings", "DJANGO_DEBUG": "true"}
    environment.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--add-location=file", *(f"--locale={code}" for code in codes)],
        cwd=tmp_path,
        env=environment,
        check=True,
        capture_output=True,
    )
    for code in codes:
        made = polib.pofile(str(tmp_path / "locale" / code / "LC_MESSAGES" / "django.po"))
        kept = polib.pofile(str(settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"))
        assert sorted(messages(made) - messages(kept), key=str) == [], (
            f"run makemessages -l {code} (see docs/staff-guide.md)"
        )
        assert sorted(messages(kept) - messages(made), key=str) == [], f"messages no longer used in {code}"

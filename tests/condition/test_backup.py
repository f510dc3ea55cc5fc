"""`manage.py backup` and `restore_backup`: the whole portal, taken while it runs."""

import os
import random
import sqlite3
import subprocess
import sys
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from bench.clients import Client
from bench.server import ROOT, PortalServer
from condition.models import PageFeedback
from quizzes.models import Attempt
from tests.condition.content_text import shipped_content

# Every attempt answers each shipped quiz question.
QUESTIONS = len(shipped_content("en").QUIZ["questions"])


def manage(env, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def tables(path):
    with sqlite3.connect(path) as db:
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}


def families_posting(port, stop, seed):
    rng = random.Random(seed)
    client = Client(port)
    choices = client.quiz_form()
    feedback_token = client.feedback_token()
    while not stop.is_set():
        data = {name: rng.choice(ids) for name, ids in choices.items()}
        client.request("POST", "/quiz/oms-basics/", client.encode({**data, "seed": "1"}))
        client.request(
            "POST",
            "/topics/symptoms/feedback/",
            client.encode({"helpful": "no", "comment": "Too long.", "csrfmiddlewaretoken": feedback_token}),
        )
    client.close()


def test_a_running_portals_backup_restores_every_row_history_feedback_and_attempts_included(tmp_path):
    with PortalServer(workers=2, extra_env={"DJANGO_RATELIMIT": "false"}) as server:
        env = {**server.env, "DJANGO_MEDIA_ROOT": str(server.dir / "media")}
        (server.dir / "media" / "handouts").mkdir(parents=True)
        (server.dir / "media" / "handouts" / "guide.pdf").write_bytes(b"%PDF-stored")
        manage(env, "shell", "-c", "from django.contrib.auth.models import User; User.objects.create_user('rita')")
        approved = "from condition.drafts import Revision; from condition.models import Page; "
        manage(env, "shell", "-c", approved + "Revision.record(Page.objects.first(), 'approved', None)")
        # Families keep posting while the backup is taken.
        stop = threading.Event()
        posting = [threading.Thread(target=families_posting, args=(server.port, stop, n)) for n in range(2)]
        for thread in posting:
            thread.start()
        try:
            manage(env, "backup", str(tmp_path / "during"))
        finally:
            stop.set()
            for thread in posting:
                thread.join()
        # The same, with the portal running but quiet, to compare row for row.
        manage(env, "backup", str(tmp_path / "quiet"))
        source = tables(server.database)

        for name, expected in (("quiet", source), ("during", None)):
            restored = tmp_path / f"restored-{name}.sqlite3"
            media = tmp_path / f"media-{name}"
            restore_env = {**env, "DATABASE_URL": f"sqlite:///{restored}", "DJANGO_MEDIA_ROOT": str(media)}
            manage(restore_env, "restore_backup", "--noinput", str(tmp_path / name))
            rows = tables(restored)
            if expected is not None:
                # The content version moves on at a restore (so no cached page outlives it); all else row for row.
                version, restored_version = expected["condition_contentversion"], rows["condition_contentversion"]
                assert restored_version[0][1] > version[0][1]
                assert {t: r for t, r in rows.items() if t != "condition_contentversion"} == {
                    t: r for t, r in expected.items() if t != "condition_contentversion"
                }
            counts = {table: len(rows[table]) for table in rows}
            for table in (
                "condition_revision",  # every approved version
                "condition_section",
                "quizzes_question",
                "condition_pagefeedback",
                "quizzes_attempt",
                "auth_user",
            ):
                assert counts[table] > 0, table
            # A consistent snapshot: every attempt with all its answers, even mid-write.
            assert counts["quizzes_answer"] == QUESTIONS * counts["quizzes_attempt"]
            assert (media / "handouts" / "guide.pdf").read_bytes() == b"%PDF-stored"


def test_backup_refuses_a_folder_that_is_not_empty(db, tmp_path):
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path))


def test_restore_backup_refuses_a_folder_that_is_not_a_backup(db, tmp_path):
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore_backup", "--noinput", str(tmp_path))


@pytest.mark.parametrize("bad_member", ["../../escape.txt", "link-out", "device"])
def test_restore_backup_with_a_bad_media_file_changes_nothing(db, tmp_path, settings, bad_member):
    """A crafted media archive is refused before the database or a single file is replaced."""
    import io
    import json
    import tarfile

    from django.contrib.auth.models import User

    from condition import backups

    User.objects.create_user("kept")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    folder = tmp_path / "crafted"
    folder.mkdir()
    (folder / "database.bin").write_bytes(b"not the database")
    with tarfile.open(folder / "media.tar", "w") as archive:
        good = tarfile.TarInfo("images/good.txt")
        good.size = 4
        archive.addfile(good, io.BytesIO(b"good"))
        bad = tarfile.TarInfo(bad_member)
        if bad_member == "link-out":
            bad.type, bad.linkname = tarfile.SYMTYPE, "/etc/passwd"
        elif bad_member == "device":
            bad.type = tarfile.CHRTYPE
        else:
            bad.size = 3
        archive.addfile(bad, io.BytesIO(b"bad"))
    manifest = {"format": backups.FORMAT, "engine": backups._engine(), "database": "database.bin", "media": "media.tar"}
    (folder / "backup.json").write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match="refused"):
        call_command("restore_backup", "--noinput", str(folder))
    assert User.objects.filter(username="kept").exists()
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*"))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgresql_backup_restores_every_row(tmp_path, oms_content, settings):
    if connection.vendor != "postgresql":
        pytest.skip("runs when DATABASE_URL is PostgreSQL (the second CI run)")
    settings.MEDIA_ROOT = tmp_path / "media"
    from condition.drafts import Revision
    from quizzes.models import Quiz

    quiz = Quiz.objects.get(translation_of=None, slug="oms-basics")
    Revision.record(quiz, Revision.Action.APPROVED, None)
    Attempt.objects.create(quiz=quiz, correct_count=1, question_count=1, score_percent=100, passed=True)
    PageFeedback.objects.create(page_id=quiz.questions.first().section.page_id, helpful=False, comment="Hard.")
    before = {
        "feedback": PageFeedback.objects.count(),
        "attempts": Attempt.objects.count(),
        "approved versions": Revision.objects.count(),
    }
    call_command("backup", str(tmp_path / "pg"), stdout=open(os.devnull, "w"))
    PageFeedback.objects.all().delete()
    Attempt.objects.all().delete()
    call_command("restore_backup", "--noinput", str(tmp_path / "pg"), stdout=open(os.devnull, "w"))
    after = {
        "feedback": PageFeedback.objects.count(),
        "attempts": Attempt.objects.count(),
        "approved versions": Revision.objects.count(),
    }
    assert after == before


def test_restore_backup_of_a_file_that_is_not_a_database_changes_nothing(db, tmp_path, settings):
    import json

    from django.contrib.auth.models import User

    from condition import backups

    User.objects.create_user("kept")
    folder = tmp_path / "crafted"
    folder.mkdir()
    (folder / "database.sqlite3").write_bytes(b"not the database" * 100)
    manifest = {"format": backups.FORMAT, "engine": backups._engine(), "database": "database.sqlite3", "media": None}
    (folder / "backup.json").write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="Restore failed"):
        call_command("restore_backup", "--noinput", str(folder))
    assert User.objects.filter(username="kept").exists()

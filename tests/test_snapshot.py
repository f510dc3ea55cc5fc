"""The default content put back from one load per process (tests/snapshot.py) is what the loader makes."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

from tests import snapshot


def _load():
    call_command("load_oms_content", stdout=open("/dev/null", "w"))


def _assert_same(restored, loaded):
    assert restored.keys() == loaded.keys()
    differ = [name for name in loaded if restored[name] != loaded[name]]
    assert not differ, f"the snapshot and the real loader differ in {differ}"
    assert loaded["condition_page"][1] and loaded["media files"], "nothing was loaded"


def test_the_snapshot_gives_every_row_index_entry_and_file_that_the_real_loader_makes(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "restored"
    with transaction.atomic():
        assert snapshot.restore()
        restored = snapshot.state()
        transaction.set_rollback(True)
    if connection.vendor == "postgresql":  # the restored ids' sequences are not rolled back
        with connection.cursor() as cursor:
            for name in snapshot._taken[0].touched:
                snapshot.move_sequences(cursor, name)
    settings.MEDIA_ROOT = tmp_path / "loaded"
    _load()
    _assert_same(restored, snapshot.state())


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_the_snapshot_gives_the_migrated_database_with_the_real_loaders_rows(settings, tmp_path):
    call_command("flush", interactive=False, verbosity=0)  # as Django empties the database after such a test
    settings.MEDIA_ROOT = tmp_path / "restored"
    assert snapshot.restore()
    restored = snapshot.state()

    call_command("flush", interactive=False, verbosity=0)
    taken = snapshot._taken[0]
    with transaction.atomic(), connection.cursor() as cursor:  # the tables as migrations left them
        for name, content in taken.before.items():
            snapshot.write(cursor, name, content)
    ContentType.objects.clear_cache()
    settings.MEDIA_ROOT = tmp_path / "loaded"
    _load()
    _assert_same(restored, snapshot.state())

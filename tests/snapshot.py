"""The default OMS content loaded once per test process and put back for each test in milliseconds.

`load_oms_content` takes seconds (every row validated, the picture resized,
the search index rebuilt); hundreds of tests start from its result. So each
process (each xdist worker) runs the real command once, on the freshly
migrated test database inside a transaction that is rolled back, and keeps:

- the rows of every table the load changed, and of every table migrations
  filled (groups, permissions, content types), as they are after the load;
- the media files it wrote (the shipped picture and its resized copies).

`restore()` writes those rows back into the test's own database state: the
test's transaction rolls them back as it would the real load. On SQLite the
full-text tables (FTS5) are filled by their triggers as the rows go in, as
they were by the load; on PostgreSQL the generated search columns compute
themselves, the word list (a plain table) is copied like any other, and the
sequences are moved past the restored ids.

The restored state must be exactly what the command makes, so `restore()`
only takes the fast path from a state it recognises:

- as migrated (a `db` test): the tables the load touches and the tables
  migrations filled hold what they held when the snapshot was taken (rows
  that other fixtures made in other tables, a staff login for example, stay);
- emptied (a `transactional_db` test after Django's flush): every table is
  empty but those the post_migrate signal fills again; these are put back as
  migrations left them, then the load's rows go in.

From anything else it returns False and the caller runs the real command.
tests/test_snapshot.py runs the real command into an empty database and
compares every row, the search index and the files with what `restore()`
gives, so the shortcut cannot drift from the loader.

Imports of the portal: `pagecache.cache` only (its commit seam, replaced
during the one load as tests/conftest.py replaces it in every `db` test).
"""

import datetime
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import translation

# FTS5 keeps each virtual table's index in these shadow tables, which the triggers write.
FTS5_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


@dataclass
class Table:
    columns: list
    rows: list  # SQLite: tuples; PostgreSQL: lines of COPY's text format (bytes)


@dataclass
class Snapshot:
    before: dict  # table -> Table: the migrated state of the tables checked (rows sorted)
    after: dict  # table -> Table: the same tables after the load
    touched: frozenset  # the tables whose rows the load changed
    empty_before: frozenset  # tables with no row in the migrated state
    files: dict = field(default_factory=dict)  # media path (relative) -> bytes

    @property
    def checked(self):
        return set(self.before)


# --- Reading and writing tables, per database -----------------------------------------------------------


def tables(cursor):
    """Every table of the test database that holds rows of its own (not FTS5's virtual or shadow tables)."""
    if connection.vendor == "sqlite":
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        found = cursor.fetchall()
        virtual = {name for name, sql in found if sql.upper().startswith("CREATE VIRTUAL TABLE")}
        shadows = {name + suffix for name in virtual for suffix in FTS5_SHADOWS}
        return sorted(name for name, _ in found if name not in virtual | shadows)
    return sorted(connection.introspection.table_names(cursor))


def _quote(name):
    return connection.ops.quote_name(name)


def _columns(cursor, table):
    if connection.vendor == "sqlite":
        cursor.execute(f"SELECT * FROM {_quote(table)} LIMIT 0")
        return [column[0] for column in cursor.description]
    # Generated columns (the search vectors) are computed by PostgreSQL, never written.
    cursor.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position",
        [table],
    )
    return [row[0] for row in cursor.fetchall()]


def read(cursor, table, columns=None):
    columns = columns or _columns(cursor, table)
    names = ", ".join(_quote(column) for column in columns)
    if connection.vendor == "sqlite":
        cursor.execute(f"SELECT {names} FROM {_quote(table)}")
        return Table(columns, cursor.fetchall())
    data = bytearray()
    with cursor.cursor.copy(f"COPY (SELECT {names} FROM {_quote(table)}) TO STDOUT") as copy:
        for block in copy:
            data += block
    return Table(columns, bytes(data).splitlines(keepends=True))


_sequences = {}  # PostgreSQL: table -> its sequences, as introspection finds them


def write(cursor, table, content):
    """Replace every row of `table` with `content`'s (the caller holds a transaction)."""
    cursor.execute(f"DELETE FROM {_quote(table)}")
    if not content.rows:
        return
    names = ", ".join(_quote(column) for column in content.columns)
    if connection.vendor == "sqlite":
        marks = ", ".join(["%s"] * len(content.columns))
        cursor.executemany(f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})", content.rows)
        return
    with cursor.cursor.copy(f"COPY {_quote(table)} ({names}) FROM STDIN") as copy:
        copy.write(b"".join(content.rows))
    move_sequences(cursor, table)


def move_sequences(cursor, table):
    """PostgreSQL: the table's sequences just past its highest id (their values outlive a rollback)."""
    if table not in _sequences:
        _sequences[table] = connection.introspection.get_sequences(cursor, table)
    for sequence in _sequences[table]:
        column = _quote(sequence["column"])
        cursor.execute(
            f"SELECT setval(%s, COALESCE(MAX({column}), 1), MAX({column}) IS NOT NULL) FROM {_quote(table)}",
            [sequence["name"]],
        )


def _sorted(rows):
    return sorted(rows, key=repr)


# --- Taking and putting back --------------------------------------------------------------------------


def _files(root):
    root = Path(root)
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()}


_taken = []


def take():
    """Run the real `load_oms_content` once on the migrated database, keep what it made, roll it back."""
    from pagecache import cache as content_cache

    media = Path(tempfile.mkdtemp(prefix="omsportal-tests-snapshot-"))
    commit_seam = content_cache.on_commit
    with transaction.atomic(), override_settings(MEDIA_ROOT=media), translation.override(None):
        with connection.cursor() as cursor:
            names = tables(cursor)
            before = {name: read(cursor, name) for name in names}
        # As in a `db` test (tests/conftest.py): the content version moves at once, as a commit would.
        content_cache.on_commit = lambda callback, using=None: callback()
        try:
            call_command("load_oms_content", stdout=open("/dev/null", "w"))
        finally:
            content_cache.on_commit = commit_seam
        with connection.cursor() as cursor:
            after = {name: read(cursor, name, before[name].columns) for name in names}
        transaction.set_rollback(True)
    empty = frozenset(name for name in names if not before[name].rows)
    touched = frozenset(name for name in names if _sorted(before[name].rows) != _sorted(after[name].rows))
    kept = (set(names) - empty) | touched
    _taken[:] = [
        Snapshot(
            before={name: Table(before[name].columns, _sorted(before[name].rows)) for name in kept},
            after={name: after[name] for name in kept},
            touched=touched,
            empty_before=empty,
            files=_files(media),
        )
    ]
    return _taken[0]


def restore():
    """Put the load's rows and files back into this test's database; False if its state is not one known."""
    snapshot = _taken[0]
    with transaction.atomic(), connection.cursor() as cursor:
        now = {name: read(cursor, name, snapshot.before[name].columns) for name in snapshot.checked}
        if all(_sorted(now[name].rows) == snapshot.before[name].rows for name in now):
            replace = snapshot.touched
        elif _emptied(cursor, now, snapshot):
            replace = snapshot.checked
        else:
            return False
        for name in sorted(replace):
            write(cursor, name, snapshot.after[name])
    if replace == snapshot.checked:
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()  # the content types' ids are migrations' again
    root = Path(settings.MEDIA_ROOT)
    for name, data in snapshot.files.items():
        path = root / name
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return True


def _emptied(cursor, now, snapshot):
    """Whether every table that migrations left empty is empty now (the state after Django's flush)."""
    for name in sorted(snapshot.empty_before):
        if name in now:
            if now[name].rows:
                return False
            continue
        cursor.execute(f"SELECT 1 FROM {_quote(name)} LIMIT 1")
        if cursor.fetchone():
            return False
    return True


# --- Comparing (tests/test_snapshot.py) -----------------------------------------------------------------

# When a row was written (the two loads compared run at different moments), and the random folder names that
# uploaded pictures get (condition/images.py): the same picture has another name on each load.
MOMENT = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d(:?\d\d)?|Z)?")
RANDOM_NAME = re.compile(r"\b[0-9a-f]{32}\b")
# The content version is the time of the last change, in microseconds (pagecache/cache.py).
CLOCK_TABLES = {"condition_contentversion"}


def _timeless(value):
    if isinstance(value, datetime.datetime):
        return "<moment>"
    if isinstance(value, bytes):
        value = value.decode()
    if isinstance(value, str):
        return RANDOM_NAME.sub("<name>", MOMENT.sub("<moment>", value))
    return value


def state():
    """Every row of every table (generated columns too), the full-text index's every entry, and the media
    files: what two loads must agree on, moments of writing aside."""
    found = {}
    with connection.cursor() as cursor:
        for name in tables(cursor):
            if connection.vendor == "sqlite":
                content = read(cursor, name)
            else:
                cursor.execute(f"SELECT * FROM {_quote(name)} LIMIT 0")
                content = read(cursor, name, [column[0] for column in cursor.description])
            if name in CLOCK_TABLES:
                rows = [len(content.rows)]
            else:
                rows = _sorted(
                    tuple(_timeless(v) for v in row) if isinstance(row, tuple) else _timeless(row)
                    for row in content.rows
                )
            found[name] = (content.columns, rows)
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%%fts5(%%'"
            )
            for (name,) in cursor.fetchall():
                # Every (term, row, column, position) the index holds, whatever the layout of its pages.
                cursor.execute(f"CREATE VIRTUAL TABLE temp.snapshot_terms USING fts5vocab(main, {name}, 'instance')")
                cursor.execute('SELECT term, doc, col, "offset" FROM temp.snapshot_terms ORDER BY 1, 2, 3, 4')
                found[f"{name} (index)"] = cursor.fetchall()
                cursor.execute("DROP TABLE temp.snapshot_terms")
    found["media files"] = sorted((_timeless(name), data) for name, data in _files(settings.MEDIA_ROOT).items())
    return found

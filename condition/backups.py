"""A whole-portal backup: every table (history, feedback, quiz attempts, staff) and the media files.

`export_content` is content only. A backup is the database as it stood at one
moment, taken while the portal runs, plus the files in the media folder:

- SQLite: SQLite's own online backup API (`sqlite3.Connection.backup`), which
  copies a consistent snapshot even while workers write.
- PostgreSQL: `pg_dump --format=custom` (Debian's postgresql-client), itself
  one consistent snapshot; `pg_restore --clean --single-transaction` restores it.

A backup is a folder: `database.sqlite3` or `database.pgdump`, `media.tar`,
and `backup.json` saying what is inside.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

MANIFEST = "backup.json"
FORMAT = "omsportal-backup"


class BackupError(Exception):
    pass


def _database():
    return settings.DATABASES["default"]


def _engine():
    # The vendor, not the ENGINE path: the portal's own SQLite backend (omsportal.sqlite) is SQLite too.
    vendor = connections["default"].vendor
    if vendor in ("sqlite", "postgresql"):
        return vendor
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {_database()['ENGINE']}.")


def _executable(program):
    executable = shutil.which(program)
    if not executable:
        raise BackupError(f"{program} is missing: install Debian's postgresql-client.")
    return executable


def _pg_command(program, *args):
    executable = _executable(program)
    db = _database()
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [executable, "--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    command += ["--username", db.get("USER") or "", "--dbname", db["NAME"], *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()[:2000]}")


def _media_root():
    root = Path(settings.MEDIA_ROOT)
    backend = settings.STORAGES["default"]["BACKEND"]
    return root if backend.endswith("FileSystemStorage") else None


def write_backup(folder):
    """Write a backup into `folder` (created, must be empty); returns the manifest."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: choose a new folder for each backup.")
    folder.mkdir(parents=True, exist_ok=True)
    engine = _engine()
    if engine == "sqlite":
        database = "database.sqlite3"
        source = sqlite3.connect(_database()["NAME"])
        target = sqlite3.connect(folder / database)
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        database = "database.pgdump"
        _pg_command("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(folder / database))
    media = _media_root()
    media_files = 0
    if media is not None:
        with tarfile.open(folder / "media.tar", "w") as archive:
            if media.is_dir():
                for path in sorted(media.rglob("*")):
                    if path.is_file():
                        archive.add(path, arcname=str(path.relative_to(media)))
                        media_files += 1
    manifest = {
        "format": FORMAT,
        "engine": engine,
        "database": database,
        "media": "media.tar" if media is not None else None,
        "media_files": media_files,
        "written_at": timezone.now().isoformat(),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1))
    return manifest


def read_manifest(folder):
    try:
        manifest = json.loads((Path(folder) / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a backup written by `manage.py backup`: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{folder} is not a backup written by `manage.py backup`.")
    return manifest


def restore_backup(folder):
    """Replace the whole database and the media files with the backup in `folder`."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    engine = _engine()
    if manifest.get("engine") != engine:
        raise BackupError(f"The backup is of a {manifest.get('engine')} database; this portal uses {engine}.")
    database = folder / str(manifest.get("database"))
    if not database.is_file():
        raise BackupError(f"{database} is missing.")
    media = _media_root()
    archive_path = folder / manifest["media"] if manifest.get("media") and media is not None else None
    if archive_path is not None:
        _check_archive(archive_path, media)  # before anything is replaced: all or nothing
    # Every check comes before the first change, and before the open connections are closed.
    if engine == "sqlite":
        _check_sqlite_database(database)
    else:
        _check_pg_archive(database)
    connections.close_all()
    if engine == "sqlite":
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        target = sqlite3.connect(_database()["NAME"])
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        _pg_command("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(database))
    if archive_path is not None:
        with tarfile.open(archive_path) as archive:
            archive.extractall(media, filter="data")
    return manifest


def _check_sqlite_database(path):
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(f"{path.name} is damaged; nothing was changed.")
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path.name} is not a readable database ({error}); nothing was changed.") from error
    finally:
        source.close()


def _check_pg_archive(path):
    """pg_restore reads the whole table of contents of a dump it can restore; anything else it refuses."""
    result = subprocess.run([_executable("pg_restore"), "--list", str(path)], capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(
            f"{path.name} is not a readable database dump ({result.stderr.strip()[:500]}); nothing was changed."
        )


def _check_archive(path, media):
    """Every member of the media archive would be extracted as a plain file or folder inside `media`."""
    try:
        with tarfile.open(path) as archive:
            for member in archive.getmembers():
                try:
                    tarfile.data_filter(member, str(media))
                except tarfile.FilterError as error:
                    raise BackupError(f"{path.name} holds {member.name!r}, which is refused: {error}") from error
    except tarfile.TarError as error:
        raise BackupError(f"{path.name} is not a readable archive: {error}") from error

"""Static files in tests as in production: collected, hashed and compressed (issue 20).

Tests use the production storage (whitenoise's CompressedManifestStaticFilesStorage),
so every `{% static %}` resolves to a hashed name from the manifest and a
missing file fails as it would on a clinic's server. Collecting takes about
9 s, so it is done once into a folder named by a digest of what goes into it
(every file the finders list, the storage and the library versions): later
sessions, and every xdist worker, reuse it while nothing changed. A lock
makes concurrent sessions wait for one build; the folder appears whole (built
beside it, then renamed).
"""

import fcntl
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

KEEP_OLD_BUILDS = 24 * 60 * 60  # seconds: a build another session may still be reading


def _digest():
    from importlib.metadata import version

    from django.apps import apps
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256(
        repr((version("django"), version("whitenoise"), settings.STATIC_URL, settings.STORAGES["staticfiles"])).encode()
    )
    ignore = apps.get_app_config("staticfiles").ignore_patterns
    found = sorted(
        (path, storage.path(path)) for finder in get_finders() for path, storage in finder.list(ignore) if storage
    )
    for path, full_path in found:
        digest.update(path.encode() + b"\0" + Path(full_path).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def collect(root):
    """The folder under `root` holding this code's collected static files, built if it is not there yet."""
    from django.core.management import call_command
    from django.test import override_settings

    root = Path(root)
    target = root / _digest()
    if (target / "staticfiles.json").exists():
        return target
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not target.exists():
            building = Path(tempfile.mkdtemp(dir=root, prefix=".building-"))
            with override_settings(STATIC_ROOT=building):
                call_command("collectstatic", interactive=False, verbosity=0)
            building.chmod(0o755)
            building.rename(target)
            for old in root.iterdir():
                if old != target and old.is_dir() and time.time() - old.stat().st_mtime > KEEP_OLD_BUILDS:
                    shutil.rmtree(old, ignore_errors=True)
    return target


def use(root):
    """Point STATIC_ROOT at the collected files for the rest of the session."""
    from django.conf import settings
    from django.test.signals import setting_changed

    settings.STATIC_ROOT = collect(root)
    # What override_settings would send: the static storage forgets the old folder.
    setting_changed.send(sender=None, setting="STATIC_ROOT", value=settings.STATIC_ROOT, enter=True)

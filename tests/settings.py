"""Test settings: the real settings, with a test key and fast password hashing."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("DJANGO_HTTPS", "false")
# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from omsportal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="omsportal-tests-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production's storage: hashed, compressed names from the manifest, so a template or view that
    # names a static file wrongly fails here as on a clinic's server (issue 20). Collected once per
    # code change into var/test-static/ (tests/static_files.py, called from tests/conftest.py).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
TEST_STATIC_ROOT = BASE_DIR / "var" / "test-static"  # noqa: F405
CACHES = {
    "default": {"BACKEND": "omsportal.caches.LocalMemoryCache", "LOCATION": "tests"},
    "ratelimit": {"BACKEND": "omsportal.caches.LocalMemoryCache", "LOCATION": "tests-ratelimit"},
}

LAST_GOOD_DIR = Path(tempfile.mkdtemp(prefix="omsportal-tests-")) / "last-good"

if DATABASES["default"]["ENGINE"] == "omsportal.sqlite":  # noqa: F405
    # In memory, as Django's own SQLite backend tests; said outright because pytest-django would
    # otherwise take the portal's backend for a server and give each xdist worker a file name.
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}  # noqa: F405

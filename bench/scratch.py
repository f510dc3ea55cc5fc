"""A portal in a scratch folder for the in-process benchmarks (bench/scale.py, bench/quiz_results.py).

Its own SQLite database, cache, media and static folders, migrated, with the
static files collected and the default OMS content loaded: never the real data.
"""

import os
import shutil
import tempfile
from pathlib import Path


def scratch_portal(prefix):
    """Set up Django on a new scratch folder (returned; `remove()` it when done)."""
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="omsportal.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-scratch-only-secret-key-0123456789abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_HTTPS="false",
        DJANGO_RATELIMIT="false",
        DJANGO_SITE_URL="https://oms.example.org",
        DATABASE_URL=f"sqlite:///{scratch / 'db.sqlite3'}",
        DJANGO_CACHE_DIR=str(scratch / "cache"),
        DJANGO_MEDIA_ROOT=str(scratch / "media"),
        DJANGO_STATIC_ROOT=str(scratch / "static"),
        DJANGO_LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("load_oms_content", stdout=open(os.devnull, "w"))
    return scratch


def remove(scratch):
    shutil.rmtree(scratch, ignore_errors=True)

"""Where files made at run time (handouts built ahead) are kept: a shared folder, or S3-compatible storage."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    'from django.conf import settings; from django.core.files.storage import storages; s = storages["default"]; '
    "print(type(s).__module__, type(s).__name__, getattr(s, 'bucket_name', ''), getattr(s, 'location', ''))"
)


def storage_with(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(DJANGO_DEBUG="true", DJANGO_SETTINGS_MODULE="omsportal.settings", **env)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split()


def test_files_go_to_the_media_folder_by_default(tmp_path):
    module, name, *rest = storage_with(DJANGO_MEDIA_ROOT=str(tmp_path / "media"))
    assert (module, name) == ("django.core.files.storage.filesystem", "FileSystemStorage")
    assert rest == [str(tmp_path / "media")]


def test_a_bucket_name_selects_s3_compatible_storage():
    module, name, bucket, prefix = storage_with(DJANGO_S3_BUCKET="clinic-handouts", DJANGO_S3_PREFIX="oms")
    assert (module, name, bucket, prefix) == ("storages.backends.s3", "S3Storage", "clinic-handouts", "oms")

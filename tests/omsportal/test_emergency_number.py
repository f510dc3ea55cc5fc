"""The emergency number ships with the settings, per country, so the emergency line is always a link to tap."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOW = "from django.conf import settings; print(settings.EMERGENCY_NUMBER)"


def start_with(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(DJANGO_DEBUG="true", DJANGO_SETTINGS_MODULE="omsportal.settings", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW], cwd=ROOT, env=clean, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "country, number", [("US", "911"), ("gb", "999"), ("EU", "112"), ("ES", "112"), ("AU", "000"), (None, "911")]
)
def test_the_country_gives_the_emergency_number(country, number):
    result = start_with(**({"DJANGO_COUNTRY": country} if country else {}))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == number


def test_a_country_whose_number_is_not_known_must_give_it():
    refused = start_with(DJANGO_COUNTRY="XX")
    assert refused.returncode != 0
    assert "set DJANGO_EMERGENCY_NUMBER" in refused.stderr
    given = start_with(DJANGO_COUNTRY="XX", DJANGO_EMERGENCY_NUMBER="123")
    assert given.returncode == 0, given.stderr
    assert given.stdout.strip().splitlines()[-1] == "123"

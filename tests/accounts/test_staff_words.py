"""The admin speaks to nurses in their words: no library names, a heading on the sign-in page, a language column."""

import pytest
from django.urls import reverse

from condition.models import PageFeedback
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def test_the_admin_home_names_the_sign_in_apps_in_plain_words(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    for library in ["Axes", "AXES", "Otp_Totp", "OTP_TOTP", "Otp_Static", "OTP_STATIC"]:
        assert f">{library}<" not in html, library
    assert "Sign-in attempts and lockouts" in html
    assert "Authenticator apps for sign-in codes" in html and "Recovery codes for sign-in" in html


def test_the_sign_in_page_has_a_main_heading(client):
    html = client.get(reverse("admin:login")).content.decode()
    assert "<h1>Staff sign-in</h1>" in html


def test_the_feedback_list_shows_each_answers_language(admin_client):
    PageFeedback.objects.create(page=PageFactory(language="es"), helpful=True)
    html = admin_client.get(reverse("admin:condition_pagefeedback_changelist")).content.decode()
    assert "column-language" in html
    assert '<td class="field-language">Español</td>' in html

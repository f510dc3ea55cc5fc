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


def test_a_nurse_never_sees_the_sign_in_apps_at_all(editor_client):
    """Editors and Clinical reviewers hold no permission on sign-in records: only superusers see those apps."""
    html = editor_client.get(reverse("admin:index")).content.decode()
    for name in ["Sign-in attempts and lockouts", "Authenticator apps", "Recovery codes for sign-in", "otp_", "axes"]:
        assert name not in html, name


def test_the_code_step_shows_no_admin_menu_before_the_code(client, reviewer):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=reviewer, name="Phone", confirmed=True)
    client.force_login(reviewer)
    response = client.get(reverse("admin:second_factor"))
    html = response.content.decode()
    assert response.status_code == 200 and "Enter your sign-in code" in html
    assert 'id="nav-sidebar"' not in html and "toggle-nav-sidebar" not in html
    assert "/admin/condition/page/" not in html and "Pages" not in html
    assert 'id="user-tools"' not in html


def test_the_admin_menu_is_back_once_the_code_is_given(reviewer_client):
    html = reviewer_client.get(reverse("admin:condition_page_changelist")).content.decode()
    assert 'id="nav-sidebar"' in html


def test_the_feedback_list_filters_by_language(admin_client):
    PageFeedback.objects.create(page=PageFactory(language="es"), helpful=True, comment="Muy útil")
    PageFeedback.objects.create(page=PageFactory(), helpful=False, comment="Too long")
    url = reverse("admin:condition_pagefeedback_changelist")
    html = admin_client.get(url).content.decode()
    assert "?language=es" in html and "By language" in html
    spanish = admin_client.get(url + "?language=es").content.decode()
    assert "Muy útil" in spanish and "Too long" not in spanish


def test_adding_a_user_is_one_screen_and_the_group_makes_them_staff(admin_client):
    from django.contrib.auth.models import Group, User

    url = reverse("admin:auth_user_add")
    html = admin_client.get(url).content.decode()
    for name in ["username", "password1", "password2", "first_name", "last_name", "email", "groups"]:
        assert f'name="{name}"' in html, name
    assert 'name="is_staff"' not in html and 'name="usable_password"' not in html
    editors = Group.objects.get(name="Editors")
    response = admin_client.post(
        url,
        {
            "username": "nina",
            "password1": "a-long-nurse-password",
            "password2": "a-long-nurse-password",
            "first_name": "Nina",
            "last_name": "Nurse",
            "email": "nina@clinic.example",
            "groups": [editors.pk],
            "_save": "Save",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("admin:auth_user_changelist")
    nina = User.objects.get(username="nina")
    assert nina.is_staff and list(nina.groups.all()) == [editors]
    assert (nina.get_full_name(), nina.email) == ("Nina Nurse", "nina@clinic.example")
    assert nina.check_password("a-long-nurse-password")


def test_a_new_user_needs_a_group(admin_client):
    from django.contrib.auth.models import User

    data = {"username": "nogroup", "password1": "a-long-nurse-password", "password2": "a-long-nurse-password"}
    response = admin_client.post(reverse("admin:auth_user_add"), data)
    assert response.status_code == 200 and not User.objects.filter(username="nogroup").exists()


def test_taking_someone_out_of_every_group_ends_their_staff_access(admin_client, editor):
    url = reverse("admin:auth_user_change", args=[editor.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="is_staff"' not in html and 'name="groups"' in html
    joined = editor.date_joined
    data = {
        "username": editor.username,
        "first_name": editor.first_name,
        "last_name": editor.last_name,
        "email": editor.email,
        "is_active": "on",
        "date_joined_0": joined.strftime("%Y-%m-%d"),
        "date_joined_1": joined.strftime("%H:%M:%S"),
        "_save": "Save",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    editor.refresh_from_db()
    assert not editor.is_staff and not editor.groups.exists()


def test_the_quiz_question_form_names_every_column_and_labels_every_input(admin_client):
    import re

    from quizzes.models import Quiz
    from tests.factories import QuizFactory, question_with_choices

    question = question_with_choices(QuizFactory(status=Quiz.Status.DRAFT))
    html = admin_client.get(reverse("admin:quizzes_question_change", args=[question.pk])).content.decode()
    table = re.search(r'<div class="tabular.*?</table>', html, re.S).group(0)
    assert not re.search(r"<th[^>]*>\s*</th>", table)
    inputs = re.findall(r'<input[^>]*type="(?:text|number|checkbox)"[^>]*id="([^"]+)"', table)
    inputs += re.findall(r'<input[^>]*id="([^"]+)"[^>]*type="(?:text|number|checkbox)"', table)
    assert inputs
    for input_id in set(inputs):
        if "__prefix__" not in input_id:
            assert f'for="{input_id}"' in table, input_id


def test_the_user_form_has_no_date_boxes_nor_permission_filter(admin_client, editor):
    html = admin_client.get(reverse("admin:auth_user_change", args=[editor.pk])).content.decode()
    assert 'name="last_login_0"' not in html and 'name="date_joined_0"' not in html  # shown, not typed
    assert 'name="user_permissions"' not in html and "selectfilter" not in html

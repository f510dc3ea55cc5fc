"""The admin speaks each staff member's own language (their choice on Your language); families' pages do not follow it."""

import pytest
from django.urls import reverse

from accounts.models import StaffProfile

pytestmark = pytest.mark.django_db


def test_a_staff_member_chooses_spanish_and_gets_a_spanish_admin(reviewer_client, reviewer):
    url = reverse("admin:your_language")
    page = reviewer_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="language" value="es"' in html and "Español" in html
    response = reviewer_client.post(url, {"language": "es"}, follow=True)
    assert StaffProfile.objects.get(user=reviewer).language == "es"
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "El panel de administración le habla ahora en Español." in html

    home = reviewer_client.get(reverse("admin:index")).content.decode()
    assert '<html lang="es"' in home
    assert "Cerrar sesión" in home  # Django's own admin words, in Django's Spanish
    assert "Esperando revisión" in home  # the portal's own admin words
    assert "Su idioma" in home  # the link to choose it again


def test_the_choice_is_kept_for_the_next_sign_in(client, editor):
    StaffProfile.objects.create(user=editor, language="es")
    client.post(reverse("admin:login"), {"username": "eddie", "password": "a-long-test-password"})
    assert '<html lang="es"' in client.get(reverse("admin:index")).content.decode()


def test_families_pages_keep_the_language_of_their_address(reviewer_client, oms_content):
    reviewer_client.post(reverse("admin:your_language"), {"language": "es"})
    assert '<html lang="es"' in reviewer_client.get(reverse("admin:index")).content.decode()
    home = reviewer_client.get("/").content.decode()
    assert '<html lang="en"' in home
    assert '<html lang="es"' in reviewer_client.get("/es/").content.decode()


def test_other_staff_keep_english(client, editor, reviewer):
    from tests.conftest import verified_login

    StaffProfile.objects.create(user=reviewer, language="es")
    client.force_login(editor)
    assert '<html lang="en"' in client.get(reverse("admin:index")).content.decode()
    verified_login(client, reviewer)
    assert '<html lang="es"' in client.get(reverse("admin:index")).content.decode()


def test_a_language_not_offered_is_refused(reviewer_client, reviewer):
    response = reviewer_client.post(reverse("admin:your_language"), {"language": "xx"})
    assert response.status_code == 400
    assert not StaffProfile.objects.filter(user=reviewer).exists()


def test_the_portals_own_admin_words_are_spanish_too(reviewer_client, oms_content):
    from condition.models import Page

    reviewer_client.post(reverse("admin:your_language"), {"language": "es"})
    home = reviewer_client.get(reverse("admin:index")).content.decode()
    assert "Consejos de cuidado" in home and "Cuestionarios" in home  # model names in the app list
    page = Page.objects.live().first()
    form = reviewer_client.get(reverse("admin:condition_page_change", args=[page.pk])).content.decode()
    assert "Puntos clave" in form and "Una pregunta o frase corta que las familias buscarían." in form
    listing = reviewer_client.get(reverse("admin:condition_page_changelist")).content.decode()
    assert "Revisión pendiente" in listing and "Publicado" in listing

"""A topic page's address, filled into a pattern made once per language, is exactly what reverse() gives."""

from django.urls import reverse, set_script_prefix
from django.utils import translation

from condition.addresses import page_address


def test_a_page_address_is_reverses_in_each_language():
    for language in ("en", "es"):
        with translation.override(language):
            assert page_address("treatment") == reverse("condition:page", kwargs={"slug": "treatment"})
    with translation.override("es"):
        assert page_address("treatment") == "/es/topics/treatment/"
    with translation.override("en"):
        assert page_address("treatment") == "/topics/treatment/"


def test_a_page_address_follows_the_script_prefix_of_a_portal_under_a_path():
    set_script_prefix("/clinic/")
    try:
        assert page_address("treatment") == "/clinic/topics/treatment/"
    finally:
        set_script_prefix("/")
    assert page_address("treatment") == "/topics/treatment/"


def test_other_named_addresses_with_a_slug_work_and_odd_characters_are_quoted():
    assert page_address("treatment", "condition:page_handout") == reverse(
        "condition:page_handout", kwargs={"slug": "treatment"}
    )
    assert page_address("a b/c") == "/topics/a%20b%2Fc/"

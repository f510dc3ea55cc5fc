"""Template helpers for content shown in the reader's language (condition.translations)."""

from django import template
from django.urls import reverse
from django.utils import translation

from condition import translations
from condition.content import ORIGINAL_LANGUAGE

register = template.Library()


@register.filter
def is_out_of_date(item):
    return translations.is_out_of_date(item)


@register.simple_tag
def original_url(item):
    """The address of the item in the original language: a translation shares its original's
    slug or key (condition.translations.sync_from_original), so no query is needed."""
    with translation.override(ORIGINAL_LANGUAGE):
        return item.get_absolute_url() if hasattr(item, "get_absolute_url") else reverse("condition:home")


@register.simple_tag
def lang_attr(item):
    """` lang="en"` on an item shown in a language other than the page's, else nothing."""
    from django.utils.html import format_html

    if getattr(item, "shown_in_original", False):
        return format_html(' lang="{}"', item.language)
    return ""


@register.simple_tag
def section_lang(item):
    """` lang="en"` on a rendered section shown in the original's words (the translation lacks it)."""
    from django.utils.html import format_html

    if getattr(getattr(item, "section", None), "shown_in_original", False):
        return format_html(' lang="{}"', ORIGINAL_LANGUAGE)
    return ""


@register.simple_tag
def reader_language_name():
    """The reader's language named in itself, for a sentence ("español"): Django's name, else the setting's."""
    from django.conf import settings

    code = translation.get_language() or ORIGINAL_LANGUAGE
    try:
        return translation.get_language_info(code)["name_local"]
    except KeyError:  # a language Django does not know: the name settings.LANGUAGES gives it
        return dict(settings.LANGUAGES).get(code, code)

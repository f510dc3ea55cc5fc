"""The file field of a picture in the admin: the stored picture itself, a preview of a new choice, and,
when the form comes back with errors, a clear request to choose the file again.

Browsers never fill a file field in again, so a form shown a second time has
dropped the chosen file: the field says so, naming it. Nothing here checks a
file; every upload goes through condition.images on save, as before.
"""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext

from condition.languages import default_url


def _url(name):
    # As condition.images.url (which makes this widget its fields' own): one address in every language.
    return default_url("condition:image", kwargs={"name": name})


class _Stored:
    """The stored file as the stock widget shows it: a link to the picture, not its folder and file name."""

    def __init__(self, name):
        self.url = _url(name)

    def __str__(self):
        return gettext("open the stored picture")


class PictureInput(forms.ClearableFileInput):
    chosen_name = ""  # the file chosen in the post this form is shown again after

    class Media:
        js = ["js/admin-picture-preview.js"]

    def value_from_datadict(self, data, files, name):
        upload = files.get(name)
        if upload is not None:
            self.chosen_name = upload.name
        return super().value_from_datadict(data, files, name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["attrs"]["data-picture-preview"] = gettext("The picture you chose (not saved yet)")
        if widget["is_initial"]:
            widget["value"] = _Stored(value.name)
        return context

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        return format_html(
            '<div class="picture-input">{}{}{}</div>', self._stored_picture(value), field, self._choose_again()
        )

    def _stored_picture(self, value):
        if not self.is_initial(value):
            return ""
        pictures = getattr(type(value.instance), "pictures", {})
        property_name = pictures.get(value.field.name, (None,))[0]
        picture = getattr(value.instance, property_name) if property_name else None
        if picture is None or not picture.name:
            return ""
        smallest = picture.renditions[0]["fallback"] if picture.renditions else picture.name
        return format_html(
            '<img class="picture-stored" src="{}" alt="{}" width="{}" height="{}">',
            _url(smallest),
            picture.alt,
            picture.renditions[0]["w"] if picture.renditions else "",
            picture.renditions[0]["h"] if picture.renditions else "",
        )

    def _choose_again(self):
        if not self.chosen_name:
            return ""
        return format_html(
            '<p class="picture-again" role="alert">{}</p>',
            gettext("Choose the picture again: “%(name)s” was not kept, because the form had something to correct.")
            % {"name": self.chosen_name},
        )

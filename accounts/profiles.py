"""A staff member's own choices: the language of the admin."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.middleware import SESSION_KEY
from accounts.models import StaffProfile


def remember_language(sender, request, user, **kwargs):
    """user_logged_in: the admin speaks the staff member's language from the first page after sign-in."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = StaffProfile.language_for(user)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the admin"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Only this admin changes: families' pages keep the language of their address."),
    )


def your_language(request, admin_site):
    current = StaffProfile.language_for(request.user)
    form = LanguageForm(request.POST or None, initial={"language": current})
    if form.is_valid():
        language = form.cleaned_data["language"]
        StaffProfile.objects.update_or_create(user=request.user, defaults={"language": language})
        request.session[SESSION_KEY] = language
        with translation.override(language):
            messages.success(
                request,
                _("The admin now speaks to you in %(language)s.") % {"language": dict(settings.LANGUAGES)[language]},
            )
        return redirect("admin:your_language")
    context = {**admin_site.each_context(request), "title": _("Your language"), "form": form}
    return render(request, "accounts/your_language.html", context, status=400 if form.is_bound else 200)

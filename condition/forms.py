from django import forms
from django.utils.translation import gettext_lazy as _

from condition.models import PageFeedback


class FeedbackForm(forms.ModelForm):
    helpful = forms.TypedChoiceField(
        label=_("Was this page helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no."), "invalid_choice": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("Anything we should add or explain better? (optional)"),
        help_text=_("Please do not include names or health details. Up to 500 characters."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
    )

    class Meta:
        model = PageFeedback
        fields = ["helpful", "comment"]

    def clean_comment(self):
        # Drop control characters (other than new lines) that some devices paste in.
        comment = self.cleaned_data["comment"]
        return "".join(ch for ch in comment if ch in "\n\t" or ch.isprintable()).strip()

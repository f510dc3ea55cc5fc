import random

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class QuizForm(forms.Form):
    """One radio group per question; choices in an order fixed by `seed`."""

    def __init__(self, *args, questions, seed, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        shuffler = random.Random(seed)
        total = len(questions)
        for number, question in enumerate(questions, start=1):
            choices = list(question.choices.all())
            shuffler.shuffle(choices)
            self.fields[self.field_name(question)] = forms.TypedChoiceField(
                label=_("Question %(number)d of %(total)d: %(prompt)s")
                % {"number": number, "total": total, "prompt": question.prompt},
                choices=[(choice.pk, choice.text) for choice in choices],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Question %(number)d: please choose an answer.") % {"number": number},
                    "invalid_choice": _("Question %(number)d: please choose one of the answers shown.")
                    % {"number": number},
                },
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    @staticmethod
    def field_name(question):
        return f"question_{question.pk}"

    def chosen(self):
        """(question, choice) pairs for a valid form."""
        pairs = []
        for question in self.questions:
            choice_id = self.cleaned_data[self.field_name(question)]
            choice = next(choice for choice in question.choices.all() if choice.pk == choice_id)
            pairs.append((question, choice))
        return pairs

    def question_errors(self):
        """(field id, message) for the error summary at the top of the form."""
        return [
            (self[name].auto_id, error)
            for name, errors in self.errors.items()
            if name in self.fields
            for error in errors
        ]


class ResultsFilterForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("The start date must be on or before the end date."))
        return cleaned

"""Which numbers a care box shows, from the clinic profile, with a fallback for every missing one.

A box never shows a blank: while a number is missing it says what to do
instead, at the box's own urgency (calls_for).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from condition.models import CareAdvice, tel_href


@dataclass(frozen=True)
class Call:
    label: str  # e.g. "After hours"
    number: str = ""  # as the clinic wrote it; empty when missing
    fallback: str = ""  # what to do instead while the number is missing
    emergency: bool = False  # the emergency number: shown unlike the clinic's own numbers

    @property
    def href(self):
        return tel_href(self.number)


# What a care box of each urgency says, in the family's language. The model's
# choice labels (CareAdvice.Urgency) are English only; the words are the same.
LEVELS = {
    CareAdvice.Urgency.EMERGENCY: (
        pgettext_lazy("care level", "Emergency"),
        pgettext_lazy("care level", "Call the emergency number now."),
    ),
    CareAdvice.Urgency.URGENT: (
        pgettext_lazy("care level", "Urgent"),
        pgettext_lazy("care level", "Call the clinic now, day or night."),
    ),
    CareAdvice.Urgency.SOON: (
        pgettext_lazy("care level", "Soon"),
        pgettext_lazy("care level", "Call the clinic the same day."),
    ),
}


def level_label(advice):
    """E.g. "Urgent"."""
    return str(LEVELS[advice.urgency][0])


def how_fast(advice):
    """E.g. "Call the clinic now, day or night." """
    return str(LEVELS[advice.urgency][1])


def emergency_call(clinic):
    """The emergency number: the clinic's, or the country's from settings, so it is always a tap-to-call link."""
    return Call(pgettext("phone number", "Emergency"), clinic.emergency_number, emergency=True)


def calls_for(urgency, clinic):
    """The numbers to show in a box of this urgency, the one to call first at the top.

    A missing number is replaced by what to do instead, at the box's own urgency:
    an emergency goes to the emergency number, an urgent call that finds no
    number goes to the emergency department, and a same-day call waits for the
    clinic's next opening or goes to the local out-of-hours service (never to the
    emergency number: a chickenpox contact is not an emergency).
    """
    if urgency == CareAdvice.Urgency.EMERGENCY:
        return [emergency_call(clinic)]
    daytime, after_hours = _clinic_calls(urgency, clinic)
    if urgency == CareAdvice.Urgency.URGENT:
        # Urgent means day or night: the number that always answers comes first, and the emergency
        # number is at hand for the signs in the box that need it.
        return [after_hours, daytime, emergency_call(clinic)]
    return [daytime, after_hours]


def _clinic_calls(urgency, clinic):
    """The daytime and after-hours calls, each with the fallback for `urgency` while its number is missing."""
    if urgency == CareAdvice.Urgency.URGENT:
        daytime = _("Call your child's doctor now. If you cannot reach them, go to the nearest emergency department.")
        after_hours = _("Go to the nearest emergency department now.")
    else:
        daytime = _("Call your child's doctor today.")
        after_hours = _("Call the clinic when it opens next morning, or your local out-of-hours medical service.")
    return (
        _number_or(_("Daytime"), clinic.phone, daytime),
        _number_or(_("After hours"), clinic.after_hours_phone, after_hours),
    )


def _number_or(label, number, fallback):
    return Call(label, number) if tel_href(number) else Call(label, fallback=fallback)


def all_calls(clinic):
    """Every number families may need (Get help now), the emergency number first, with the urgent fallbacks."""
    daytime, after_hours = _clinic_calls(CareAdvice.Urgency.URGENT, clinic)
    return [emergency_call(clinic), after_hours, daytime]


def most_urgent_first(sections):
    """Care boxes that stand together read most urgent first; everything else keeps the order staff gave it."""
    ordered, run = [], []
    for section in sections:
        if section.care_advice_id:
            run.append(section)
            continue
        ordered += sorted(run, key=lambda box: box.care_advice.urgency)
        run = []
        ordered.append(section)
    return ordered + sorted(run, key=lambda box: box.care_advice.urgency)

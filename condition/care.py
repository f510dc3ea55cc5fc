"""Which numbers a care box shows, from the clinic profile, with a fallback for every missing one.

A box never shows a blank: while a number is missing it tells families whom
to call instead (the emergency number, or their child's doctor).
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
    label = pgettext("phone number", "Emergency")
    if tel_href(clinic.emergency_phone):
        return Call(label, clinic.emergency_phone)
    return Call(label, fallback=_("Call your local emergency number."))


def calls_for(urgency, clinic):
    """The numbers to show in a box of this urgency, the one to call first at the top."""
    if urgency == CareAdvice.Urgency.EMERGENCY:
        return [emergency_call(clinic)]
    emergency = clinic.emergency_phone.strip() or _("your local emergency number")
    daytime_label, after_hours_label = _("Daytime"), _("After hours")
    daytime = (
        Call(daytime_label, clinic.phone)
        if tel_href(clinic.phone)
        else Call(daytime_label, fallback=_("Call your child's doctor."))
    )
    if tel_href(clinic.after_hours_phone):
        after_hours = Call(after_hours_label, clinic.after_hours_phone)
    elif urgency == CareAdvice.Urgency.URGENT:
        # "Call your child's doctor" cannot be acted on at 2 a.m.
        after_hours = Call(
            after_hours_label,
            fallback=_("Call %(emergency)s or go to the nearest emergency department now.") % {"emergency": emergency},
        )
    else:
        after_hours = Call(
            after_hours_label,
            fallback=_("Call your child's doctor, or %(emergency)s if you cannot reach anyone.")
            % {"emergency": emergency},
        )
    # Urgent means day or night: the number that always answers comes first.
    return [after_hours, daytime] if urgency == CareAdvice.Urgency.URGENT else [daytime, after_hours]


def all_calls(clinic):
    """Every number families may need, the emergency number first."""
    return [emergency_call(clinic), *calls_for(CareAdvice.Urgency.URGENT, clinic)]


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

"""Which numbers a care box shows, from the clinic profile, with a fallback for every missing one.

A box never shows a blank: while a number is missing it tells families whom
to call instead (the emergency number, or their child's doctor).
"""

from dataclasses import dataclass

from condition.models import CareAdvice, tel_href


@dataclass(frozen=True)
class Call:
    label: str  # e.g. "After hours"
    number: str = ""  # as the clinic wrote it; empty when missing
    fallback: str = ""  # what to do instead while the number is missing

    @property
    def href(self):
        return tel_href(self.number)


def emergency_call(clinic):
    if tel_href(clinic.emergency_phone):
        return Call("Emergency", clinic.emergency_phone)
    return Call("Emergency", fallback="Call your local emergency number.")


def calls_for(urgency, clinic):
    """The numbers to show in a box of this urgency, most important first."""
    if urgency == CareAdvice.Urgency.EMERGENCY:
        return [emergency_call(clinic)]
    emergency = clinic.emergency_phone.strip() or "your local emergency number"
    daytime = (
        Call("Daytime", clinic.phone)
        if tel_href(clinic.phone)
        else Call("Daytime", fallback="Call your child's doctor.")
    )
    after_hours = (
        Call("After hours", clinic.after_hours_phone)
        if tel_href(clinic.after_hours_phone)
        else Call("After hours", fallback=f"Call your child's doctor, or {emergency} if you cannot reach anyone.")
    )
    return [daytime, after_hours]


def all_calls(clinic):
    """Every number families may need, the emergency number first."""
    return [emergency_call(clinic), *calls_for(CareAdvice.Urgency.URGENT, clinic)]

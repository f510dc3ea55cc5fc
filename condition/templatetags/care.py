from django import template

from condition.care import all_calls, calls_for, how_fast, level_label

register = template.Library()


@register.simple_tag
def care_calls(advice, clinic):
    """The numbers (or fallbacks) a care box of this advice's urgency shows."""
    return calls_for(advice.urgency, clinic)


@register.simple_tag
def care_level(advice):
    """ "Emergency", "Urgent" or "Soon", in the family's language."""
    return level_label(advice)


@register.simple_tag
def care_how_fast(advice):
    """E.g. "Call the clinic now, day or night.", in the family's language."""
    return how_fast(advice)


@register.simple_tag
def clinic_calls(clinic):
    """The emergency, daytime and after-hours numbers (or fallbacks), for the help page."""
    return all_calls(clinic)

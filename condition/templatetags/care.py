from django import template

from condition.care import all_calls, calls_for

register = template.Library()


@register.simple_tag
def care_calls(advice, clinic):
    """The numbers (or fallbacks) a care box of this advice's urgency shows."""
    return calls_for(advice.urgency, clinic)


@register.simple_tag
def clinic_calls(clinic):
    """The emergency, daytime and after-hours numbers (or fallbacks), for the help page."""
    return all_calls(clinic)

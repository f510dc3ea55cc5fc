from django.utils.functional import SimpleLazyObject

from condition.models import ClinicProfile


def clinic(request):
    # Lazy: pages that never show the clinic's details pay no query.
    return {"clinic": SimpleLazyObject(ClinicProfile.load)}

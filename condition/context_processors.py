from django.utils.functional import SimpleLazyObject

from condition.models import ClinicProfile


def clinic(request):
    # Lazy: pages that never show the clinic's details pay no query.
    context = {"clinic": SimpleLazyObject(ClinicProfile.load)}
    placeholder = getattr(request, "csrf_placeholder", None)
    if placeholder:
        # A page being cached gets a stand-in token; see condition.cache.public_page.
        context["csrf_token"] = placeholder
    return context

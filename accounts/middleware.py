"""The admin in the language each staff member chose (their StaffProfile), and only the admin."""

from django.urls import reverse
from django.utils import translation

# The choice rides in the session (copied there at sign-in and when changed): no query per admin page.
SESSION_KEY = "accounts_admin_language"


class AdminLanguageMiddleware:
    """Under /admin/, a signed-in staff member's own language; everywhere else, nothing changes.

    After LocaleMiddleware (which gives the admin the site's default, as it has no
    language prefix) and the session and authentication middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        if self.prefix is None:
            self.prefix = reverse("admin:index")
        language = None
        if request.path_info.startswith(self.prefix):
            language = request.session.get(SESSION_KEY)
        if not language:
            return self.get_response(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return self.get_response(request)

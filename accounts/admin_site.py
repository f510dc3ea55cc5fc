from functools import partial, wraps

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from accounts import profiles, second_factor, views


class StaffAdminSite(admin.AdminSite):
    """The admin asks Clinical reviewers and superusers for a one-time code after the password."""

    def has_permission(self, request):
        return super().has_permission(request) and not second_factor.second_factor_owed(request)

    def each_context(self, request):
        """Before the code is given (the code step, setting up an app) no menu: nothing is open yet."""
        context = super().each_context(request)
        if not context["has_permission"]:
            context["available_apps"] = []
            context["is_nav_sidebar_enabled"] = False
        return context

    def login(self, request, extra_context=None):
        user = request.user
        if user.is_active and user.is_staff and second_factor.second_factor_owed(request):
            query = urlencode({"next": request.GET.get("next", "")}) if request.GET.get("next") else ""
            return redirect(reverse("admin:second_factor", current_app=self.name) + (f"?{query}" if query else ""))
        return super().login(request, extra_context)

    def signed_in_with_password(self, view):
        """For the second step: a staff user who has given the password; anyone else goes to the login."""

        @wraps(view)
        def inner(request, *args, **kwargs):
            user = request.user
            if not (user.is_authenticated and user.is_active and user.is_staff):
                return redirect(reverse("admin:login", current_app=self.name))
            return view(request, *args, admin_site=self, **kwargs)

        return never_cache(csrf_protect(inner))

    def get_urls(self):
        return [
            path(
                "your-language/",
                self.admin_view(partial(profiles.your_language, admin_site=self)),
                name="your_language",
            ),
            path("sign-in/code/", self.signed_in_with_password(views.enter_code), name="second_factor"),
            path("sign-in/set-up/", self.signed_in_with_password(views.set_up_app), name="second_factor_setup"),
            path(
                "sign-in/set-up/<str:token>/",
                csrf_protect(partial(views.open_set_up_link, admin_site=self)),
                name="second_factor_link",
            ),
        ] + super().get_urls()

"""The second sign-in step: enter a code, or set up an authenticator app the first time."""

import segno
from django import forms
from django.contrib.auth import logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts import second_factor
from accounts.models import SetUpLink


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows now, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("admin:index")


def _render(request, admin_site, template, context, status=200):
    context = {**admin_site.each_context(request), "next": _next_url(request), **context}
    return render(request, template, context, status=status)


def _too_soon_message(wait, advice):
    return f"Too many wrong codes: wait {wait} seconds, then {advice[0].lower()}{advice[1:]}"


def _wrong_code_message(request, advice):
    wait = second_factor.wait_before_code(request)
    if wait > 2:  # the wait doubles after each wrong code (1 s, 2 s, 4 s...)
        return _too_soon_message(wait, advice)
    return f"That code is not right (or was already used). {advice}"


def _checked(request, form, advice, check):
    """`check(code)` unless this session or address must wait first; an error on the form when refused."""
    if not form.is_valid():
        return None
    wait = second_factor.wait_before_code(request)
    if wait > 0:
        form.add_error("code", _too_soon_message(wait, advice))
        return None
    result = check(form.cleaned_data["code"])
    if result is None:
        form.add_error("code", _wrong_code_message(request, advice))
    return result


def enter_code(request, admin_site):
    if request.method == "POST" and "sign_out" in request.POST:
        logout(request)
        return redirect("admin:login")
    if not second_factor.needs_second_factor(request.user) or second_factor.is_verified(request.user):
        return redirect(_next_url(request))
    if not second_factor.has_app(request.user):
        return redirect(reverse("admin:second_factor_setup") + "?" + urlencode({"next": _next_url(request)}))
    form = CodeForm(request.POST or None)
    status = 200
    device = _checked(
        request, form, "Try the code your app shows now.", lambda code: second_factor.check_code(request, code)
    )
    if device is not None:
        return redirect(_next_url(request))
    if form.is_bound:
        status = 400
    return _render(
        request, admin_site, "accounts/enter_code.html", {"title": "Enter your sign-in code", "form": form}, status
    )


def _link_refused(request, admin_site, message, status):
    context = {"title": _("Set up your sign-in app"), "message": message}
    return _render(request, admin_site, "accounts/set_up_link.html", context, status)


@never_cache
def open_set_up_link(request, token, admin_site):
    """The one-time address an administrator issued: opened before or after the password."""
    link = SetUpLink.objects.for_token(token)
    if link is None:
        return _link_refused(
            request,
            admin_site,
            _(
                "This set-up link has run out, was already used, or was replaced by a newer one. "
                "Ask an administrator for a new link."
            ),
            410,
        )
    user = request.user
    if not user.is_authenticated:
        request.session[second_factor.LINK_SESSION_KEY] = link.token_hash
        return redirect(reverse("admin:login") + "?" + urlencode({"next": reverse("admin:second_factor_setup")}))
    if link.user_id != user.pk:
        return _link_refused(request, admin_site, _("This set-up link is for another account."), 403)
    second_factor.claim_set_up_link(request, link)
    return redirect("admin:second_factor_setup")


def set_up_app(request, admin_site):
    if not second_factor.needs_second_factor(request.user) or second_factor.has_app(request.user):
        return redirect(reverse("admin:second_factor") + "?" + urlencode({"next": _next_url(request)}))
    brought = request.session.pop(second_factor.LINK_SESSION_KEY, None)
    link = SetUpLink.objects.usable().filter(token_hash=brought).first() if isinstance(brought, str) else None
    if link is not None and link.user_id != request.user.pk:
        return _link_refused(request, admin_site, _("This set-up link is for another account."), 403)
    if link is not None:
        second_factor.claim_set_up_link(request, link)
    if not second_factor.may_set_up(request):
        message = _(
            "To set up your sign-in app you need the set-up link an administrator gives you: your password "
            "alone is not enough. Open the link on this device, then sign in."
        )
        return _link_refused(request, admin_site, message, 403)
    device = second_factor.pending_app(request.user)
    form = CodeForm(request.POST or None)
    status = 200
    codes = _checked(
        request,
        form,
        "Check the app shows the OMS family guide, then try its new code.",
        lambda code: second_factor.confirm_app(request, device, code),
    )
    if codes is not None:
        context = {"title": "Your recovery codes", "codes": codes}
        return _render(request, admin_site, "accounts/recovery_codes.html", context)
    if form.is_bound:
        status = 400
    uri = device.config_url
    secret = uri.split("secret=", 1)[1].split("&", 1)[0]
    context = {
        "title": "Set up your sign-in app",
        "form": form,
        "otpauth_uri": uri,
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "qr": mark_safe(segno.make(uri, error="m").svg_inline(scale=4, border=2, title="QR code for your sign-in app")),
    }
    return _render(request, admin_site, "accounts/set_up_app.html", context, status)

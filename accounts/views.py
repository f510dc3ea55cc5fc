"""The second sign-in step: enter a code, or set up an authenticator app the first time."""

import segno
from django import forms
from django.contrib.auth import logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe

from accounts import second_factor


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


def enter_code(request, admin_site):
    if request.method == "POST" and "sign_out" in request.POST:
        logout(request)
        return redirect("admin:login")
    if not second_factor.needs_second_factor(request.user) or second_factor.is_verified(request.user):
        return redirect(_next_url(request))
    if not second_factor.has_app(request.user):
        return redirect(reverse("admin:second_factor_setup") + f"?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    status = 200
    if form.is_valid():
        device = second_factor.check_code(request, form.cleaned_data["code"])
        if device is not None:
            return redirect(_next_url(request))
        form.add_error("code", "That code is not right (or was already used). Try the code your app shows now.")
    if form.is_bound:
        status = 400
    return _render(
        request, admin_site, "accounts/enter_code.html", {"title": "Enter your sign-in code", "form": form}, status
    )


def set_up_app(request, admin_site):
    if not second_factor.needs_second_factor(request.user) or second_factor.has_app(request.user):
        return redirect(reverse("admin:second_factor") + f"?next={_next_url(request)}")
    device = second_factor.pending_app(request.user)
    form = CodeForm(request.POST or None)
    status = 200
    if form.is_valid():
        codes = second_factor.confirm_app(request, device, form.cleaned_data["code"])
        if codes is not None:
            context = {"title": "Your recovery codes", "codes": codes}
            return _render(request, admin_site, "accounts/recovery_codes.html", context)
        form.add_error("code", "That code is not right. Check the app shows the OMS family guide and try the new code.")
    if form.is_bound:
        status = 400
    uri = device.config_url
    context = {
        "title": "Set up your sign-in app",
        "form": form,
        "otpauth_uri": uri,
        "secret": " ".join(_secret(uri)[i : i + 4] for i in range(0, len(_secret(uri)), 4)),
        "qr": mark_safe(segno.make(uri, error="m").svg_inline(scale=4, border=2, title="QR code for your sign-in app")),
    }
    return _render(request, admin_site, "accounts/set_up_app.html", context, status)


def _secret(uri):
    return uri.split("secret=", 1)[1].split("&", 1)[0]

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class SetUpLinkQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(expires_at__gt=timezone.now())

    def for_token(self, token):
        """The unexpired link `token` opens, or None (the token itself is never stored)."""
        if not isinstance(token, str) or not 20 <= len(token) <= 100:
            return None
        return self.usable().select_related("user").filter(token_hash=_hash(token)).first()


class SetUpLink(models.Model):
    """A one-time address an administrator gives a reviewer to set up their sign-in app.

    The password alone never shows the app's secret: that needs this link (or a
    session that already gave a code). Only a hash is stored; the address is shown
    once to the administrator who issued it. One per person: a new one ends the old.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="set_up_link")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    objects = SetUpLinkQuerySet.as_manager()

    def __str__(self):
        return f"set-up link for {self.user} until {self.expires_at:%Y-%m-%d %H:%M}"

    @classmethod
    def issue(cls, user):
        """A new link for `user` (any older one stops working); returns the token for the address."""
        token = secrets.token_urlsafe(32)
        cls.objects.filter(user=user).delete()
        now = timezone.now()
        cls.objects.create(
            user=user, token_hash=_hash(token), created_at=now, expires_at=now + settings.OMS_SET_UP_LINK_LIFETIME
        )
        return token


class StaffProfile(models.Model):
    """What a staff member chose for themselves: the language the admin speaks to them in.

    A code from settings.LANGUAGES (no choices list: adding a language needs no migration).
    Only the admin follows it (accounts.middleware.AdminLanguageMiddleware); families' pages
    keep the language of their address.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile")
    language = models.CharField(_("language of the admin"), max_length=12, default=settings.LANGUAGE_CODE)

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return f"{self.user}: {self.language}"

    @classmethod
    def language_for(cls, user):
        found = cls.objects.filter(user=user).values_list("language", flat=True).first()
        return found if found in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import second_factor


class Command(BaseCommand):
    help = (
        "New account or lost phone: remove a user's sign-in app and recovery codes and print a one-time "
        "set-up link (valid a day) with which they set up a new app."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        path = second_factor.issue_set_up_link(user)
        address = settings.SITE_URL + path if settings.SITE_URL else path
        self.stdout.write(
            f"Removed the sign-in app and recovery codes of {username}. Give them this one-time set-up link "
            f"(it works once, for {username} only, for a day; shown only now):\n{address}"
        )

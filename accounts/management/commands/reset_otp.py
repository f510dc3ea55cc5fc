from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import second_factor


class Command(BaseCommand):
    help = "Lost phone: remove a user's sign-in app and recovery codes; they set up a new app at next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        second_factor.reset(user)
        self.stdout.write(
            f"Removed the sign-in app and recovery codes of {username}. They set up a new app at next sign-in."
        )

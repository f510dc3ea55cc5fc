import json

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from condition.cache import bump_content_version
from condition.management.commands.export_content import CONTENT_MODELS, FORMAT, VERSION


class Command(BaseCommand):
    help = "Restore content exported by export_content into an empty database. All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A file written by export_content")

    def handle(self, *args, path, **options):
        try:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("version") != VERSION:
            raise CommandError(f"{path} is not an omsportal content export (format {FORMAT}, version {VERSION}).")
        not_empty = [str(model._meta.verbose_name_plural) for model in CONTENT_MODELS if model.objects.exists()]
        if not_empty:
            raise CommandError(
                "The database already holds content (" + ", ".join(not_empty) + "). "
                "Restore into an empty database so nothing is overwritten."
            )
        allowed = {model._meta.label_lower for model in CONTENT_MODELS}
        objects = document.get("objects", [])
        unexpected = {row.get("model") for row in objects} - allowed
        if unexpected:
            raise CommandError(f"The file holds objects this command does not restore: {sorted(map(str, unexpected))}")
        try:
            with transaction.atomic():
                for item in serializers.deserialize("python", objects):
                    item.save()
                connections[DEFAULT_DB_ALIAS].check_constraints()
                self._reset_sequences()
        except Exception as error:  # any bad row: nothing is kept
            raise CommandError(f"Restore failed and nothing was changed: {error}") from error
        bump_content_version()
        self.stdout.write(self.style.SUCCESS(f"Restored {len(objects)} objects from {path}."))

    def _reset_sequences(self):
        connection = connections[DEFAULT_DB_ALIAS]
        statements = connection.ops.sequence_reset_sql(no_style(), CONTENT_MODELS)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

import json

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from condition.cache import bump_content_version
from condition.drafts import RESTORED, content_models, record_live_versions
from condition.management.commands.export_content import FORMAT, READS, VERSION, export_models


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
        if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("version") not in READS:
            raise CommandError(f"{path} is not an omsportal content export (format {FORMAT}, version {VERSION}).")
        objects = document.get("objects", [])
        if not isinstance(objects, list) or not all(isinstance(row, dict) for row in objects):
            raise CommandError(f'{path}: "objects" must be a list of exported rows; nothing was changed.')
        if not objects:
            raise CommandError(f"{path} holds no objects; nothing was changed.")
        not_empty = [str(model._meta.verbose_name_plural) for model in export_models() if model.objects.exists()]
        if not_empty:
            raise CommandError(
                "The database already holds content (" + ", ".join(not_empty) + "). "
                "Restore into an empty database so nothing is overwritten."
            )
        allowed = {model._meta.label_lower for model in export_models()}
        unexpected = {row.get("model") for row in objects} - allowed
        if unexpected:
            raise CommandError(f"The file holds objects this command does not restore: {sorted(map(str, unexpected))}")
        objects, unknown_staff = _with_staff_of_this_database(_in_load_order(objects))
        try:
            with transaction.atomic():
                problems = self._load(objects)
                if problems:
                    raise _Refused(problems)
                connections[DEFAULT_DB_ALIAS].check_constraints()
                self._reset_sequences()
                record_live_versions(RESTORED)  # live text with no version of its own (an older file)
        except _Refused as refused:
            shown = refused.problems[:20]
            more = len(refused.problems) - len(shown)
            raise CommandError(
                f"Restore refused, nothing was changed: {len(refused.problems)} row(s) break the rules "
                "the admin applies.\n"
                + "\n".join(f"  - {problem}" for problem in shown)
                + (f"\n  ... and {more} more" if more else "")
            ) from None
        except Exception as error:  # any bad row: nothing is kept
            raise CommandError(f"Restore failed and nothing was changed: {error}") from error
        bump_content_version()
        self.stdout.write(self.style.SUCCESS(f"Restored {len(objects)} objects from {path}."))
        if unknown_staff:
            self.stdout.write(
                f"Staff named in the file but without an account here (their names are left off): "
                f"{', '.join(sorted(unknown_staff))}."
            )

    def _load(self, objects):
        """Save every row, checked by the models' own rules (full_clean), parents first.

        Returns the problems as sentences; the caller refuses the file whole if there are any.
        """
        problems = []
        for item in serializers.deserialize("python", objects):
            instance = item.object
            try:
                instance.full_clean()
            except ValidationError as error:
                problems.append(
                    f"{instance._meta.verbose_name} {instance.pk} ({_named(instance)}): {_sentences(error)}"
                )
                continue
            item.save()
        # Live content must be what a reviewer could approve (e.g. a quiz families can submit).
        for model in content_models():
            if hasattr(model, "approval_problems"):
                for item in model.objects.live():
                    label = f"{model._meta.verbose_name} {item.pk} ({item})"
                    problems.extend(f"{label}: {problem}" for problem in item.approval_problems())
        return problems

    def _reset_sequences(self):
        connection = connections[DEFAULT_DB_ALIAS]
        statements = connection.ops.sequence_reset_sql(no_style(), export_models())
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _in_load_order(objects):
    """Rows in the order export_models() loads them (a version 2 file put approved versions last)."""
    order = {model._meta.label_lower: index for index, model in enumerate(export_models())}
    return sorted(objects, key=lambda row: order.get(row.get("model"), len(order)))


def _with_staff_of_this_database(objects):
    """Each reference to a staff account pointed at this database's account of that name (a version 2
    file: of that id). One with no account here is left empty (a draft's editor, a version's reviewer);
    a record of who changed a draft is dropped with its account. Returns the rows and the names not found.
    """
    user_model = get_user_model()
    user_fields = {
        model._meta.label_lower: {
            field.name: field.null
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is user_model
        }
        for model in export_models()
    }
    accounts = {(user.username,): user.pk for user in user_model.objects.only("username")}
    ids = set(accounts.values())
    unknown, kept = set(), []
    for row in objects:
        fields = dict(row.get("fields") or {})
        keep = True
        for name, nullable in user_fields.get(row.get("model"), {}).items():
            value = fields.get(name)
            if value is None:
                continue
            if isinstance(value, list):
                found = accounts.get(tuple(value)) if all(isinstance(part, str) for part in value) else None
            else:
                found = value if value in ids else None
            if found is None:
                unknown.update(map(str, value) if isinstance(value, list) else [f"id {value}"])
                keep = keep and nullable
            fields[name] = found
        if keep:
            kept.append({**row, "fields": fields})
    return kept, unknown


class _Refused(Exception):
    def __init__(self, problems):
        self.problems = problems


def _named(instance):
    """A short name for a refused row; it may point to another refused row, so never fail here."""
    try:
        return str(instance)[:60]
    except Exception:  # noqa: BLE001 - e.g. a section whose care advice was refused
        return "unnamed"


def _sentences(error):
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    return " ".join(error.messages)

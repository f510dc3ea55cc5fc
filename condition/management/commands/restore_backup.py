from django.core.management.base import BaseCommand, CommandError

from condition.backups import BackupError, read_manifest, restore_backup
from condition.cache import bump_content_version
from condition.drafts import RESTORED, record_live_versions


class Command(BaseCommand):
    help = "Replace the whole database and the media files with a folder written by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A folder written by `manage.py backup`")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, path, interactive, **options):
        try:
            manifest = read_manifest(path)
            if interactive:
                answer = input(
                    f"This replaces EVERY row of the database and the media files with the backup of "
                    f"{manifest.get('written_at')}. Type 'yes' to continue: "
                )
                if answer.strip().lower() != "yes":
                    raise CommandError("Restore cancelled; nothing was changed.")
            restore_backup(path)
            record_live_versions(RESTORED)  # live text a backup from before versions were kept has none for
        except (BackupError, OSError) as error:
            raise CommandError(f"Restore failed: {error}") from error
        bump_content_version()
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {manifest.get('written_at')} from {path}."))

from django.core.management.base import BaseCommand, CommandError

from condition.backups import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Back up the whole portal while it runs: every table (history, feedback, quiz attempts, staff accounts) "
        "and the media files, into a new folder. For content only, use export_content."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A new or empty folder, e.g. backups/2026-11-25")

    def handle(self, *args, path, **options):
        try:
            manifest = write_backup(path)
        except (BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['engine']} database and {manifest['media_files']} media file(s) to {path}."
            )
        )

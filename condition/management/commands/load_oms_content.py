from django.core.management.base import BaseCommand

from condition import defaults


class Command(BaseCommand):
    help = (
        "Load the default OMS content: clinic profile, sources, glossary, care advice, condition, topic pages "
        "and quiz. Safe to run again: it creates only what is missing, never changes what exists, and never "
        "re-creates what staff deleted. --update shows what the shipped content would change; add --apply "
        "to submit those changes for review as drafts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update", action="store_true", help="Show how the shipped content differs from what is here."
        )
        parser.add_argument(
            "--apply",
            action="store_true",
            help="With --update: take the shipped changes for items staff left as loaded.",
        )
        parser.add_argument(
            "--overwrite-edited",
            action="store_true",
            help="With --update --apply: also draft replacements for items staff edited.",
        )

    def handle(self, *args, update, apply, overwrite_edited, **options):
        if (apply or overwrite_edited) and not update:
            self.stderr.write("--apply and --overwrite-edited only work with --update.")
            raise SystemExit(2)
        import condition.loading  # noqa: F401 -- registers the condition's kinds and their translations

        if update and not apply:
            self._report(defaults.plan(), dry_run=True, overwrite_edited=False)
            return
        plans = defaults.load(update=update, overwrite_edited=overwrite_edited)
        self._report(
            plans,
            dry_run=False,
            overwrite_edited=overwrite_edited,
            update=update,
        )

    def _report(self, plans, *, dry_run, overwrite_edited, update=True):
        counts = {}

        def line(label, entry, note=""):
            counts[label] = counts.get(label, 0) + 1
            self.stdout.write(f"{label:<9}{entry.item.kind} {entry.item.key}{note}")

        for entry in plans:
            if entry.state == "new":
                line("new" if dry_run else "created", entry)
            elif entry.state == "deleted":
                line("deleted", entry, " (staff deleted it; not re-created)")
            elif entry.state == "same":
                line("same", entry)
            elif entry.state == "blocked":
                line("blocked", entry, f": {entry.reason}")
            elif entry.state == "submitted":
                line("review", entry, " (submitted as a draft: live once a clinical reviewer approves it)")
                self.stdout.write(defaults.diff(entry))
            elif not update:
                line("kept", entry, " (already there; not changed)")
            else:
                edited = " (edited by staff since it was loaded)" if entry.edited else ""
                applied = not dry_run and (overwrite_edited or not entry.edited)
                line("updated" if applied else "differs", entry, edited)
                if dry_run or not applied:
                    self.stdout.write(defaults.diff(entry))
        summary = ", ".join(f"{count} {label}" for label, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Done: {summary}."))
        if counts.get("differs"):
            if dry_run:
                hint = "Run again with --update --apply to take these changes"
                hint += " (items staff edited need --overwrite-edited too)."
            else:
                hint = "Items staff edited were left alone; add --overwrite-edited to replace them."
            self.stdout.write(hint)

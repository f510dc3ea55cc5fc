from django.core.management.base import BaseCommand
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from condition.content.glossary import GLOSSARY
from condition.content.pages import CONDITION, PAGES
from condition.content.questions import load_family_content
from condition.content.sources import SOURCES
from condition.models import ClinicProfile, Condition, GlossaryTerm, Page, Section, Source


class Command(BaseCommand):
    help = (
        "Load the default OMS content: condition, topic pages, glossary, sources and quiz. "
        "Safe to run again: anything that already exists is left exactly as staff left it."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            created, kept = load_condition_content()
            from quizzes.content import load_quiz_content

            quiz_created, quiz_kept = load_quiz_content()
        created += quiz_created
        kept += quiz_kept
        for line in created:
            self.stdout.write(f"created  {line}")
        for line in kept:
            self.stdout.write(f"kept     {line} (already there; not changed)")
        self.stdout.write(self.style.SUCCESS(f"Done: {len(created)} created, {len(kept)} left alone."))


def load_condition_content():
    created, kept = [], []

    def note(was_created, label):
        (created if was_created else kept).append(label)

    profile_created = not ClinicProfile.objects.exists()
    if profile_created:
        ClinicProfile(name="Children's Neurology Clinic").save()
    note(profile_created, "clinic profile")

    for data in SOURCES:
        _, was_created = Source.objects.get_or_create(key=data["key"], defaults=data)
        note(was_created, f"source {data['key']}")

    for term, slug, other_forms, definition in GLOSSARY:
        exists = GlossaryTerm.objects.filter(slug=slug).exists() or GlossaryTerm.objects.filter(term=term).exists()
        if not exists:
            GlossaryTerm.objects.create(term=term, slug=slug, other_forms=other_forms, definition=definition)
        note(not exists, f"glossary term {term}")

    condition, was_created = Condition.objects.get_or_create(slug=CONDITION["slug"], defaults=CONDITION)
    note(was_created, f"condition {condition.slug}")

    for order, data in enumerate(PAGES, start=1):
        if Page.objects.filter(slug=data["slug"]).exists():
            note(False, f"page {data['slug']}")
            continue
        # The default content is the project's draft, published so the portal
        # is usable, and honestly marked as not yet reviewed by a clinician.
        page = Page.objects.create(
            condition=condition,
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            key_points=data["key_points"],
            order=order * 10,
            status=Page.Status.PUBLISHED,
        )
        bulk_create_with_history(
            [
                Section(page=page, order=index * 10, heading=heading, anchor=anchor, kind=kind, body=body)
                for index, (heading, anchor, kind, body) in enumerate(data["sections"], start=1)
            ],
            Section,
        )
        note(True, f"page {page.slug}")
    family_created, family_kept = load_family_content()
    return created + family_created, kept + family_kept

from django.db.models.signals import post_delete, post_migrate, post_save

from condition.cache import bump_content_version


def connect():
    """Any saved or deleted content drops cached pages, ETags and PDFs."""
    from condition.models import CareAdvice, ClinicProfile, Condition, GlossaryTerm, Page, Section, Source
    from quizzes.models import Choice, Question, Quiz

    for model in (CareAdvice, ClinicProfile, Condition, GlossaryTerm, Page, Section, Source, Quiz, Question, Choice):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-save-{model.__name__}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-delete-{model.__name__}")
    # A new schema may not read objects cached before it.
    post_migrate.connect(bump_content_version, dispatch_uid="content-version-migrate")

from django.db.models.signals import post_delete, post_migrate, post_save

from condition.cache import bump_after_migrate, bump_content_version


def connect():
    """Any saved or deleted content drops cached pages, ETags and PDFs (once the save commits)."""
    from condition.models import ClinicProfile, Condition, GlossaryTerm, Page, Section, Source
    from quizzes.models import Choice, Question, Quiz

    for model in (ClinicProfile, Condition, GlossaryTerm, Page, Section, Source, Quiz, Question, Choice):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-save-{model.__name__}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-delete-{model.__name__}")
    post_migrate.connect(bump_after_migrate, dispatch_uid="content-version-migrate")

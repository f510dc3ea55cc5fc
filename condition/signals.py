from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from condition.cache import bump_after_migrate, bump_content_version
from condition.search import index as search_index


def connect():
    """Any saved or deleted content drops cached pages, ETags and PDFs (once the save commits)."""
    from condition.models import (
        CareAdvice,
        ClinicProfile,
        Condition,
        GlossaryTerm,
        Page,
        Section,
        Source,
        SuggestedQuestion,
    )
    from quizzes.models import Choice, Question, Quiz

    for model in (
        CareAdvice,
        ClinicProfile,
        Condition,
        GlossaryTerm,
        Page,
        Section,
        Source,
        SuggestedQuestion,
        Quiz,
        Question,
        Choice,
    ):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-save-{model.__name__}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-delete-{model.__name__}")
    # Staff choosing related topics changes the page too.
    m2m_changed.connect(bump_content_version, sender=Page.related_pages.through, dispatch_uid="content-version-related")
    # The search index follows the same changes (and is rebuilt after migrations).
    search_index.connect([CareAdvice, Condition, GlossaryTerm, Page, Section])
    # A new schema may not read objects cached before it.
    post_migrate.connect(bump_after_migrate, dispatch_uid="content-version-migrate")

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from condition import contributors
from condition.cache import bump_after_migrate, bump_content_version
from condition.drafts import content_models
from condition.search import index as search_index


def connect():
    """Any saved or deleted content drops cached pages, ETags and PDFs (once the save commits)."""
    from condition.models import CareAdvice, Condition, GlossaryTerm, Page, Section

    for model in content_models():
        uid = f"{model._meta.label}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-save-{uid}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-delete-{uid}")
        for field in model._meta.many_to_many:  # e.g. staff choosing related topics
            m2m_changed.connect(
                bump_content_version, sender=field.remote_field.through, dispatch_uid=f"content-version-m2m-{uid}"
            )
    # Who changed each draft, whatever view wrote it: the two-person rule (condition.drafts.approve).
    contributors.connect(content_models())
    # The search index follows the same changes (and is rebuilt after migrations).
    search_index.connect([CareAdvice, Condition, GlossaryTerm, Page, Section])
    # A new schema may not read objects cached before it.
    post_migrate.connect(bump_after_migrate, dispatch_uid="content-version-migrate")

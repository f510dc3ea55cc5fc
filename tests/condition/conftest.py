"""Fixtures shared by the tests of putting back what an emergency take-down took off the site."""

import pytest

from condition import drafts, translations
from condition.drafts import Revision
from tests.factories import PageFactory, SectionFactory


@pytest.fixture
def down(editor, reviewer, admin_user):
    """A live English page with a live Spanish translation, both taken down by Rita (a reviewer)."""
    page = PageFactory(title="Fever", slug="fever")
    SectionFactory(page=page, heading="When to call", anchor="when-to-call", body="Call the clinic.")
    SectionFactory(page=page, heading="At home", anchor="at-home", body="Rest and drink.")
    Revision.record(page, Revision.Action.APPROVED, admin_user)
    spanish = translations.start_translation(page, "es", editor)
    spanish.title = "Fiebre"
    spanish.save()
    drafts.submit(spanish, editor)
    spanish = drafts.approve(spanish, admin_user)
    drafts.take_down(page, reviewer, "Wrong dose in both languages.")
    page.refresh_from_db()
    spanish.refresh_from_db()
    assert not page.is_live and not spanish.is_live
    return page, spanish

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def test_reminders_mail_reviewers_the_pages_the_admin_home_lists(reviewer, editor, settings):
    settings.SITE_URL = "https://oms.example-clinic.org"
    today = timezone.localdate()
    reviewed = {"last_reviewed": today - datetime.timedelta(days=300), "reviewed_by": "Dr. X"}
    PageFactory(title="Overdue page", next_review_due=today - datetime.timedelta(days=3), **reviewed)
    PageFactory(title="Due soon page", next_review_due=today + datetime.timedelta(days=10), **reviewed)
    PageFactory(title="Undated page", last_reviewed=today, reviewed_by="Dr. X", next_review_due=None)
    PageFactory(title="Never page", next_review_due=today + datetime.timedelta(days=200))
    PageFactory(title="Fine page", next_review_due=today + datetime.timedelta(days=200), **reviewed)

    call_command("send_review_reminders", stdout=open("/dev/null", "w"))

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reviewer.email]  # not the editor
    assert "4 page(s)" in message.subject
    body = message.body
    for title in ("Overdue page", "Due soon page", "Undated page", "Never page"):
        assert title in body
    assert "Fine page" not in body
    assert body.index("Overdue:") < body.index("Overdue page") < body.index("Due within 30 days:")
    assert "https://oms.example-clinic.org/admin/condition/page/" in body


def test_no_mail_when_no_review_is_due(reviewer):
    today = timezone.localdate()
    PageFactory(last_reviewed=today, reviewed_by="Dr. X", next_review_due=today + datetime.timedelta(days=300))
    call_command("send_review_reminders", stdout=open("/dev/null", "w"))
    assert mail.outbox == []

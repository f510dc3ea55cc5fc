import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from condition.models import PageFeedback
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def purge(**kwargs):
    out = io.StringIO()
    call_command("purge_feedback", stdout=out, **kwargs)
    return out.getvalue()


def test_purge_deletes_feedback_older_than_the_retention_setting(settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    page = PageFactory()
    old = PageFeedback.objects.create(page=page, helpful=False, comment="Old.")
    recent = PageFeedback.objects.create(page=page, helpful=True, comment="Recent.")
    PageFeedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    PageFeedback.objects.filter(pk=recent.pk).update(created_at=timezone.now() - datetime.timedelta(days=29))
    assert "Deleted 1 answer(s) older than 30 days" in purge()
    assert list(PageFeedback.objects.values_list("pk", flat=True)) == [recent.pk]


def test_purge_keeps_the_newest_comments_per_page_and_every_vote(settings):
    settings.FEEDBACK_COMMENTS_PER_PAGE = 2
    page, other = PageFactory(), PageFactory()
    rows = [PageFeedback.objects.create(page=page, helpful=n % 2 == 0, comment=f"Comment {n}") for n in range(5)]
    PageFeedback.objects.create(page=other, helpful=True, comment="Other page")
    assert "cleared 3 comment(s) beyond the newest 2 per page" in purge()
    kept = dict(PageFeedback.objects.filter(page=page).values_list("pk", "comment"))
    assert [kept[row.pk] for row in rows] == ["", "", "", "Comment 3", "Comment 4"]
    assert PageFeedback.objects.filter(page=page).count() == 5  # the yes/no answers stay
    assert PageFeedback.objects.get(page=other).comment == "Other page"


def test_a_flood_of_comments_never_keeps_more_than_the_cap_per_page(client, settings):
    settings.FEEDBACK_COMMENTS_PER_PAGE = 3
    settings.RATELIMIT_ENABLE = False
    page = PageFactory()
    url = reverse("condition:feedback", args=[page.slug])
    for n in range(6):
        assert client.post(url, {"helpful": "no", "comment": f"Flood {n}"}).status_code == 302
    comments = list(PageFeedback.objects.filter(page=page).exclude(comment="").values_list("comment", flat=True))
    assert sorted(comments) == ["Flood 3", "Flood 4", "Flood 5"]
    assert PageFeedback.objects.filter(page=page, helpful=False).count() == 6

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse

from condition.drafts import mailable_holders
from condition.models import REVIEW_STATES, Page


def reviewers():
    """Active users who may record a clinical review (the Clinical reviewers group, or given it directly)."""
    return mailable_holders("condition.review_page")


def reminder_text(pages):
    lines = ["These pages of the OMS family guide need a clinical review:", ""]
    for state, label in REVIEW_STATES.items():
        listed = [page for page in pages if page.review_state == state]
        if listed:
            lines.append(f"{label}:")
            for page in listed:
                due = f" (due {page.next_review_due:%d %b %Y})" if page.next_review_due else ""
                address = settings.SITE_URL + reverse("admin:condition_page_change", args=[page.pk])
                lines.append(f"- {page.title}{due}: {address}")
            lines.append("")
    lines.append('Open a page, check it, then use "Record a clinical review by me today" in the page list.')
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Email the Clinical reviewers the pages whose review is due (run daily or weekly from cron)."

    def handle(self, *args, **options):
        pages = list(Page.objects.review_due().with_review_state().order_by("next_review_due", "title"))
        if not pages:
            self.stdout.write("No reviews due: nothing sent.")
            return
        recipients = sorted(reviewers().values_list("email", flat=True))
        if not recipients:
            self.stderr.write("Reviews are due but no Clinical reviewer has an email address.")
            return
        subject = f"OMS family guide: {len(pages)} page(s) need a clinical review"
        send_mail(subject, reminder_text(pages), None, recipients)
        self.stdout.write(f"Sent the list of {len(pages)} page(s) to {len(recipients)} reviewer(s).")

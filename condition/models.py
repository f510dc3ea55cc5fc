import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from condition.rendering import cited_keys

REVIEW_SOON_DAYS = 30


class Condition(models.Model):
    name = models.CharField(max_length=200, help_text="The condition's usual name, e.g. Opsoclonus-Myoclonus Syndrome.")
    slug = models.SlugField(unique=True, help_text="Used in web addresses. Lower case letters, numbers and dashes.")
    other_names = models.TextField(blank=True, help_text="Other names families may have heard, one per line.")
    summary = models.TextField(help_text="Two or three plain sentences shown on the home page.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("condition:home")

    @property
    def other_names_list(self):
        return [name.strip() for name in self.other_names.splitlines() if name.strip()]


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Page.Status.PUBLISHED)

    def review_due(self, within_days=REVIEW_SOON_DAYS, today=None):
        """Pages never reviewed, overdue, or due within `within_days`."""
        today = today or timezone.localdate()
        return self.filter(
            Q(next_review_due__isnull=True) | Q(next_review_due__lte=today + datetime.timedelta(days=within_days))
        )


class Page(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    condition = models.ForeignKey(Condition, on_delete=models.PROTECT, related_name="pages")
    title = models.CharField(max_length=200, help_text="A short question or phrase families would search for.")
    slug = models.SlugField(
        unique=True, help_text="Used in the page's web address. Changing it breaks printed QR codes."
    )
    summary = models.TextField(help_text="One or two plain sentences that say what the page covers.")
    key_points = models.TextField(
        help_text="The most important things to remember, one per line. Shown first, before the sections."
    )
    order = models.PositiveIntegerField(default=0, help_text="Pages are listed from the lowest number up.")
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Families only ever see published pages. Editors can move a page to review; "
        "a clinical reviewer publishes it.",
    )
    last_reviewed = models.DateField(null=True, blank=True, help_text="When a clinician last checked this page.")
    reviewed_by = models.CharField(
        max_length=200,
        blank=True,
        help_text="Name and role of the clinician who last checked it, e.g. Dr. A. Lee, neurologist.",
    )
    next_review_due = models.DateField(
        null=True, blank=True, help_text="When the page should next be checked. Usually a year after the last review."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]
        permissions = [
            ("publish_page", "Can publish pages"),
            ("review_page", "Can record a clinical review"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=["draft", "review", "published"]), name="page_status_valid"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("condition:page", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def key_points_list(self):
        return [line.strip(" -•*\t") for line in self.key_points.splitlines() if line.strip(" -•*\t")]

    @property
    def is_clinically_reviewed(self):
        return bool(self.last_reviewed and self.reviewed_by)

    def clean(self):
        if self.last_reviewed and self.next_review_due and self.next_review_due < self.last_reviewed:
            raise ValidationError({"next_review_due": "The next review cannot be before the last review."})
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError({"last_reviewed": "A review date cannot be in the future."})

    def record_review(self, *, reviewer_name, today=None):
        today = today or timezone.localdate()
        self.last_reviewed = today
        self.reviewed_by = reviewer_name
        self.next_review_due = today + datetime.timedelta(days=365)


class Source(models.Model):
    key = models.SlugField(
        max_length=40, unique=True, help_text="A short code editors type to cite it, e.g. nord for [cite:nord]."
    )
    citation = models.TextField(help_text="The full citation: authors, title, journal or publisher, year.")
    url = models.URLField(blank=True, max_length=500, help_text="Where to read it online, if anywhere.")
    year = models.PositiveSmallIntegerField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["citation"]

    def __str__(self):
        return f"{self.key}: {self.citation[:80]}"

    def get_absolute_url(self):
        return reverse("condition:sources") + f"#source-{self.key}"

    @classmethod
    def cited_in(cls, sections):
        """key -> Source for every source the sections cite, in one query (none if they cite nothing)."""
        keys = {key for section in sections for key in cited_keys(section.body)}
        return {source.key: source for source in cls.objects.filter(key__in=keys)} if keys else {}


class Section(models.Model):
    class Kind(models.TextChoices):
        NORMAL = "normal", "Normal"
        CARE = "care", "When to get help (care box)"

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(default=0)
    heading = models.CharField(max_length=200)
    anchor = models.SlugField(
        max_length=80, help_text="The part of the address after #, used by the table of contents and quiz links."
    )
    body = models.TextField(
        help_text="Plain text with simple formatting: **bold**, lists starting with - , "
        "### sub-headings and [link text](https://...). Cite a source with [cite:KEY], e.g. [cite:nord]."
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NORMAL)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "anchor"], name="section_anchor_unique_per_page"),
        ]

    def __str__(self):
        return self.heading

    def get_absolute_url(self):
        return self.page.get_absolute_url() + f"#{self.anchor}"

    # Ids the page itself uses; a section anchor must not clash with them.
    RESERVED_ANCHORS = {"main", "key-points-heading", "toc-heading", "page-sources-heading", "feedback-heading"}

    def clean(self):
        if self.anchor in self.RESERVED_ANCHORS or (self.anchor or "").startswith("cite-"):
            raise ValidationError({"anchor": f"“{self.anchor}” is used by the page itself. Choose another anchor."})
        keys = cited_keys(self.body)
        if keys:
            known = set(Source.objects.filter(key__in=keys).values_list("key", flat=True))
            unknown = sorted(set(keys) - known)
            if unknown:
                raise ValidationError(
                    {
                        "body": f"No source with the key {', '.join(unknown)}. Add it under Sources first, or fix the key."
                    }
                )


class GlossaryTerm(models.Model):
    term = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    other_forms = models.CharField(
        max_length=300, blank=True, help_text="Other spellings or forms to explain too, separated by commas."
    )
    definition = models.TextField(help_text="One or two plain sentences.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("condition:glossary") + f"#term-{self.slug}"

    @property
    def forms(self):
        return [self.term] + [form.strip() for form in self.other_forms.split(",") if form.strip()]


class ClinicProfile(models.Model):
    """The one clinic that runs this portal: shown in the footer and on handouts."""

    name = models.CharField(max_length=200, default="Your clinic")
    phone = models.CharField(max_length=40, blank=True, help_text="Daytime number for families.")
    after_hours_phone = models.CharField(max_length=40, blank=True, help_text="Number to call out of hours.")
    address = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "clinic profile"
        constraints = [models.CheckConstraint(condition=Q(id=1), name="clinic_profile_singleton")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The saved profile, or an unsaved blank one before staff fill it in."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class PageFeedbackQuerySet(models.QuerySet):
    def expired(self, days, now=None):
        """Answers older than the retention period (DJANGO_FEEDBACK_RETENTION_DAYS)."""
        return self.filter(created_at__lt=(now or timezone.now()) - datetime.timedelta(days=days))

    def trim_comments(self, page_id, keep):
        """Clear the comment text of all but the page's `keep` newest comments; the yes/no answers stay.

        Ids grow with time, so "newest" is the highest id. Returns how many were cleared.
        """
        with_comment = self.filter(page_id=page_id).exclude(comment="")
        oldest_kept = with_comment.order_by("-pk").values_list("pk", flat=True)[keep : keep + 1]
        beyond = list(oldest_kept)
        if not beyond:
            return 0
        return with_comment.filter(pk__lte=beyond[0]).update(comment="")


class PageFeedback(models.Model):
    """Anonymous 'Was this page helpful?' answers: no name, email or address is kept.

    Kept for DJANGO_FEEDBACK_RETENTION_DAYS (`manage.py purge_feedback`), with
    at most DJANGO_FEEDBACK_COMMENTS_PER_PAGE comment texts per page, so a
    flood of comments cannot fill the disk (issue 10).
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    comment = models.TextField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "page feedback"

    def __str__(self):
        return f"{'Helpful' if self.helpful else 'Not helpful'}: {self.page}"

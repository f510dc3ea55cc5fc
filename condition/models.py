import datetime
import functools
import html
import operator
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from condition.addresses import page_address
from condition.content import Content, ContentQuerySet, DraftChild, Revision  # noqa: F401 (Revision: a model)
from condition.images import LOGO_WIDTHS, Picture, StoredImageField, prepare
from condition.rendering import CITE_RE as CITE_RE_FOR_CLEAN
from condition.rendering import cited_keys, refused_links, sanitise
from condition.terms import forms_of

REVIEW_SOON_DAYS = 30
# Unique among live items and new drafts; a working copy shares its live item's values.
ORIGINALS = Q(draft_of__isnull=True)
# One version of an item per language (its drafts aside).
ONE_TRANSLATION = models.UniqueConstraint(
    fields=["translation_of", "language"], condition=ORIGINALS, name="%(class)s_one_translation"
)


class Condition(Content):
    name = models.CharField(
        verbose_name=_("name"),
        max_length=200,
        help_text=_("The condition's usual name, e.g. Opsoclonus-Myoclonus Syndrome."),
    )
    slug = models.SlugField(
        verbose_name=_("slug"), help_text=_("Used in web addresses. Lower case letters, numbers and dashes.")
    )
    other_names = models.TextField(
        verbose_name=_("other names"), blank=True, help_text=_("Other names families may have heard, one per line.")
    )
    summary = models.TextField(
        verbose_name=_("summary"), help_text=_("Two or three plain sentences shown on the home page.")
    )

    translated_fields = ("name", "other_names", "summary")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], condition=ORIGINALS, name="%(class)s_slug_unique"),
            ONE_TRANSLATION,
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("condition:home")

    @property
    def other_names_list(self):
        return [name.strip() for name in self.other_names.splitlines() if name.strip()]


REVIEW_STATES = {
    "never": "Never reviewed",
    "undated": "No next review date",
    "overdue": "Overdue",
    "soon": f"Due within {REVIEW_SOON_DAYS} days",
}


def review_conditions(today=None, within_days=REVIEW_SOON_DAYS):
    """The one review-due rule: each page is in at most one of these states (REVIEW_STATES)."""
    today = today or timezone.localdate()
    never = Q(last_reviewed__isnull=True) | Q(reviewed_by="")
    return {
        "never": never,
        "undated": ~never & Q(next_review_due__isnull=True),
        "overdue": ~never & Q(next_review_due__lt=today),
        "soon": ~never
        & Q(next_review_due__gte=today, next_review_due__lte=today + datetime.timedelta(days=within_days)),
    }


class PageQuerySet(ContentQuerySet):
    def in_review_state(self, state, today=None):
        return self.originals().filter(review_conditions(today)[state])

    def never_reviewed(self):
        return self.in_review_state("never")

    def overdue(self, today=None):
        return self.in_review_state("overdue", today)

    def due_soon(self, today=None):
        return self.in_review_state("soon", today)

    def review_due(self, today=None):
        """Pages never reviewed, without a next review date, overdue, or due within REVIEW_SOON_DAYS."""
        conditions = review_conditions(today).values()
        return self.originals().filter(functools.reduce(operator.or_, conditions))

    def with_review_state(self, today=None):
        """Annotate `review_state`: a key of REVIEW_STATES, or "" when no review is due."""
        whens = [When(condition, then=Value(state)) for state, condition in review_conditions(today).items()]
        return self.annotate(review_state=Case(*whens, default=Value(""), output_field=models.CharField()))


class Page(Content):
    condition = models.ForeignKey(
        Condition,
        verbose_name=_("condition"),
        on_delete=models.PROTECT,
        related_name="pages",
        limit_choices_to=ORIGINALS,
    )
    title = models.CharField(
        verbose_name=_("title"), max_length=200, help_text=_("A short question or phrase families would search for.")
    )
    slug = models.SlugField(
        verbose_name=_("slug"),
        help_text=_("Used in the page's web address. An old address keeps leading here after a change."),
    )
    summary = models.TextField(
        verbose_name=_("summary"), help_text=_("One or two plain sentences that say what the page covers.")
    )
    key_points = models.TextField(
        verbose_name=_("key points"),
        help_text=_("The most important things to remember, one per line. Shown first, before the sections."),
    )
    order = models.PositiveIntegerField(
        verbose_name=_("order"), default=0, help_text=_("Pages are listed from the lowest number up.")
    )
    last_reviewed = models.DateField(
        verbose_name=_("last reviewed"), null=True, blank=True, help_text=_("When a clinician last checked this page.")
    )
    reviewed_by = models.CharField(
        verbose_name=_("reviewed by"),
        max_length=200,
        blank=True,
        help_text=_("Name and role of the clinician who last checked it, e.g. Dr. A. Lee, neurologist."),
    )
    next_review_due = models.DateField(
        verbose_name=_("next review due"),
        null=True,
        blank=True,
        help_text=_("When the page should next be checked. Usually a year after the last review."),
    )
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)
    related_pages = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="+",
        limit_choices_to=ORIGINALS,
        verbose_name=_("related topics"),
        help_text=_(
            "Pages to suggest under this one. Only published ones are shown. "
            "Leave empty to suggest pages that share its medical words."
        ),
    )

    objects = PageQuerySet.as_manager()

    translated_fields = ("title", "summary", "key_points")
    draft_children = ("sections", "suggested_questions")
    kept_on_approve = ("last_reviewed", "reviewed_by", "next_review_due")  # a review is its own act

    class Meta:
        ordering = ["order", "title"]
        permissions = [
            ("publish_page", "Can publish pages"),
            ("review_page", "Can record a clinical review"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=["draft", "review", "published"]), name="page_status_valid"),
            models.UniqueConstraint(fields=["language", "slug"], condition=ORIGINALS, name="%(class)s_slug_unique"),
            ONE_TRANSLATION,
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """A changed slug leaves its old address behind as a permanent redirect (printed QR codes live for years)."""
        # A translation's address is its original's (it follows it), so only originals keep old addresses.
        adding, old_slug = self._state.adding or self.draft_of_id is not None or self.is_translation, None
        update_fields = kwargs.get("update_fields")
        if not adding and (update_fields is None or "slug" in update_fields):
            old_slug = Page.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        super().save(*args, **kwargs)
        moved = bool(old_slug) and old_slug != self.slug
        if moved:
            # An old address that already leads to another page keeps leading there.
            PageSlugRedirect.objects.get_or_create(old_slug=old_slug, defaults={"page": self})
        if moved:
            # Back at an address it had before: its own old redirect goes. Another page's old
            # address is never taken over here (clean() refuses it; printed QR codes lead there).
            PageSlugRedirect.objects.filter(old_slug=self.slug, page=self).delete()

    def get_absolute_url(self):
        return page_address(self.slug)

    @property
    def key_points_list(self):
        return [line.strip(" -•*\t") for line in self.key_points.splitlines() if line.strip(" -•*\t")]

    @property
    def review_state_label(self):
        return REVIEW_STATES.get(getattr(self, "review_state", ""), "")

    @property
    def is_clinically_reviewed(self):
        return bool(self.last_reviewed and self.reviewed_by)

    def clean(self):
        if self.last_reviewed and self.next_review_due and self.next_review_due < self.last_reviewed:
            raise ValidationError({"next_review_due": "The next review cannot be before the last review."})
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError({"last_reviewed": "A review date cannot be in the future."})
        taken = (
            PageSlugRedirect.objects.filter(old_slug=self.slug)
            .exclude(page_id=self.draft_of_id or self.pk)
            .select_related("page")
        )
        for redirect in taken:
            raise ValidationError(
                {
                    "slug": f"This was the address of “{redirect.page.title}”, and printed handouts still lead there. "
                    "Choose another slug."
                }
            )

    def record_review(self, *, reviewer_name, today=None):
        today = today or timezone.localdate()
        self.last_reviewed = today
        self.reviewed_by = reviewer_name
        self.next_review_due = today + datetime.timedelta(days=365)


class PageSlugRedirect(models.Model):
    """An address a page had before its slug changed: families following it land on the page."""

    old_slug = models.SlugField(unique=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="old_slugs")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "old page address"

    def __str__(self):
        return f"{self.old_slug} -> {self.page.slug}"


class Source(Content):
    key = models.SlugField(
        verbose_name=_("key"),
        max_length=40,
        help_text=_("A short code editors type to cite it, e.g. nord for [cite:nord]."),
    )
    citation = models.TextField(
        verbose_name=_("citation"), help_text=_("The full citation: authors, title, journal or publisher, year.")
    )
    url = models.URLField(
        verbose_name=_("url"), blank=True, max_length=500, help_text=_("Where to read it online, if anywhere.")
    )
    year = models.PositiveSmallIntegerField(verbose_name=_("year"), null=True, blank=True)
    accessed = models.DateField(
        verbose_name=_("accessed"),
        null=True,
        blank=True,
        help_text=_("When someone at the clinic last opened the link and checked it says this."),
    )

    class Meta:
        ordering = ["citation"]
        constraints = [
            models.UniqueConstraint(fields=["language", "key"], condition=ORIGINALS, name="%(class)s_key_unique")
        ]

    def __str__(self):
        return f"{self.key}: {self.citation[:80]}"

    def get_absolute_url(self):
        return reverse("condition:sources") + f"#source-{self.key}"

    @classmethod
    def cited_in(cls, texts):
        """key -> Source for every source the texts cite, in one query (none if they cite nothing)."""
        keys = {key for text in texts for key in cited_keys(text)}
        return {source.key: source for source in cls.objects.live().filter(key__in=keys)} if keys else {}


def care_text(look_for, action):
    """What families read in a care box, as staff wrote it (for citations, glossary terms and search)."""
    return f"{look_for}\n\n{action}"


class CareAdvice(Content):
    """One care situation (fever, a fit, ...), written and approved once and placed on every page that needs it."""

    class Urgency(models.IntegerChoices):
        # Lower is more urgent: lists sort most urgent first.
        EMERGENCY = 1, _("Emergency: call the emergency number now")
        URGENT = 2, _("Urgent: call the clinic now, day or night")
        SOON = 3, _("Soon: call the clinic the same day")

    key = models.SlugField(
        verbose_name=_("key"),
        max_length=60,
        help_text=_("A short code for this advice, e.g. fever. Also the part of the page address after #."),
    )
    title = models.CharField(
        verbose_name=_("title"), max_length=120, help_text=_("What families scan for, e.g. Fever during treatment.")
    )
    urgency = models.PositiveSmallIntegerField(
        verbose_name=_("urgency"),
        choices=Urgency.choices,
        help_text=_("How fast to act. The box shows the matching numbers from the clinic profile by itself."),
    )
    look_for = models.TextField(
        verbose_name=_("look for"),
        help_text=_(
            "What to look for, usually a list starting with - . Cite sources with [cite:KEY]. "
            "Never type a phone number: the box shows the clinic profile's numbers."
        ),
    )
    action = models.TextField(
        verbose_name=_("action"),
        help_text=_("What to do and how fast, in plain words, with [cite:KEY]. Refer to numbers in words."),
    )
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)

    translated_fields = ("title", "look_for", "action")

    class Meta:
        ordering = ["urgency", "title"]
        verbose_name = _("care advice")
        verbose_name_plural = _("care advice")
        constraints = [
            models.CheckConstraint(condition=Q(urgency__in=[1, 2, 3]), name="care_advice_urgency_valid"),
            models.UniqueConstraint(fields=["language", "key"], condition=ORIGINALS, name="%(class)s_key_unique"),
            ONE_TRANSLATION,
        ]

    def __str__(self):
        return f"{self.title} ({self.get_urgency_display().split(':')[0]})"

    def get_absolute_url(self):
        return reverse("condition:help") + f"#{self.key}"

    @property
    def text(self):
        return care_text(self.look_for, self.action)

    @property
    def level(self):
        """The urgency as a word for CSS classes: emergency, urgent or soon."""
        return self.Urgency(self.urgency).name.lower()

    @property
    def level_label(self):
        return self.get_urgency_display().split(":")[0]

    @property
    def how_fast(self):
        """E.g. "Call the clinic now, day or night." """
        return self.get_urgency_display().split(": ", 1)[1].capitalize() + "."

    def clean(self):
        for name in ("look_for", "action"):
            if looks_like_phone_number(getattr(self, name)):
                raise ValidationError(
                    {
                        name: "Do not type phone numbers here: the box shows the numbers from the clinic profile, "
                        "so they are right everywhere when they change."
                    }
                )
        _check_cited_sources(self, ["look_for", "action"])


# Digits joined by anything but letters (spaces, dots, dashes, slashes, brackets), up to two at a time.
DIGIT_RUN_RE = re.compile(r"\d(?:[^\w]{0,2}\d)*")
SHORT_EMERGENCY_NUMBERS = {"911", "999", "112", "000"}


def looks_like_phone_number(text):
    """True for a typed phone number (5 or more digits in one run) or a short emergency number.

    Checked on what families would read: the Markdown rendered and cleaned,
    entities decoded and digits of any script made plain, so separators and
    character references cannot hide a number.
    """
    shown = unicodedata.normalize("NFKC", html.unescape(strip_tags(sanitise(CITE_RE_FOR_CLEAN.sub(" ", text or "")))))
    for run in DIGIT_RUN_RE.findall(shown):
        digits = re.sub(r"\D", "", run)
        if len(digits) >= 5 or digits in SHORT_EMERGENCY_NUMBERS:
            return True
    return False


class SectionQuerySet(models.QuerySet):
    def shown(self):
        """Sections families may read: text, or care advice that is live (not taken down)."""
        return self.filter(Q(care_advice__isnull=True) | Q(care_advice__status=Content.Status.PUBLISHED))


class Section(DraftChild):
    parent_field = "page"
    draft_children = ("images",)  # pictures travel with the page's drafts (condition.images)
    translated_fields = ("heading", "body")
    scored_for_reading = True  # the review shows its reading grade
    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(verbose_name=_("order"), default=0)
    heading = models.CharField(
        verbose_name=_("heading"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty for a care box: it uses the advice's title."),
    )
    anchor = models.SlugField(
        verbose_name=_("anchor"),
        max_length=80,
        help_text=_("The part of the address after #, used by the table of contents and quiz links."),
    )
    body = models.TextField(
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "Plain text with simple formatting: **bold**, lists starting with - , "
            "### sub-headings and [link text](https://...). Cite a source with [cite:KEY], e.g. [cite:nord]. "
            "Leave empty for a care box."
        ),
    )
    care_advice = models.ForeignKey(
        CareAdvice,
        verbose_name=_("care advice"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
        limit_choices_to=ORIGINALS,
        help_text=_(
            "Show a care box here instead of text. The same advice, word for word, on every page that uses it."
        ),
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "anchor"], name="section_anchor_unique_per_page"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.page.get_absolute_url() + f"#{self.anchor}"

    @property
    def is_shown(self):
        """SectionQuerySet.shown() for one loaded section: text, or care advice that is live."""
        return not self.care_advice_id or self.care_advice.is_live

    @property
    def title(self):
        """The heading families see: a care box always shows its advice's title."""
        return self.care_advice.title if self.care_advice_id else self.heading

    @property
    def text(self):
        """What families read in this section, as staff wrote it (a care box's advice included)."""
        return self.care_advice.text if self.care_advice_id else self.body

    # Ids the page itself uses; a section anchor must not clash with them.
    RESERVED_ANCHORS = {
        "main",
        "key-points-heading",
        "toc-heading",
        "page-sources-heading",
        "feedback-heading",
        "care-questions-heading",
        "related-heading",
        "site-search-q",
    }

    def clean(self):
        if self.anchor in self.RESERVED_ANCHORS or (self.anchor or "").startswith(("cite-", "question-")):
            raise ValidationError({"anchor": f"“{self.anchor}” is used by the page itself. Choose another anchor."})
        if self.care_advice_id and self.body.strip():
            raise ValidationError(
                {"body": "A care box shows its advice as written: leave the text empty, or remove the care advice."}
            )
        if not self.care_advice_id and not self.body.strip():
            raise ValidationError({"body": "Write the section's text, or choose care advice to show here."})
        if not self.care_advice_id and not self.heading.strip():
            raise ValidationError({"heading": "Give the section a heading."})
        _check_cited_sources(self, ["body"])


def _check_cited_sources(obj, fields):
    """Refuse [cite:KEY] markers that name no source, and links whose address the sanitiser drops
    (families would get plain text), with a message naming them; the form keeps what was typed."""
    for name in fields:
        refused = refused_links(getattr(obj, name))
        if refused:
            names = ", ".join(f"“{text}”" for text in refused[:5])
            raise ValidationError(
                {
                    name: f"The address of the link {names} is not allowed. Links start with https://, "
                    "http://, mailto: or tel:; fix the address or remove the link."
                }
            )
        keys = cited_keys(getattr(obj, name))
        if keys:
            known = set(Source.objects.originals().filter(key__in=keys).values_list("key", flat=True))
            unknown = sorted(set(keys) - known)
            if unknown:
                raise ValidationError(
                    {name: f"No source with the key {', '.join(unknown)}. Add it under Sources first, or fix the key."}
                )


class GlossaryTerm(Content):
    term = models.CharField(verbose_name=_("term"), max_length=100)
    slug = models.SlugField(verbose_name=_("slug"), max_length=100)
    other_forms = models.CharField(
        verbose_name=_("other forms"),
        max_length=300,
        blank=True,
        help_text=_("Other spellings or forms to explain too, separated by commas."),
    )
    definition = models.TextField(verbose_name=_("definition"), help_text=_("One or two plain sentences."))

    translated_fields = ("term", "other_forms", "definition")

    class Meta:
        ordering = [Lower("term")]
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], condition=ORIGINALS, name="%(class)s_term_unique"),
            models.UniqueConstraint(fields=["language", "slug"], condition=ORIGINALS, name="%(class)s_slug_unique"),
            ONE_TRANSLATION,
        ]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("condition:glossary") + f"#term-{self.slug}"

    @property
    def forms(self):
        return forms_of(self)


phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{1,38}$", "Use digits, spaces, brackets, dots or dashes, with an optional + in front."
)


class ClinicProfile(Content):
    """The one clinic that runs this portal: shown in the footer and on handouts."""

    name = models.CharField(verbose_name=_("name"), max_length=200, default="Your clinic")
    phone = models.CharField(
        verbose_name=_("phone"),
        max_length=40,
        blank=True,
        validators=[phone_validator],
        help_text=_("Daytime number for families."),
    )
    after_hours_phone = models.CharField(
        verbose_name=_("after hours phone"),
        max_length=40,
        blank=True,
        validators=[phone_validator],
        help_text=_("Number families call out of hours, day or night, when a child on treatment has a fever."),
    )
    emergency_phone = models.CharField(
        _("emergency number"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
        help_text=_("The local emergency number, e.g. 911, 999 or 112. Shown in every emergency box."),
    )
    address = models.TextField(verbose_name=_("address"), blank=True)
    short_name = models.CharField(
        verbose_name=_("short name"),
        max_length=40,
        blank=True,
        help_text=_(
            "A short name for the top of every page and handout, e.g. “Riverside Neurology”. "
            "Empty: the header says “OMS family guide”.",
        ),
    )
    logo = StoredImageField(
        verbose_name=_("logo"),
        blank=True,
        upload_to="images",
        help_text=_(
            "The clinic's logo, shown beside the short name: JPEG, PNG or WebP, up to 8 MB. "
            "Families who cannot see it hear the clinic's name."
        ),
    )
    logo_width = models.PositiveIntegerField(verbose_name=_("logo width"), null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(verbose_name=_("logo height"), null=True, blank=True, editable=False)
    logo_renditions = models.JSONField(verbose_name=_("logo renditions"), default=list, blank=True, editable=False)

    # What families read of the clinic in their language (its numbers and logo always come from the original).
    translated_fields = ("name", "short_name")
    # The review screen shows the logo itself, its sizes and copies with it (condition.diff).
    pictures = {"logo": ("logo_picture", ("logo_width", "logo_height", "logo_renditions"))}

    class Meta:
        verbose_name = _("clinic profile")
        constraints = [
            # The one profile is row 1; its working copies and its translations are other rows.
            models.CheckConstraint(
                condition=Q(id=1) | Q(draft_of__isnull=False) | Q(translation_of__isnull=False),
                name="clinic_profile_one",
            ),
            ONE_TRANSLATION,
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.draft_of_id is None and self.translation_of_id is None:
            self.pk = 1  # the one profile; its drafts are working copies, its translations rows of their own
        elif self.pk is None:
            # Ids are given by hand (the profile is 1), so PostgreSQL's sequence never moved: take the next one.
            self.pk = (ClinicProfile.objects.aggregate(highest=models.Max("pk"))["highest"] or 1) + 1
        prepare(
            self,
            "logo",
            widths=LOGO_WIDTHS,
            size_fields=("logo_width", "logo_height"),
            renditions_field="logo_renditions",
        )
        super().save(*args, **kwargs)

    @property
    def logo_picture(self):
        """The logo for templates (alt: the clinic's name), or None."""
        if not self.logo:
            return None
        return Picture(
            name=self.logo.name,
            width=self.logo_width,
            height=self.logo_height,
            renditions=self.logo_renditions,
            alt=self.name,
        )

    @classmethod
    def load(cls):
        """The live profile, or an unsaved blank one before a reviewer approves one, with its name in the
        request's language where a live translation has one: both rows in one query."""
        from condition.translations import ORIGINAL_LANGUAGE, current_language

        language = current_language()
        wanted = Q(pk=1, language=ORIGINAL_LANGUAGE)
        if language != ORIGINAL_LANGUAGE:
            wanted |= Q(translation_of=1, language=language)
        rows = list(cls.objects.filter(wanted, status=cls.Status.PUBLISHED, draft_of__isnull=True))
        profile = next((row for row in rows if row.pk == 1), None)
        if profile is None:
            return cls(pk=1)
        for translation in rows:
            if translation.translation_of_id == 1:
                for name in cls.translated_fields:
                    setattr(profile, name, getattr(translation, name))
        return profile

    @property
    def emergency_number(self):
        """The profile's emergency number, or the country's (settings.EMERGENCY_NUMBER) until staff set one."""
        return self.emergency_phone.strip() or settings.EMERGENCY_NUMBER

    @property
    def missing_numbers(self):
        """Labels of the numbers families need that are not filled in yet (the emergency number never is)."""
        return [
            self._meta.get_field(name).verbose_name
            for name in ("phone", "after_hours_phone")
            if not getattr(self, name).strip()
        ]


def tel_href(number):
    """A phone number as a tel: link target: digits and a leading + only."""
    digits = re.sub(r"[^0-9+]", "", number or "")
    return f"tel:{digits}" if digits.strip("+") else ""


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
    flood of comments cannot fill the disk.
    """

    staff_may_view = True  # both staff groups read these (condition.groups)

    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField(
        verbose_name=_("helpful"),
    )
    comment = models.TextField(verbose_name=_("comment"), max_length=500, blank=True)
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True, db_index=True)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = _("page feedback")

    def __str__(self):
        return f"{'Helpful' if self.helpful else 'Not helpful'}: {self.page}"


class LoadedContent(models.Model):
    """What `load_oms_content` loaded, so it never re-creates what staff deleted and can tell staff edits apart."""

    kind = models.CharField(max_length=30)
    key = models.CharField(max_length=100)
    fingerprint = models.CharField(max_length=64, help_text="A hash of the shipped text as it was loaded.")
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "loaded content"
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="loaded_content_unique")]

    def __str__(self):
        return f"{self.kind} {self.key}"


class ContentVersion(models.Model):
    """One row: the number every cached page, ETag and PDF key carries (pagecache.cache).

    It lives in the database so that every app server reads the same number and
    a publish on one shows at once on all; staff saves bump it after commit.
    """

    version = models.BigIntegerField(help_text="Microseconds since 1970 of the last change, or later.")

    class Meta:
        db_table = "condition_contentversion"  # pagecache.cache reads it by name on every request
        constraints = [models.CheckConstraint(condition=Q(id=1), name="content_version_singleton")]

    def __str__(self):
        return f"content version {self.version}"


# Kept in their own modules; imported here so Django finds them.
from condition.contributors import Contributor  # noqa: E402, F401
from condition.questions import SuggestedQuestion  # noqa: E402, F401
from condition.search.models import SearchDocument, SearchMiss  # noqa: E402, F401
from condition.section_images import SectionImage  # noqa: E402, F401

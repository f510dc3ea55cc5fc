"""Pictures in sections: staff add them to a page's draft; they go live with it (condition.drafts)."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from condition.content import DraftChild
from condition.images import (
    ALT_MAX,
    FOLDER,
    MAX_BYTES,
    MAX_PIXELS,
    SECTION_WIDTHS,
    Picture,
    StoredImageField,
    check_alt,
    prepare,
)


class SectionImage(DraftChild):
    """A picture in a section, with the words a family hears or reads instead of it; travels with page drafts."""

    parent_field = "section"
    section = models.ForeignKey(
        "condition.Section", verbose_name=_("section"), on_delete=models.CASCADE, related_name="images"
    )
    image = StoredImageField(
        _("picture"),
        upload_to=FOLDER,
        help_text=f"JPEG, PNG or WebP, up to {MAX_BYTES // 2**20} MB and {MAX_PIXELS // 1_000_000} megapixels. "
        "Location and camera details are removed; phones get smaller copies.",
    )
    alt = models.CharField(
        _("alt text"),
        max_length=ALT_MAX,
        validators=[MaxLengthValidator(ALT_MAX), check_alt],
        help_text=_(
            "What the picture shows, in plain words, for families who cannot see it "
            "(read aloud by screen readers). E.g. “A timeline: tests first, then surgery if there is a tumor.”",
        ),
    )
    caption = models.CharField(
        verbose_name=_("caption"),
        max_length=300,
        blank=True,
        help_text=_("Optional words shown under the picture. Cite sources in the section."),
    )
    # A picture may hold words (the default drawing does): a translation may carry its own, with its sizes.
    translated_fields = ("image", "width", "height", "renditions", "alt", "caption")
    # The review screen shows the picture itself (this property), its sizes and copies with it (condition.diff).
    pictures = {"image": ("picture", ("width", "height", "renditions"))}
    order = models.PositiveIntegerField(
        verbose_name=_("order"), default=0, help_text=_("Pictures show under the section's text, lowest first.")
    )
    width = models.PositiveIntegerField(verbose_name=_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(verbose_name=_("height"), null=True, editable=False)
    renditions = models.JSONField(
        verbose_name=_("renditions"), default=list, editable=False, help_text=_("The resized copies made at upload.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("picture")

    def __str__(self):
        return self.alt[:80]

    def save(self, *args, **kwargs):
        prepare(self, "image", widths=SECTION_WIDTHS, size_fields=("width", "height"), renditions_field="renditions")
        super().save(*args, **kwargs)

    @property
    def picture(self):
        return Picture(
            name=self.image.name,
            width=self.width,
            height=self.height,
            renditions=self.renditions,
            alt=self.alt,
            caption=self.caption,
        )

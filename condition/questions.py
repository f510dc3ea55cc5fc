"""Questions a family may want to ask their care team, suggested under each page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from condition.content import DraftChild


class SuggestedQuestion(DraftChild):
    parent_field = "page"
    page = models.ForeignKey(
        "condition.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="suggested_questions"
    )
    text = models.CharField(
        verbose_name=_("text"),
        max_length=300,
        help_text=_(
            "One question a family could ask at the appointment, in their words, e.g. "
            "“How will we know the treatment is working?”",
        ),
    )
    translated_fields = ("text",)
    order = models.PositiveIntegerField(
        verbose_name=_("order"), default=0, help_text=_("Questions are listed from the lowest number up.")
    )

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

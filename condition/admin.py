from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from condition.content import ORIGINAL_LANGUAGE
from condition.models import (
    REVIEW_STATES,
    CareAdvice,
    ClinicProfile,
    Condition,
    GlossaryTerm,
    Page,
    PageFeedback,
    Section,
    SectionImage,
    Source,
    SuggestedQuestion,
)
from condition.pages import STAFF, render_pages
from condition.readability import page_readings
from condition.translations import language_name
from condition.views import page_context
from condition.workflow import ChildAdminMixin, ChildInlineMixin, ContentAdmin

admin.site.site_header = gettext_lazy("OMS family guide: clinic staff")
admin.site.site_title = gettext_lazy("OMS family guide staff")
admin.site.index_title = gettext_lazy("Content, reviews and results")


class CareAdvicePickerMixin:
    """The care advice picker lists advice in the site's own language only: a section that chooses a care box
    is always an original (a translated page's boxes follow its original's), and each box shows in the
    reader's language by itself. Listing the translations too put every situation in twice."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "care_advice":
            kwargs["queryset"] = CareAdvice.objects.originals().filter(
                language=ORIGINAL_LANGUAGE, translation_of__isnull=True
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SectionInline(CareAdvicePickerMixin, ChildInlineMixin, admin.StackedInline):
    model = Section
    extra = 0
    show_change_link = True  # pictures are added on the section's own page
    fields = [("heading", "anchor"), "care_advice", "body", "order"]
    prepopulated_fields = {"anchor": ["heading"]}


class SuggestedQuestionInline(ChildInlineMixin, admin.StackedInline):
    """Questions for the care team: locked with the page, like its sections."""

    model = SuggestedQuestion
    extra = 0
    fields = ["text", "order"]
    verbose_name = gettext_lazy("question for the care team")
    verbose_name_plural = gettext_lazy("Questions for your care team (families tick these and print a list)")


class ReviewDueFilter(admin.SimpleListFilter):
    """The same rule as the admin home and the reminders (PageQuerySet.review_due)."""

    title = gettext_lazy("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", gettext_lazy("Any review due")), *REVIEW_STATES.items()]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.review_due()
        if self.value() in REVIEW_STATES:
            return queryset.in_review_state(self.value())
        return queryset


class PageChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        readings = page_readings(self.result_list)
        for page in self.result_list:
            page.list_reading = readings[page]


@admin.register(Page)
class PageAdmin(ContentAdmin):
    # Fits beside the filters at 1280 px: short headers; the list is already in page order.
    list_display = ["title", "condition", "reading_grade", "reviewed", "review_due", "feedback_summary"]
    list_filter = ["status", ReviewDueFilter, "condition"]
    search_fields = ["title", "summary", "sections__heading", "sections__body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SectionInline, SuggestedQuestionInline]
    filter_horizontal = ["related_pages"]
    actions = ["record_review", "download_handout_pdfs"]
    change_form_template = "admin/condition/page/change_form.html"
    review_fields = ["last_reviewed", "reviewed_by", "next_review_due"]
    fieldsets = [
        (None, {"fields": ["condition", "title", "slug", "summary", "key_points", "order"]}),
        (gettext_lazy("Related topics"), {"fields": ["related_pages"], "classes": ["collapse"]}),
        (gettext_lazy("Clinical review"), {"fields": review_fields}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("condition", "draft_of")
            .prefetch_related("sections__care_advice")  # the list's reading grade
            .annotate(
                helpful_count=Count("feedback", filter=Q(feedback__helpful=True)),
                unhelpful_count=Count("feedback", filter=Q(feedback__helpful=False)),
            )
        )

    def get_list_display(self, request):
        # One condition: the column would repeat one name on every row.
        shown = super().get_list_display(request)
        if Condition.objects.originals().filter(translation_of=None).count() <= 1:
            return [name for name in shown if name != "condition"]
        return shown

    def get_list_filter(self, request):
        shown = super().get_list_filter(request)
        if Condition.objects.originals().filter(translation_of=None).count() <= 1:
            return [name for name in shown if name != "condition"]
        return shown

    @admin.display(description=gettext_lazy("Reviewed"), ordering="last_reviewed")
    def reviewed(self, page):
        return page.last_reviewed or "–"

    @admin.display(description=gettext_lazy("Review due"), ordering="next_review_due")
    def review_due(self, page):
        return page.next_review_due or "–"

    @admin.display(description=gettext_lazy("Grade"))
    def reading_grade(self, page):
        """Flesch-Kincaid grade of the page's sections; a Spanish page's Fernández-Huerta index and level
        (the change form has each section's scores)."""
        # Worked out for the whole list at once (PageChangeList): the column is only in the list.
        return "–" if page.list_reading is None else page.list_reading

    def get_changelist(self, request, **kwargs):
        return PageChangeList

    @admin.display(description=gettext_lazy("Feedback"))
    def feedback_summary(self, page):
        url = reverse("admin:condition_pagefeedback_changelist") + f"?page__id__exact={page.pk}"
        return format_html('<a href="{}">{} yes / {} no</a>', url, page.helpful_count, page.unhelpful_count)

    # --- the clinical review: its own act, apart from approving edits ----------
    can_take_down = True

    def has_review_permission(self, request):
        return request.user.has_perm("condition.review_page")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if self.has_review_permission(request) else [*readonly, *self.review_fields]

    @admin.action(description=gettext_lazy("Record a clinical review by me today"), permissions=["review"])
    def record_review(self, request, queryset):
        name = request.user.get_full_name() or request.user.get_username()
        queryset = queryset.originals()
        for page in queryset:
            page.record_review(reviewer_name=name)
            page.save(update_fields=["last_reviewed", "reviewed_by", "next_review_due", "updated_at"])
        self.message_user(request, f"Review recorded for {queryset.count()} page(s).", messages.SUCCESS)

    @admin.action(description=gettext_lazy("Download handout PDFs of selected pages"))
    def download_handout_pdfs(self, request, queryset):
        from condition.handouts import pdf_response_for_pages

        return pdf_response_for_pages(request, list(queryset))

    # --- preview ---------------------------------------------------------
    def get_urls(self):
        return [
            path("<int:pk>/preview/", self.admin_site.admin_view(self.preview_view), name="condition_page_preview"),
            path("<int:pk>/handout.pdf", self.admin_site.admin_view(self.pdf_view), name="condition_page_pdf"),
        ] + super().get_urls()

    def preview_view(self, request, pk):
        """The page as families read it, drafts included: in its own language (a Spanish page with the Spanish
        interface and notices), rendered as families' pages are (condition.pages.render_pages).

        The page comes through the admin's own queryset, which gives a translation its freshness (whether the
        original changed since), as every other admin view of it has.
        """
        page = self.get_object(request, str(pk))
        if page is None:
            raise Http404("No such page")
        if not self.has_view_or_change_permission(request, page):
            return render(request, "403.html", status=403)
        with translation.override(page.language):
            context = page_context(render_pages([page], page.language, STAFF))
            context["preview"] = True
            return render(request, "condition/page_detail.html", context)

    def pdf_view(self, request, pk):
        from condition.handouts import pdf_response_for_pages

        page = get_object_or_404(Page.objects.select_related("condition"), pk=pk)
        if not self.has_view_or_change_permission(request, page):
            return render(request, "403.html", status=403)
        return pdf_response_for_pages(request, [page])


UNCONFIRMED = "Not yet confirmed: open the link, check it says this, and set the date"


class LinkCheckedFilter(admin.SimpleListFilter):
    """Sources nobody has yet opened and dated (`accessed` empty), so a reviewer can find them all."""

    title = gettext_lazy("link checked")
    parameter_name = "checked"

    def lookups(self, request, model_admin):
        return [("no", gettext_lazy("Not yet confirmed")), ("yes", gettext_lazy("Confirmed"))]

    def queryset(self, request, queryset):
        if self.value() in ("no", "yes"):
            return queryset.filter(accessed__isnull=self.value() == "no")
        return queryset


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ["key", "short_citation", "year", "link_checked"]
    list_filter = [LinkCheckedFilter]
    search_fields = ["key", "citation", "url"]

    @admin.display(description=gettext_lazy("Link checked"), ordering="accessed")
    def link_checked(self, source):
        return source.accessed or UNCONFIRMED

    @admin.display(description=gettext_lazy("Citation"))
    def short_citation(self, source):
        return source.citation[:120]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ContentAdmin):
    list_display = ["term", "definition", "other_forms"]
    search_fields = ["term", "definition", "other_forms"]
    prepopulated_fields = {"slug": ["term"]}


@admin.register(Condition)
class ConditionAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(CareAdvice)
class CareAdviceAdmin(ContentAdmin):
    """Each care situation is written once and placed, word for word, on every page that needs it."""

    list_display = ["title", "urgency", "key", "used_on"]
    list_filter = ["urgency"]
    search_fields = ["title", "key", "look_for", "action"]
    prepopulated_fields = {"key": ["title"]}
    fields = ["title", "key", "urgency", "look_for", "action"]
    can_take_down = True

    def get_queryset(self, request):
        # A translation is placed nowhere itself: its boxes follow the original's placements, so those
        # pages are read too, with their translations for the titles in the advice's language.
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                "placements__page",
                Prefetch("translation_of__placements__page__translations", queryset=Page.objects.originals()),
            )
        )

    @admin.display(description=gettext_lazy("Placed on"))
    def used_on(self, advice):
        if advice.is_translation:
            return placed_in_language(advice)
        return ", ".join(sorted({section.page.title for section in advice.placements.all()})) or _("No page yet")


def placed_in_language(advice):
    """Where a translated care box shows: on every page its original is placed on, each named in the
    advice's language where that page has a translation (else its English title, marked)."""
    titles, original = set(), language_name(ORIGINAL_LANGUAGE)
    for section in advice.translation_of.placements.all():
        page = section.page
        translated = [t for t in page.translations.all() if t.language == advice.language]
        if translated:
            titles.add(translated[0].title)
        else:
            titles.add(_("%(title)s (only in %(language)s)") % {"title": page.title, "language": original})
    if not titles:
        return _("No page yet: the %(language)s advice is not placed on any page") % {"language": original}
    return ", ".join(sorted(titles))


@admin.register(ClinicProfile)
class ClinicProfileAdmin(ContentAdmin):
    list_display = ["name", "short_name", "phone", "after_hours_phone", "emergency_phone"]

    def has_add_permission(self, request):
        return not ClinicProfile.objects.originals().exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and obj.is_working_copy and super().has_delete_permission(request, obj)


class FeedbackLanguageFilter(admin.SimpleListFilter):
    """The language of the page a family answered on, from settings.LANGUAGES (no query for the choices)."""

    title = gettext_lazy("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return list(settings.LANGUAGES)

    def queryset(self, request, queryset):
        return queryset.filter(page__language=self.value()) if self.value() else queryset


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "page", "language", "helpful", "comment"]
    list_filter = ["helpful", FeedbackLanguageFilter, ("page", admin.RelatedOnlyFieldListFilter), "created_at"]
    search_fields = ["comment"]
    # No date_hierarchy: its bar reads the date of every row; the date filter does the job.
    list_select_related = ["page"]
    show_full_result_count = False

    @admin.display(description=gettext_lazy("Language"), ordering="page__language")
    def language(self, feedback):
        return language_name(feedback.page.language)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SectionImageInline(ChildInlineMixin, admin.StackedInline):
    """Pictures in a section: added and changed only while its page is an open draft."""

    model = SectionImage
    extra = 0
    fields = ["image", "alt", "caption", "order"]
    verbose_name_plural = gettext_lazy("Pictures (shown under the section's text; JPEG, PNG or WebP)")

    def get_extra(self, request, obj=None, **kwargs):
        # One empty picture row ready where pictures may be added; left empty, it saves nothing.
        return 1 if self.has_add_permission(request, obj) else 0


@admin.register(Section)
class SectionAdmin(CareAdvicePickerMixin, ChildAdminMixin, admin.ModelAdmin):
    """Sections are edited under their page; here too, with their pictures."""

    inlines = [SectionImageInline]

    list_display = ["__str__", "page", "care_advice", "order"]
    list_filter = [("care_advice", admin.EmptyFieldListFilter), "page"]
    search_fields = ["heading", "body", "page__title"]
    list_select_related = ["page", "care_advice"]
    show_full_result_count = False  # a search reads every body once, not twice
    prepopulated_fields = {"anchor": ["heading"]}

    def has_add_permission(self, request):
        return False  # add sections under their page, where the workflow applies

    def response_post_save_change(self, request, obj):
        """ "Save" leads back to the section's page, where it was opened from (not to the list of all sections)."""
        return redirect(reverse("admin:condition_page_change", args=[obj.page_id], current_app=self.admin_site.name))


@admin.register(SectionImage)
class SectionImageAdmin(ChildAdminMixin, admin.ModelAdmin):
    """Every picture with its alt text, to find one; they are added under their section."""

    list_display = ["__str__", "section", "caption", "order"]
    search_fields = ["alt", "caption", "section__heading", "section__page__title"]
    list_select_related = ["section__page"]
    fields = ["section", "image", "alt", "caption", "order"]

    def has_add_permission(self, request):
        return False  # add pictures under their section, where the workflow applies

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "section":  # only into a section of an open draft page, never a translation's
            sections = Section.objects.filter(page__status=Page.Status.DRAFT, page__translation_of__isnull=True)
            kwargs["queryset"] = sections.select_related("page")
            return admin.ModelAdmin.formfield_for_foreignkey(self, db_field, request, **kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

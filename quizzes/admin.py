from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from condition.content import ORIGINAL_LANGUAGE
from condition.translations import language_name, languages
from condition.workflow import ChildAdminMixin, ChildInlineMixin, ContentAdmin
from quizzes.forms import ResultsFilterForm
from quizzes.language_results import MIN_ANSWERS, MIN_GAP, results_by_language
from quizzes.models import Attempt, Choice, Question, Quiz


class ChoiceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form.instance
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("text")
        ]
        problem = Question.choice_problem(kept)
        if problem:
            raise ValidationError(f"A question needs at least two choices and exactly one correct: {problem}")


class ChoiceInline(ChildInlineMixin, admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    extra = 3
    fields = ["text", "is_correct", "order"]


@admin.register(Question)
class QuestionAdmin(ChildAdminMixin, admin.ModelAdmin):
    list_display = ["prompt", "quiz", "section", "order"]
    list_filter = ["quiz"]
    search_fields = ["prompt", "explanation"]
    inlines = [ChoiceInline]
    autocomplete_fields = ["section"]
    list_select_related = ["quiz", "section"]


class QuestionInline(ChildInlineMixin, admin.TabularInline):
    model = Question
    fields = ["order", "prompt", "section"]
    readonly_fields = ["prompt", "section"]
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # Questions are added on their own page, with their choices.


@admin.register(Quiz)
class QuizAdmin(ContentAdmin):
    list_display = ["title", "condition", "pass_mark", "results_link"]
    list_filter = ["status"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [QuestionInline]

    @admin.display(description=gettext_lazy("Results"))
    def results_link(self, quiz):
        return format_html('<a href="{}">See results</a>', reverse("admin:quizzes_quiz_results", args=[quiz.pk]))

    def get_urls(self):
        return [
            path("<int:pk>/results/", self.admin_site.admin_view(self.results_view), name="quizzes_quiz_results"),
        ] + super().get_urls()

    def results_view(self, request, pk):
        quiz = get_object_or_404(Quiz.objects.select_related("translation_of"), pk=pk)
        if not self.has_view_or_change_permission(request, quiz):
            return render(request, "403.html", status=403)
        quiz = quiz.translation_of if quiz.is_translation else quiz  # one page for every language of a quiz
        filter_form = ResultsFilterForm(request.GET or None)
        start = end = None
        if filter_form.is_valid():
            start, end = filter_form.cleaned_data["start"], filter_form.cleaned_data["end"]
        by_language = results_by_language(quiz, start=start, end=end)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Results: {quiz.title}",
            "quiz": quiz,
            "opts": self.model._meta,
            "filter_form": filter_form,
            "results": by_language.languages[0].results,
            "by_language": by_language if len(by_language.languages) > 1 else None,
            "min_answers": MIN_ANSWERS,
            "min_gap": MIN_GAP,
        }
        status = 400 if filter_form.is_bound and not filter_form.is_valid() else 200
        return render(request, "admin/quizzes/quiz/results.html", context, status=status)


class LanguageFilter(admin.SimpleListFilter):
    """The site's languages from settings: no query for the distinct values of a million attempts."""

    title = gettext_lazy("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(ORIGINAL_LANGUAGE, language_name(ORIGINAL_LANGUAGE)), *languages()]

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["created_at", "quiz", "language", "score_percent", "passed"]
    # A date filter, not date_hierarchy: its bar read the dates of every attempt (7.6 s at 1M).
    list_filter = ["quiz", LanguageFilter, "passed", ("created_at", admin.DateFieldListFilter)]
    list_select_related = ["quiz"]
    # Newest first through the attempt_newest index; no second count of every row.
    ordering = ["-created_at", "-id"]
    show_full_result_count = False
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

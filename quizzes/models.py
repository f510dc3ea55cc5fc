import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from condition.content import ORIGINAL_LANGUAGE, Content, ContentQuerySet, DraftChild
from condition.models import ONE_TRANSLATION, ORIGINALS, Condition, Section
from pagecache.db import queued_write


class Quiz(Content):
    title = models.CharField(verbose_name=_("title"), max_length=200)
    slug = models.SlugField(
        verbose_name=_("slug"),
    )
    condition = models.ForeignKey(
        Condition,
        verbose_name=_("condition"),
        on_delete=models.PROTECT,
        related_name="quizzes",
        limit_choices_to=ORIGINALS,
    )
    intro = models.TextField(
        verbose_name=_("intro"),
        help_text=_("Shown above the questions. Say it checks how well the clinic explained things, not the family."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        verbose_name=_("pass mark"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The percentage of right answers that counts as a pass."),
    )
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)

    objects = ContentQuerySet.as_manager()

    translated_fields = ("title", "intro")
    draft_children = ("questions",)

    class Meta:
        verbose_name_plural = _("quizzes")
        ordering = ["title"]
        permissions = [("publish_quiz", "Can publish quizzes")]
        constraints = [
            models.CheckConstraint(condition=Q(pass_mark__gte=1, pass_mark__lte=100), name="quiz_pass_mark_percent"),
            models.UniqueConstraint(fields=["language", "slug"], condition=ORIGINALS, name="quiz_slug_unique"),
            ONE_TRANSLATION,
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("quizzes:take", kwargs={"slug": self.slug})

    def approval_problems(self):
        """Why this quiz cannot go live, as sentences for editors (empty when it can)."""
        problems = []
        questions = list(self.questions.prefetch_related("choices"))
        if not questions:
            problems.append("The quiz has no questions.")
        for question in questions:
            problem = question.choice_problem(list(question.choices.all()))
            if problem:
                problems.append(f"Question “{question.prompt[:60]}”: {problem}")
        return problems


class Question(DraftChild):
    parent_field = "quiz"
    quiz = models.ForeignKey(Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(verbose_name=_("order"), default=0)
    prompt = models.CharField(verbose_name=_("prompt"), max_length=300, help_text=_("The question, in plain words."))
    explanation = models.TextField(
        verbose_name=_("explanation"), help_text=_("Shown after answering: why the right answer is right.")
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        limit_choices_to={"page__draft_of__isnull": True},
        help_text=_("The page section that explains the answer. Families get a link to it."),
    )

    translated_fields = ("prompt", "explanation")
    draft_children = ("choices",)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.prompt

    @staticmethod
    def choice_problem(choices):
        if len(choices) < 2:
            return "add at least two choices."
        correct = sum(1 for choice in choices if choice.is_correct)
        if correct != 1:
            return "mark exactly one choice as correct."
        return ""


class Choice(DraftChild):
    parent_field = "question"
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveIntegerField(verbose_name=_("order"), default=0)
    text = models.CharField(verbose_name=_("text"), max_length=200)
    is_correct = models.BooleanField(_("correct"), default=False)

    translated_fields = ("text",)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"], condition=Q(is_correct=True), name="one_correct_choice_per_question"
            ),
        ]

    def __str__(self):
        return self.text

    @classmethod
    def merge_order(cls, row):
        return 1 if row.is_correct else 0  # one right answer per question at every moment


class Attempt(models.Model):
    """One finished quiz, stored anonymously: no name, email or IP address."""

    staff_may_view = True  # both staff groups read these (condition.groups)

    public_id = models.UUIDField(verbose_name=_("public id"), default=uuid.uuid4, unique=True, editable=False)
    # The quiz the family answered: a translation is a Quiz of its own, with its own questions and choices.
    quiz = models.ForeignKey(Quiz, verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="attempts")
    # The language of the questions the family read (its quiz's language), so results split by it. The
    # database default too: rows from before, and inserts by code that predates the column, are the original's.
    language = models.CharField(
        verbose_name=_("language"),
        max_length=12,
        default=ORIGINAL_LANGUAGE,
        db_default=ORIGINAL_LANGUAGE,
        editable=False,
    )
    created_at = models.DateTimeField(verbose_name=_("created at"), auto_now_add=True)
    correct_count = models.PositiveSmallIntegerField(
        verbose_name=_("correct count"),
    )
    question_count = models.PositiveSmallIntegerField(
        verbose_name=_("question count"),
    )
    score_percent = models.PositiveSmallIntegerField(
        verbose_name=_("score percent"),
    )
    passed = models.BooleanField(
        verbose_name=_("passed"),
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # Covers the results summary: no table lookups for 100,000 attempts.
            models.Index(fields=["quiz", "created_at", "score_percent", "passed"], name="attempt_results"),
            # The admin's list, newest first, without sorting a million rows.
            models.Index(fields=["created_at", "id"], name="attempt_newest"),
        ]

    def __str__(self):
        return f"{self.quiz} at {self.created_at:%Y-%m-%d %H:%M}: {self.score_percent}%"

    def get_absolute_url(self):
        return reverse("quizzes:result", kwargs={"slug": self.quiz.slug, "public_id": self.public_id})


class Answer(models.Model):
    """What was shown and chosen, copied as text so later edits never change past results."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    # Copied from the attempt so results aggregate without a join (100,000 attempts).
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(Question, on_delete=models.SET_NULL, null=True, related_name="answers")
    question_text = models.CharField(max_length=300)
    explanation = models.TextField()
    choice = models.ForeignKey(Choice, on_delete=models.SET_NULL, null=True, related_name="+")
    choice_text = models.CharField(max_length=200)
    correct_text = models.CharField(max_length=200)
    is_correct = models.BooleanField()
    section = models.ForeignKey(Section, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["position"]
        # Covers the results query for a date range, read from the index alone: created_at
        # right after the quiz, so "the last 90 days" is one range scan.
        indexes = [
            models.Index(fields=["quiz", "created_at", "question", "choice", "is_correct"], name="answer_recent"),
        ]

    def __str__(self):
        return f"{self.question_text}: {self.choice_text}"

    @classmethod
    def snapshot(cls, *, attempt, position, question, choice, correct):
        """An unsaved answer holding the wording shown, as well as links to the live rows."""
        return cls(
            attempt=attempt,
            quiz_id=attempt.quiz_id,
            created_at=attempt.created_at,
            position=position,
            question=question,
            question_text=question.prompt,
            explanation=question.explanation,
            choice=choice,
            choice_text=choice.text,
            correct_text=correct.text,
            is_correct=choice.is_correct,
            section_id=question.section_id,
        )

    @property
    def reread_url(self):
        """The section that explains the answer, while families can read it (a care box's advice live too)."""
        if self.section is None or not self.section.page.is_live:
            return None
        if not self.section.is_shown:
            return None  # a care box taken down in an emergency: not even its title
        return self.section.get_absolute_url()


class DailyResults(models.Model):
    """One quiz's attempts on one whole (local) day, summed once the day is over.

    Written by `manage.py rollup_quiz_results` (a daily timer), so results for
    all time read a row per day instead of a million attempts.
    """

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    attempts = models.PositiveIntegerField()
    score_sum = models.PositiveBigIntegerField()
    passed = models.PositiveIntegerField()

    class Meta:
        verbose_name_plural = "daily results"
        constraints = [models.UniqueConstraint(fields=["quiz", "day"], name="daily_results_once_per_day")]

    def __str__(self):
        return f"{self.quiz_id} on {self.day}: {self.attempts}"


class DailyAnswers(models.Model):
    """How often each choice was picked on one whole day (see DailyResults)."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    question = models.ForeignKey(Question, on_delete=models.SET_NULL, null=True, related_name="+")
    choice = models.ForeignKey(Choice, on_delete=models.SET_NULL, null=True, related_name="+")
    is_correct = models.BooleanField()
    times = models.PositiveIntegerField()

    class Meta:
        verbose_name_plural = "daily answers"
        indexes = [models.Index(fields=["quiz", "day"], name="daily_answers_range")]

    def __str__(self):
        return f"{self.quiz_id} on {self.day}: {self.times}"


def attempt_submit(*, quiz: Quiz, answers: list[tuple[Question, Choice]]) -> Attempt:
    """Store one finished attempt and its answers in a constant number of queries."""
    with queued_write(), transaction.atomic():
        return _store_attempt(quiz, answers)


def _store_attempt(quiz, answers):
    if not answers:
        raise ValidationError("An attempt needs at least one answer.")
    correct_count = 0
    rows = []
    for question, choice in answers:
        if choice.question_id != question.pk or question.quiz_id != quiz.pk:
            raise ValidationError("That answer does not belong to this quiz.")
        correct = next(c for c in question.choices.all() if c.is_correct)
        correct_count += choice.is_correct
        rows.append((question, choice, correct))
    score = round(100 * correct_count / len(answers))
    attempt = Attempt.objects.create(
        quiz=quiz,
        language=quiz.language,
        correct_count=correct_count,
        question_count=len(answers),
        score_percent=score,
        passed=score >= quiz.pass_mark,
    )
    Answer.objects.bulk_create(
        Answer.snapshot(attempt=attempt, position=position, question=question, choice=choice, correct=correct)
        for position, (question, choice, correct) in enumerate(rows, start=1)
    )
    return attempt

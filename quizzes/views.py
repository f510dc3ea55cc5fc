"""The quiz: a page cached whole (no CSRF token), answers posted back to it, and the result.

The quiz page is the same for everyone who gets the same choice order, so
PublicPageMiddleware serves it from the page cache (quizzes/urls.py). Its
answers are accepted only from this site's own pages (condition.origin),
within the family forms' rate limit; bad answers are a form error (400).
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from condition.cache import content_version, page_variant, versioned
from condition.origin import same_origin_posts
from omsportal.views import form_rate
from quizzes.forms import QuizForm
from quizzes.models import Answer, Attempt, Choice, Question, Quiz, attempt_submit

# Each fresh quiz shows one of this many choice orders, so "try again" looks new.
SHUFFLES = 32


def index(request):
    """The published quizzes; while there is only one, "Check your understanding" goes straight to it."""
    quizzes = list(Quiz.objects.live().select_related("condition"))
    if len(quizzes) == 1:
        return redirect(quizzes[0])
    return render(request, "quizzes/index.html", {"quizzes": quizzes})


def _published_quiz(slug, request):
    """The quiz with its questions and choices; kept in the cache until staff change content."""

    def load():
        questions = Question.objects.prefetch_related(Prefetch("choices", queryset=Choice.objects.all()))
        return get_object_or_404(
            Quiz.objects.live().prefetch_related(Prefetch("questions", queryset=questions)), slug=slug
        )

    return versioned(f"quiz:{content_version(request)}:{slug}", load)


def _answers_refused(request, slug):
    """Answers posted from another site, or from a browser that does not say where from: not stored."""
    return render(request, "quizzes/refused.html", {"quiz": _published_quiz(slug, request)}, status=403)


@ratelimit(key="ip", rate=form_rate, method="POST", block=True)
@same_origin_posts(_answers_refused)
def take(request, slug):
    if request.method != "POST":
        return _fresh_quiz(request, slug)
    quiz = _published_quiz(slug, request)
    try:
        seed = int(request.POST.get("seed", ""))
    except ValueError:
        seed = 0  # A missing or odd seed only changes the order choices are shown in.
    form = QuizForm(request.POST, questions=_answerable(quiz), seed=seed)
    if form.is_valid():
        attempt = attempt_submit(quiz=quiz, answers=form.chosen())
        return redirect("quizzes:result", slug=quiz.slug, public_id=attempt.public_id)
    context = {"quiz": quiz, "form": form, "seed": seed, "question_count": len(form.questions)}
    return render(request, "quizzes/take.html", context, status=400)


def _answerable(quiz):
    """Questions a family can answer; a quiz left with none is not shown at all."""
    questions = [question for question in quiz.questions.all() if len(question.choices.all()) >= 2]
    if not questions:
        raise Http404("This quiz has no questions to answer.")
    return questions


def _fresh_quiz(request, slug):
    """A new quiz page in one of SHUFFLES choice orders; the page cache keeps each order."""
    seed = page_variant(request, SHUFFLES)
    quiz = _published_quiz(slug, request)
    form = QuizForm(None, questions=_answerable(quiz), seed=seed)
    context = {"quiz": quiz, "form": form, "seed": seed, "question_count": len(form.questions)}
    return render(request, "quizzes/take.html", context)


@require_http_methods(["GET", "HEAD"])
def result(request, slug, public_id):
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), quiz__slug=slug, public_id=public_id)
    answers = (
        Answer.objects.filter(attempt=attempt)
        .select_related("section__page", "section__care_advice")
        .only(
            "position",
            "question_text",
            "explanation",
            "choice_text",
            "correct_text",
            "is_correct",
            "section__anchor",
            "section__heading",
            "section__care_advice__title",
            "section__care_advice__status",
            "section__order",
            "section__page__order",
            "section__page__slug",
            "section__page__title",
            "section__page__status",
        )
    )
    context = {"attempt": attempt, "quiz": attempt.quiz, "answers": answers, "read_again": read_again(answers)}
    return render(request, "quizzes/result.html", context)


def read_again(answers):
    """The sections behind the missed questions, each once, in the order families read them."""
    sections = {}
    for answer in answers:
        if not answer.is_correct and answer.reread_url:
            sections.setdefault(answer.section.pk, answer.section)
    return sorted(
        sections.values(), key=lambda section: (section.page.order, section.page.title, section.order, section.pk)
    )

import random

from django.core.cache import cache
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from condition.cache import content_version
from omsportal.views import form_rate
from quizzes.forms import QuizForm
from quizzes.models import Answer, Attempt, Choice, Question, Quiz, attempt_submit

# Each fresh quiz shows one of this many choice orders, so "try again" looks new.
SHUFFLES = 32


def index(request):
    quizzes = Quiz.objects.published().select_related("condition")
    return render(request, "quizzes/index.html", {"quizzes": quizzes})


def _published_quiz(slug):
    return get_object_or_404(
        Quiz.objects.published().prefetch_related(
            Prefetch(
                "questions",
                queryset=Question.objects.prefetch_related(Prefetch("choices", queryset=Choice.objects.all())),
            )
        ),
        slug=slug,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=form_rate, method="POST", block=True)
def take(request, slug):
    quiz = _published_quiz(slug)
    questions = [question for question in quiz.questions.all() if len(question.choices.all()) >= 2]
    seed = random.randrange(SHUFFLES)
    if request.method == "POST":
        try:
            seed = int(request.POST.get("seed", ""))
            if not 0 <= seed <= 2**31:
                raise ValueError
        except ValueError:
            pass  # A missing or odd seed only changes the order choices are shown in.
    form = QuizForm(request.POST if request.method == "POST" else None, questions=questions, seed=seed)
    if request.method == "POST" and form.is_valid():
        attempt = attempt_submit(quiz=quiz, answers=form.chosen())
        return redirect("quizzes:result", slug=quiz.slug, public_id=attempt.public_id)
    context = {"quiz": quiz, "form": form, "seed": seed}
    if request.method == "POST":
        return render(request, "quizzes/take.html", context, status=400)
    # A fresh form is the same for everyone with the same shuffle: render it once.
    key = f"quiz-form:{content_version()}:{quiz.pk}:{seed}"
    context["questions_html"] = cache.get(key)
    if context["questions_html"] is None:
        context["questions_html"] = render_to_string("quizzes/includes/questions.html", {"form": form})
        cache.set(key, context["questions_html"], 60 * 60 * 24)
    return render(request, "quizzes/take.html", context)


def result(request, slug, public_id):
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), quiz__slug=slug, public_id=public_id)
    answers = (
        Answer.objects.filter(attempt=attempt)
        .select_related("section__page")
        .only(
            "position",
            "question_text",
            "explanation",
            "choice_text",
            "correct_text",
            "is_correct",
            "section__anchor",
            "section__heading",
            "section__page__slug",
            "section__page__title",
            "section__page__status",
        )
    )
    return render(request, "quizzes/result.html", {"attempt": attempt, "quiz": attempt.quiz, "answers": answers})

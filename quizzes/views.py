"""The quiz: a page cached whole (no CSRF token), answers posted back to it, and the result.

The quiz page is the same for everyone who gets the same choice order and
language, so PublicPageMiddleware serves it from the page cache
(quizzes/urls.py; its key carries the path, which carries the language). Its
answers are accepted only from this site's own pages (pagecache.posts),
within the family forms' rate limit; bad answers are a form error (400).

In another language the page shows the quiz's live translation, a Quiz of its
own with its own questions and choices, and the answers are scored against
it; with no translation the original is shown, with a notice. The language is
the request's (condition.translations.current_language()), never read from
the address here.
"""

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation as django_translation
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from condition.content import ORIGINAL_LANGUAGE
from condition.translations import (
    current_language,
    in_language,
    is_out_of_date,
    rows_differ_from_original,
    translation_for,
)
from pagecache.cache import cached, page_variant, versioned
from pagecache.posts import form_rate, same_origin_posts
from quizzes.forms import QuizForm
from quizzes.models import Answer, Attempt, Choice, Question, Quiz, attempt_submit
from quizzes.sections import sections_in_language

# Each fresh quiz shows one of this many choice orders, so "try again" looks new.
SHUFFLES = 32


def index(request):
    """The published quizzes; while there is only one, "Check your understanding" goes straight to it."""
    originals = list(Quiz.objects.live().select_related("condition"))
    if len(originals) == 1:
        return redirect(originals[0])
    # Each shown in the request's language where translated; addresses are the original's (translation.py).
    shown = in_language(originals, current_language(), model=Quiz)
    quizzes = [(original.get_absolute_url(), quiz) for original, quiz in zip(originals, shown, strict=True)]
    return render(request, "quizzes/index.html", {"quizzes": quizzes})


def _published_quiz(slug, request):
    """The quiz families read in this request's language, with its questions and choices.

    The live translation of the quiz whose original has `slug`, else the
    original itself (`shown_in_original`). Kept in the cache per language until
    staff change content.
    """
    language = current_language()

    def load():
        original = get_object_or_404(Quiz.objects.live(), slug=slug)
        quiz = translation_for(Quiz.objects, original, language)
        if quiz is not None and is_out_of_date(quiz) and rows_differ_from_original(quiz):
            quiz = None  # its right answers are superseded: the original's, as with care advice
        quiz = quiz or original
        questions = Question.objects.prefetch_related(Prefetch("choices", queryset=Choice.objects.all()))
        prefetch_related_objects([quiz], Prefetch("questions", queryset=questions))
        quiz.shown_in_original = quiz.language != language
        quiz.out_of_date = is_out_of_date(quiz)
        return quiz

    return cached(versioned("quiz", language, slug, request=request), load)


def _answers_refused(request, slug):
    """Answers posted from another site, or from a browser that does not say where from: not stored."""
    context = {"quiz": _published_quiz(slug, request), "slug": slug}
    return render(request, "quizzes/refused.html", context, status=403)


@ratelimit(key="ip", rate=form_rate, method="POST", block=True)
@same_origin_posts(_answers_refused)
def take(request, slug):
    if request.method != "POST":
        return _fresh_quiz(request, slug)
    # The quiz this request's language shows: the one the family saw, so its own questions and choices score.
    quiz = _published_quiz(slug, request)
    try:
        seed = int(request.POST.get("seed", ""))
    except ValueError:
        seed = 0  # A missing or odd seed only changes the order choices are shown in.
    form = QuizForm(request.POST, questions=_answerable(quiz), seed=seed)
    if form.is_valid():
        attempt = attempt_submit(quiz=quiz, answers=form.chosen())
        return redirect("quizzes:result", slug=slug, public_id=attempt.public_id)
    return render(request, "quizzes/take.html", _take_context(quiz, slug, form, seed), status=400)


def _take_context(quiz, slug, form, seed):
    context = {"quiz": quiz, "slug": slug, "form": form, "seed": seed, "question_count": len(form.questions)}
    if quiz.is_translation:
        with django_translation.override(ORIGINAL_LANGUAGE):  # the original's own address
            context["original_url"] = reverse("quizzes:take", kwargs={"slug": slug})
    return context


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
    return render(request, "quizzes/take.html", _take_context(quiz, slug, form, seed))


@require_http_methods(["GET", "HEAD"])
def result(request, slug, public_id):
    # The address carries the original's slug; a translation's own follows it at its next approval.
    attempt = get_object_or_404(
        Attempt.objects.select_related("quiz"),
        Q(quiz__slug=slug) | Q(quiz__translation_of__slug=slug),
        public_id=public_id,
    )
    answers = list(
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
            "section__page__id",
            "section__page__order",
            "section__page__slug",
            "section__page__title",
            "section__page__status",
        )
    )
    # Links lead to the pages in this request's language (reverse() adds its prefix); titles follow them.
    titles = sections_in_language([answer.section for answer in answers if answer.section], current_language())
    for answer in answers:
        if answer.section is not None:
            answer.section.shown = titles[answer.section.pk]
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "slug": slug,
        "answers": answers,
        # The stored words are in the quiz's language: marked where the page around them is in another.
        "answers_lang": attempt.language if attempt.language != current_language() else "",
        "read_again": read_again(answers),
    }
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

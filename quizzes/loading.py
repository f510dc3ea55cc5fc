"""The default OMS quiz (quizzes/shipped/): each question checks one section of the default pages."""

import functools
import tomllib
from pathlib import Path

from django.conf import settings

from condition.defaults import Item, register
from condition.models import Condition, Section
from quizzes.models import Choice, Question, Quiz

SHIPPED = Path(__file__).with_name("shipped")


@functools.cache
def shipped_quiz(language):
    """The default quiz in `language` (quizzes/shipped/<code>.toml): its fields, and its questions as
    (page slug, section anchor, prompt, explanation, right answer, wrong answers). None when not shipped."""
    path = SHIPPED / f"{language}.toml"
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    questions = tuple(
        (q["page"], q["anchor"], q["prompt"], q["explanation"], q["right"], tuple(q["wrong"])) for q in data["question"]
    )
    return {**data["quiz"], "questions": questions}


QUIZ = shipped_quiz(settings.LANGUAGE_CODE)
QUESTIONS = QUIZ["questions"]


def _shipped():
    return {
        **{name: QUIZ[name] for name in ("title", "intro", "pass_mark")},
        "questions": [
            [page, anchor, prompt, explanation, right, list(wrongs)]
            for page, anchor, prompt, explanation, right, wrongs in QUESTIONS
        ],
    }


def _read(quiz):
    questions = []
    for question in quiz.questions.select_related("section__page").prefetch_related("choices"):
        choices = list(question.choices.all())
        right = next((choice.text for choice in choices if choice.is_correct), "")
        section = question.section
        questions.append(
            [
                section.page.slug if section else "",
                section.anchor if section else "",
                question.prompt,
                question.explanation,
                right,
                [choice.text for choice in choices if not choice.is_correct],
            ]
        )
    return {"title": quiz.title, "intro": quiz.intro, "pass_mark": quiz.pass_mark, "questions": questions}


def _add_questions(quiz, questions):
    sections = {
        (section.page.slug, section.anchor): section
        for section in Section.objects.filter(
            page__condition=quiz.condition, page__draft_of=None, page__translation_of=None
        ).select_related("page")
    }
    choices = []
    for order, (page_slug, anchor, prompt, explanation, right, wrongs) in enumerate(questions, start=1):
        question = Question.objects.create(
            quiz=quiz,
            order=order * 10,
            prompt=prompt,
            explanation=explanation,
            section=sections.get((page_slug, anchor)),
        )
        choices.append(Choice(question=question, order=10, text=right, is_correct=True))
        choices.extend(Choice(question=question, order=20 + 10 * i, text=text) for i, text in enumerate(wrongs))
    Choice.objects.bulk_create(choices)


def _create(shipped):
    condition = Condition.objects.originals().get(translation_of=None, slug="oms")
    quiz = Quiz.objects.create(
        condition=condition,
        slug=QUIZ["slug"],
        status=Quiz.Status.PUBLISHED,
        **{k: v for k, v in shipped.items() if k != "questions"},
    )
    _add_questions(quiz, shipped["questions"])


def _update(quiz, shipped):
    """New wording replaces the questions; past results keep the wording families saw (Answer copies it)."""
    for name in ("title", "intro", "pass_mark"):
        setattr(quiz, name, shipped[name])
    quiz.save()
    for question in quiz.questions.all():
        question.delete()  # one by one, so History records each
    _add_questions(quiz, shipped["questions"])


@register(order=70)
def quizzes():
    shipped = _shipped()
    yield Item(
        "quiz",
        QUIZ["slug"],
        shipped,
        lambda: Quiz.objects.originals().filter(translation_of=None, slug=QUIZ["slug"]).first(),
        _read,
        lambda: _create(shipped),
        lambda quiz: _update(quiz, shipped),
    )


@register(order=90)
def quiz_translations():
    """The default quiz in each language that ships one (quizzes/shipped/<code>.toml), as a translation."""
    from condition.loading import translation_item
    from condition.translations import languages

    for code, _name in languages():
        quiz = shipped_quiz(code)
        if quiz is None:
            continue
        words = {
            "title": quiz["title"],
            "intro": quiz["intro"],
            "questions": [
                # Choices in the English quiz's order: the right answer first (_add_questions).
                {"prompt": prompt, "explanation": explanation, "choices": [{"text": t} for t in [right, *wrongs]]}
                for _page, _anchor, prompt, explanation, right, wrongs in quiz["questions"]
            ],
        }
        original = lambda: Quiz.objects.originals().filter(translation_of=None, slug=QUIZ["slug"]).first()  # noqa: E731
        yield translation_item("quiz", QUIZ["slug"], code, words, original)

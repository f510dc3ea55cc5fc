"""The default OMS quiz: each question checks one section of the default pages."""

from simple_history.utils import bulk_create_with_history

from condition.defaults import Item, register
from condition.models import Condition, Section
from quizzes.models import Choice, Question, Quiz

QUIZ = {
    "slug": "oms-basics",
    "title": "OMS: did we explain it well?",
    "intro": (
        "These short questions check how well our pages explain OMS. "
        "If you miss some, that tells us what to explain better. "
        "After you answer, you will see the right answers and links to read more."
    ),
    "pass_mark": 70,
}

# (page slug, section anchor, prompt, explanation, right answer, wrong answers)
QUESTIONS = [
    (
        "what-is-oms",
        "what-oms-means",
        "What causes the signs of OMS?",
        "In OMS the body's defence system attacks parts of the brain by mistake.",
        "The immune system attacks parts of the brain by mistake",
        ["A germ that spreads from person to person", "Something the parents did"],
    ),
    (
        "what-is-oms",
        "what-the-name-means",
        "What does opsoclonus mean?",
        "Opsoclonus means fast, jerky eye movements that go in many directions.",
        "Fast, jerky eye movements",
        ["Sudden muscle jerks", "Shaky walking"],
    ),
    (
        "what-is-oms",
        "who-gets-oms",
        "At what age does OMS most often start?",
        "Most children are between 1 and 3 years old when OMS starts.",
        "Between 1 and 3 years old",
        ["In the first 6 months of life", "In the teenage years"],
    ),
    (
        "symptoms",
        "relapses",
        "What can bring OMS signs back after they got better?",
        "A cold or other illness, or lowering a medicine, can bring signs back. This is a relapse.",
        "A cold, or lowering a medicine",
        ["Eating sugar", "Too much reading"],
    ),
    (
        "symptoms",
        "when-to-get-help",
        "Your child's dancing eyes come back. What should you do?",
        "Call your care team the same day if signs come back or get worse.",
        "Call the care team the same day",
        ["Wait for the next check-up", "Stop the medicine"],
    ),
    (
        "causes-and-neuroblastoma",
        "neuroblastoma-link",
        "About how many children with OMS have a neuroblastoma?",
        "About half of children with OMS have a neuroblastoma.",
        "About half",
        ["Almost none", "All of them"],
    ),
    (
        "causes-and-neuroblastoma",
        "blood-tests",
        "Is there one blood test that proves a child has OMS?",
        "No single blood test proves OMS. Doctors use the signs and other tests.",
        "No, doctors use the signs and several tests",
        ["Yes, one antibody blood test", "Yes, a test for sugar in the blood"],
    ),
    (
        "tests-and-diagnosis",
        "repeat-tests",
        "Why might scans for a tumour be done again?",
        "The tumours can be very small and hard to see, so scans may be repeated.",
        "Small tumours can be hard to see",
        ["The first scan always fails", "To check the child's height"],
    ),
    (
        "treatment",
        "if-there-is-a-tumour",
        "If the tumour is removed, is more treatment needed?",
        "Removing the tumour often does not stop OMS by itself. Medicine for the immune system is still needed.",
        "Yes, medicine for the immune system is usually still needed",
        ["No, removing it cures OMS", "No, only rest is needed"],
    ),
    (
        "treatment",
        "immune-medicines",
        "How long does OMS treatment often last?",
        "Most children need several medicines together, often for 1 to 2 years.",
        "1 to 2 years",
        ["About 1 week", "About 1 month"],
    ),
    (
        "treatment",
        "side-effects",
        "Can you stop a medicine on your own if your child seems better?",
        "Do not stop or lower a medicine without talking to your care team. Lowering it too fast can bring signs back.",
        "No, talk to the care team first",
        ["Yes, as soon as the eyes settle", "Yes, after one good week"],
    ),
    (
        "outlook",
        "what-helps",
        "Which children tend to do best?",
        "Children with milder signs at the start, and those treated early, tend to do best.",
        "Those with milder signs who start treatment early",
        ["Those who start treatment late", "Only those with a tumour"],
    ),
]


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
        for section in Section.objects.filter(page__condition=quiz.condition).select_related("page")
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
    bulk_create_with_history(choices, Choice)


def _create(shipped):
    condition = Condition.objects.get(slug="oms")
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
        lambda: Quiz.objects.filter(slug=QUIZ["slug"]).first(),
        _read,
        lambda: _create(shipped),
        lambda quiz: _update(quiz, shipped),
    )

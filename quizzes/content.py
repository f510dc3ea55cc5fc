"""The default OMS quiz: each question checks one section of the default pages."""

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
# The anchor is a normal section's anchor or the key of a care box placed on
# that page. Questions test what keeps a child safe; the right answer is the
# longest choice in at most a third of them, the shortest in at most a third, and
# never the only "No" among "Yes" choices or the reverse
# (tests/condition/test_default_content.py).
QUESTIONS = [
    (
        "treatment",
        "fever",
        "Your child takes steroids. At 10 at night the temperature is 38.2°C (100.8°F). What should you do?",
        "A temperature of 38°C (100.4°F) or more on these medicines needs a call now, day or night. "
        "If nobody answers, go to the emergency department.",
        "Call the clinic's after-hours number now",
        ["Give fever medicine and call in the morning", "Wait and check again in a few hours"],
    ),
    (
        "medicines-and-side-effects",
        "stopping-steroids",
        "Your child seems much better. Can you stop the steroid?",
        "Never stop steroids suddenly or lower the dose on your own. A sudden stop can make your child "
        "very ill and can bring OMS back. The care team lowers the dose slowly.",
        "No, the care team will lower it slowly",
        ["Yes, as the eyes have settled for a week", "No, but you can halve it yourself"],
    ),
    (
        "medicines-and-side-effects",
        "steroid-vomiting",
        "Your child vomits and cannot keep the steroid tablets down. What should you do?",
        "After weeks of steroids, a child who cannot keep a dose down can become very ill within hours. "
        "Call the clinic now, day or night. If nobody answers, go to the emergency department.",
        "Call the clinic now, day or night",
        ["Skip the steroid until the vomiting stops", "Wait and call the clinic in the morning"],
    ),
    (
        "vaccines-and-infections",
        "vaccines-during-treatment",
        "Your child is on OMS treatment and is due the MMR vaccine. What should you do?",
        "Ask the care team before any vaccine. Live vaccines such as MMR are usually put off "
        "during treatment and for months after.",
        "Ask the care team first",
        ["Have it on time as planned", "Skip every vaccine until treatment ends"],
    ),
    (
        "vaccines-and-infections",
        "family-vaccines",
        "Should brothers and sisters keep up with their own vaccines, including flu?",
        "Yes. Vaccines for the rest of the family help keep germs away from your child. "
        "Brothers and sisters can usually have the nasal spray flu vaccine.",
        "Yes, it helps keep germs away from your child",
        ["No, their vaccines could pass germs to your child", "Yes, but they should skip the flu vaccine"],
    ),
    (
        "vaccines-and-infections",
        "infection-contact",
        "A child at nursery has chickenpox and played with your child yesterday. What should you do?",
        "Call the clinic the same day, even if your child seems well. "
        "Your child may need medicine to make the illness less likely or less serious.",
        "Call the clinic today, even if your child seems well",
        ["Wait, and call if spots appear", "Keep your child at home and watch for a week"],
    ),
    (
        "symptoms",
        "fit-or-jerks",
        "How can you tell OMS jerks from a fit?",
        "In OMS jerks, your child is awake and knows you are there. "
        "In a fit, the child stops responding or loses awareness.",
        "In OMS jerks, the child stays awake and knows you are there",
        [
            "OMS jerks only happen while the child is fast asleep at night",
            "In a fit, the child stays awake and can answer you",
        ],
    ),
    (
        "living-with-oms",
        "fit-or-jerks",
        "Your child has a fit and stops responding. What should you do?",
        "A fit with loss of awareness, a fit over 5 minutes, or trouble breathing needs the emergency number. "
        "Do not hold your child down. Move hard things away and note the time.",
        "Call the emergency number",
        ["Call the clinic the same day", "Hold your child still until it stops"],
    ),
    (
        "medicines-and-side-effects",
        "ivig",
        "Your child had IVIG last month and is due the MMR vaccine. What should you do?",
        "IVIG does not lower the body's defences against germs. But it can stop some live vaccines, "
        "such as MMR, from working for several months after a drip. Ask the care team before any vaccine.",
        "Ask the care team first",
        ["Have it on time, IVIG does not matter", "Skip MMR for good"],
    ),
    (
        "medicines-and-side-effects",
        "rituximab",
        "Why are infections more likely for months after rituximab?",
        "Rituximab removes some of the immune cells that make antibodies, "
        "so the body makes fewer antibodies for months.",
        "The body makes fewer antibodies for months",
        ["It stops the bone marrow making blood cells", "The drip can leave germs in the vein"],
    ),
    (
        "medicines-and-side-effects",
        "ivig-headache",
        "A day after IVIG, your child has a bad headache and a stiff neck. What should you do?",
        "A bad headache with a stiff neck or dislike of bright light in the days after IVIG needs a call now, "
        "day or night. If your child is also very drowsy or confused, call the emergency number.",
        "Call the clinic now, day or night",
        ["Give pain relief and wait a week", "Nothing, because this is normal after IVIG"],
    ),
    (
        "tests-and-diagnosis",
        "repeat-tests",
        "Your child's first MIBG scan and urine test are normal. Does that rule out a tumour?",
        "No. These tumours can be very small, so a normal urine test or MIBG scan does not rule one out. "
        "Scans may be repeated.",
        "No, a small tumour can still be missed",
        ["Yes, if the MRI scan is also clear", "No, so your child needs an operation to look"],
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
    """The default quiz in each language that ships one (quizzes/content_<code>.py), as a translation."""
    from condition.content.translated import shipped_modules, translation_item

    for code, module in shipped_modules("quizzes.content", None):
        words = {
            "title": module.QUIZ["title"],
            "intro": module.QUIZ["intro"],
            "questions": [
                # Choices in the English quiz's order: the right answer first (_add_questions).
                {"prompt": prompt, "explanation": explanation, "choices": [{"text": t} for t in [right, *wrongs]]}
                for _page, _anchor, prompt, explanation, right, wrongs in module.QUESTIONS
            ],
        }
        original = lambda: Quiz.objects.originals().filter(translation_of=None, slug=QUIZ["slug"]).first()  # noqa: E731
        yield translation_item("quiz", QUIZ["slug"], code, words, original)

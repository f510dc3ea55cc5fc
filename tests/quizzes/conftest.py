import pytest

from tests.factories import PageFactory, QuizFactory, SectionFactory, question_with_choices, translate


@pytest.fixture
def quiz(db):
    quiz = QuizFactory(slug="basics", pass_mark=70)
    page = PageFactory(slug="symptoms")
    for index in range(3):
        section = SectionFactory(page=page, anchor=f"part-{index}", heading=f"Part {index}")
        question_with_choices(
            quiz, right=f"Right {index}", wrong=(f"Wrong {index}a", f"Wrong {index}b"), section=section
        )
    return quiz


def answers_for(quiz, *, wrong=()):
    """POST data answering every question: right unless its index is in `wrong`."""
    data = {"seed": "7"}
    for index, question in enumerate(quiz.questions.all()):
        choice = (
            question.choices.get(is_correct=index not in wrong)
            if index not in wrong
            else question.choices.filter(is_correct=False).first()
        )
        data[f"question_{question.pk}"] = str(choice.pk)
    return data


def in_spanish_words(quiz_draft):
    """A translator's Spanish quiz: its own title, intro, questions and choices, in the English order."""
    quiz_draft.title = "Comprueba lo que has entendido"
    quiz_draft.intro = "Estas preguntas nos dicen si lo explicamos bien."
    quiz_draft.save()
    for index, question in enumerate(quiz_draft.questions.all()):
        question.prompt = f"Pregunta {index} en español"
        question.explanation = f"Explicación {index}: eso dice la página."
        question.save()
        for choice in question.choices.all():
            choice.text = ("Correcta " if choice.is_correct else "Incorrecta ") + choice.text.split()[-1]
            choice.save()


@pytest.fixture
def spanish_quiz(quiz, reviewer, settings):
    settings.OMS_ALLOW_SELF_APPROVAL = True
    return translate(quiz, reviewer, change=in_spanish_words)

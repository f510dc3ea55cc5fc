import pytest

from tests.factories import PageFactory, QuizFactory, SectionFactory, question_with_choices


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

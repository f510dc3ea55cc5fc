"""Staff results side by side per language: a question Spanish readers miss more may point at the translation.

A translation is a Quiz of its own (condition.translations), so each language's
attempts are summed by `quiz_results()` for its own quiz, from the daily sums
like any quiz. Questions are paired by their position in the quiz: a
translation's questions are copied from the original in the same order and
keep it (their order is not the translator's to change), so the nth question
of the Spanish quiz is the nth of the English one. When the two quizzes hold
a different number of questions (the English gained or lost one since), the
page says so, as pairs after the change may not match.
"""

import math
from dataclasses import dataclass, field

from condition.translations import is_out_of_date, language_name, with_original_version
from quizzes.models import Question, Quiz
from quizzes.results import quiz_results

# A translated question is flagged only when each language has at least this many answers (below it, a few
# families decide the rate), Spanish readers get it right at least MIN_GAP points less often than English
# readers (a gap staff would act on), and the gap is unlikely to be chance: a two-proportion z-test at
# the 5% level (z >= 1.96), so a 15-point gap needs about 90 answers a side near 50% right, fewer near 90%.
MIN_ANSWERS = 30
MIN_GAP = 15
Z_CRITICAL = 1.96


@dataclass
class Cell:
    """One question's answers in one language."""

    language: str
    question: Question | None
    answered: int = 0
    correct: int = 0
    top_wrong: str = ""
    top_wrong_count: int = 0
    flagged: bool = False

    @property
    def percent_correct(self):
        return round(100 * self.correct / self.answered) if self.answered else None


@dataclass
class PairedQuestion:
    position: int
    cells: list  # one Cell per language, the original first

    @property
    def flagged(self):
        return any(cell.flagged for cell in self.cells)


@dataclass
class Language:
    code: str
    name: str
    quiz: Quiz
    results: dict
    out_of_date: bool = False
    question_count: int = 0


@dataclass
class ByLanguage:
    languages: list
    questions: list = field(default_factory=list)

    @property
    def flagged(self):
        return [row for row in self.questions if row.flagged]

    @property
    def counts_differ(self):
        return len({language.question_count for language in self.languages}) > 1


def misses_more(original, translated):
    """True when readers of the translation clearly get this question wrong more often (see MIN_ANSWERS)."""
    n1, n2 = original.answered, translated.answered
    if n1 < MIN_ANSWERS or n2 < MIN_ANSWERS:
        return False
    p1, p2 = original.correct / n1, translated.correct / n2
    if 100 * (p1 - p2) < MIN_GAP:
        return False
    pooled = (original.correct + translated.correct) / (n1 + n2)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return spread > 0 and (p1 - p2) / spread >= Z_CRITICAL


def results_by_language(original, *, start=None, end=None):
    """Each language's summary and every question's right-answer rate per language, paired by position."""
    translations = with_original_version(Quiz.objects.originals().filter(translation_of=original)).order_by("language")
    quizzes = [original, *translations]
    languages = [
        Language(quiz.language, language_name(quiz.language), quiz, quiz_results(quiz, start=start, end=end))
        for quiz in quizzes
    ]
    for language in languages[1:]:
        language.out_of_date = is_out_of_date(language.quiz)
    in_order = {quiz.pk: [] for quiz in quizzes}
    for question in Question.objects.filter(quiz__in=quizzes).only("pk", "quiz_id", "order", "prompt"):
        in_order[question.quiz_id].append(question)  # Question.Meta.ordering: the order families see
    stats = [{row.question.pk: row for row in language.results["questions"] if row.question} for language in languages]
    result = ByLanguage(languages)
    for language in languages:
        language.question_count = len(in_order[language.quiz.pk])
    for position in range(max(language.question_count for language in languages)):
        cells = []
        for language, figures in zip(languages, stats, strict=True):
            questions = in_order[language.quiz.pk]
            question = questions[position] if position < len(questions) else None
            row = figures.get(question.pk) if question else None
            cells.append(
                Cell(language.code, question, row.answered, row.correct, row.top_wrong, row.top_wrong_count)
                if row
                else Cell(language.code, question)
            )
        for cell in cells[1:]:
            cell.flagged = misses_more(cells[0], cell)
        result.questions.append(PairedQuestion(position + 1, cells))
    return result

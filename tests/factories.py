import factory

from condition.models import CareAdvice, Condition, GlossaryTerm, Page, Section, Source
from quizzes.models import Choice, Question, Quiz


class ConditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Condition
        django_get_or_create = ["slug"]

    name = "Opsoclonus-Myoclonus Syndrome"
    slug = "oms"
    summary = "A rare illness of the brain and nerves."
    status = Condition.Status.PUBLISHED


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    condition = factory.SubFactory(ConditionFactory)
    title = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    summary = "What this topic covers."
    key_points = "First point.\nSecond point."
    order = factory.Sequence(lambda n: n)
    status = Page.Status.PUBLISHED


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    key = factory.Sequence(lambda n: f"src{n}")
    citation = factory.Sequence(lambda n: f"Author A. Study number {n}. Journal. 2020.")
    url = "https://example.org/study"
    year = 2020
    status = Source.Status.PUBLISHED


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    page = factory.SubFactory(PageFactory)
    heading = factory.Sequence(lambda n: f"Section {n}")
    anchor = factory.Sequence(lambda n: f"section-{n}")
    body = "Plain words about the topic."
    order = factory.Sequence(lambda n: n)


class CareAdviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareAdvice

    key = factory.Sequence(lambda n: f"care-{n}")
    title = factory.Sequence(lambda n: f"Care situation {n}")
    urgency = CareAdvice.Urgency.URGENT
    look_for = "- A temperature of 38°C or higher."
    action = "Call the clinic now, day or night."
    status = CareAdvice.Status.PUBLISHED


class CareSectionFactory(SectionFactory):
    """A care box placed on a page: the advice's own words, no body."""

    care_advice = factory.SubFactory(CareAdviceFactory)
    heading = ""
    body = ""
    anchor = factory.LazyAttribute(lambda section: section.care_advice.key)


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    term = factory.Sequence(lambda n: f"term{n}")
    slug = factory.Sequence(lambda n: f"term{n}")
    definition = "A plain explanation."
    status = GlossaryTerm.Status.PUBLISHED


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    title = "Check your understanding"
    slug = factory.Sequence(lambda n: f"quiz-{n}")
    condition = factory.SubFactory(ConditionFactory)
    intro = "This checks how well we explained things."
    pass_mark = 70
    status = Quiz.Status.PUBLISHED


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    quiz = factory.SubFactory(QuizFactory)
    prompt = factory.Sequence(lambda n: f"Question {n}?")
    explanation = "Because that is what the page says."
    order = factory.Sequence(lambda n: n)


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    text = factory.Sequence(lambda n: f"Choice {n}")
    is_correct = False


def question_with_choices(quiz, *, right="Right answer", wrong=("Wrong one", "Wrong two"), section=None):
    question = QuestionFactory(quiz=quiz, section=section)
    ChoiceFactory(question=question, text=right, is_correct=True)
    for text in wrong:
        ChoiceFactory(question=question, text=text)
    return question


def translate(item, user, language="es", change=None):
    """`item` translated through the workflow: start_translation, the translator's words, submit, approve.

    `user` must be allowed to approve; tests set OMS_ALLOW_SELF_APPROVAL (a clinic of one).
    """
    from condition import drafts
    from condition.translations import start_translation

    draft = start_translation(item, language, user)
    if change is not None:
        change(draft)
    drafts.submit(draft, user)
    return drafts.approve(draft, user)

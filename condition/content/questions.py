"""Suggested questions for the care team, by page slug (the default OMS content).

Written for this portal in plain words; families tick the ones they want and
print the list for their child's appointment.
"""

QUESTIONS = {
    "what-is-oms": [
        "How sure are you that my child has OMS?",
        "What is causing it in my child?",
        "Who should we call when we have questions between visits?",
        "Where can we meet other families living with OMS?",
    ],
    "symptoms": [
        "Which signs should we watch for at home?",
        "What should we write down about the signs each day?",
        "Which signs mean we should call you the same day?",
        "Are the sleep and mood changes part of OMS?",
    ],
    "causes-and-neuroblastoma": [
        "Has a tumour been found, and where is it?",
        "If no tumour was found, will you look again, and when?",
        "Will treating the tumour also help the OMS signs?",
    ],
    "tests-and-diagnosis": [
        "Which tests does my child need, and why?",
        "Will any test need sleep medicine or a stay in hospital?",
        "When will we get the results, and who will explain them?",
        "Will the tests need to be done again later?",
    ],
    "treatment": [
        "Which medicines will my child take, and for how long?",
        "What side effects should we watch for?",
        "How will we know the treatment is working?",
        "What should we do if a dose is missed or my child is sick?",
        "Can my child have the usual vaccines during treatment?",
    ],
    "outlook": [
        "What do you expect for my child in the next year?",
        "What should we do if the signs come back?",
        "Which check-ups will my child need as they grow?",
        "Can my child get help with learning, speech or movement?",
    ],
    "living-with-oms": [
        "What should we tell my child's school or nursery?",
        "Which signs mean we should call the clinic, and which mean an emergency?",
        "How can we help my child sleep and cope with mood changes?",
        "What support is there for us as parents and for brothers and sisters?",
    ],
}


def load_suggested_questions():
    """Give each default page its questions unless it already has some; returns (created, kept) labels."""
    from condition.models import Page, SuggestedQuestion

    created, kept = [], []
    pages = Page.objects.filter(slug__in=QUESTIONS).prefetch_related("suggested_questions")
    for page in pages:
        if page.suggested_questions.all():
            kept.append(f"questions for {page.slug}")
            continue
        for order, text in enumerate(QUESTIONS[page.slug], start=1):
            SuggestedQuestion.objects.create(page=page, text=text, order=order * 10)
        created.append(f"questions for {page.slug}")
    return created, kept


def load_family_content():
    """The parts of the default content added by issue 12: suggested questions, then the search index.

    The loader bulk-creates sections (no save signals), so the index is rebuilt
    here once everything is in place.
    """
    from condition.search import index

    created, kept = load_suggested_questions()
    index.rebuild()
    return created, kept

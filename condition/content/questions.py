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
    "medicines-and-side-effects": [
        "Which side effects should we watch for with each of my child's medicines?",
        "How and when will the steroid dose be lowered?",
        "What should we do if my child is sick and cannot keep a dose down?",
        "Which checks or blood tests does my child need while on these medicines?",
    ],
    "vaccines-and-infections": [
        "Which vaccines can my child have now, and which should wait?",
        "When can my child catch up on vaccines after treatment?",
        "What should we do if my child is near someone with chickenpox or measles?",
        "Which vaccines should the rest of the family have?",
    ],
    "living-with-oms": [
        "What should we tell my child's school or nursery?",
        "Which signs mean we should call the clinic, and which mean an emergency?",
        "How can we help my child sleep and cope with mood changes?",
        "What support is there for us as parents and for brothers and sisters?",
    ],
}

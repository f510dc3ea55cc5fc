"""The default OMS content in Spanish: the same shapes and keys as the English files one folder up.

Written for this portal from the checked facts in ../shared/brief/content-facts.md
(the facts of the English pages, said naturally for families, not word for
word), in neutral Latin-American Spanish that addresses the reader as "usted".
The translation is not yet reviewed by a clinician at the clinic: families see
"Traducción aún no revisada por un profesional clínico de <clínica>" until it is.

- pages.py: CONDITION (name, other_names, summary) and PAGES
- care.py: CARE_ADVICE
- glossary.py: GLOSSARY
- questions.py: QUESTIONS (questions for the care team)
- pictures.py: PICTURES (alt text and caption of the shipped picture)
- clinic.py: CLINIC_PROFILE (the default clinic name)
- the quiz: quizzes/content_es.py (quizzes import condition, never the reverse)

Each Spanish item translates the English item with the same slug or key, in
the same order. Slugs, anchors, care keys and [cite:key] markers stay the
English ones: they are addresses, links and sources. Every number is written
in digits exactly where the English has digits.
"""

"""The default clinic profile's family-facing text in Spanish (CLINIC_PROFILE).

The English default is set in ../kinds.py clinic_profile(): the name
"Children's Neurology Clinic", the only text a family reads there (phone
numbers and address are the clinic's own, never shipped). Written for this
portal beside the content from ../shared/brief/content-facts.md (a name holds no
facts); not yet reviewed by a clinician at the clinic: families see
"Traducción aún no revisada por un profesional clínico de <clínica>" until it is.
Like the English, it is only a starting value: a clinic's own name is never
"corrected" by a shipped default.
"""

CLINIC_PROFILE = {
    "name": "Clínica de Neurología Infantil",
}

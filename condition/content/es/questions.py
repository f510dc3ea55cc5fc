"""Suggested questions for the care team, in Spanish, by page slug (QUESTIONS, shaped as ../questions.py).

Written for this portal from the checked facts in ../shared/brief/content-facts.md,
the same questions as the English, in the same order, for the same pages. Not
yet reviewed by a clinician at the clinic: families see "Traducción aún no
revisada por un profesional clínico de <clínica>" until it is. Families tick
the ones they want and print the list for their child's appointment.
"""

QUESTIONS = {
    "what-is-oms": [
        "¿Qué tan seguros están de que mi hijo tiene SOM?",
        "¿Qué lo está causando en mi hijo?",
        "¿A quién llamamos si tenemos preguntas entre una cita y otra?",
        "¿Dónde podemos conocer a otras familias que viven con el SOM?",
    ],
    "symptoms": [
        "¿Qué señales debemos vigilar en casa?",
        "¿Qué debemos anotar cada día sobre las señales?",
        "¿Qué señales quieren decir que debemos llamarles el mismo día?",
        "¿Los cambios en el sueño y el ánimo son parte del SOM?",
    ],
    "causes-and-neuroblastoma": [
        "¿Encontraron un tumor? ¿Dónde está?",
        "Si no encontraron un tumor, ¿lo van a buscar otra vez? ¿Cuándo?",
        "¿Tratar el tumor también ayudará con las señales del SOM?",
    ],
    "tests-and-diagnosis": [
        "¿Qué pruebas necesita mi hijo, y por qué?",
        "¿Alguna prueba necesitará un medicamento para dormir o quedarse en el hospital?",
        "¿Cuándo tendremos los resultados, y quién nos los explicará?",
        "¿Habrá que repetir las pruebas más adelante?",
    ],
    "treatment": [
        "¿Qué medicamentos tomará mi hijo, y por cuánto tiempo?",
        "¿A qué efectos secundarios debemos estar atentos?",
        "¿Cómo sabremos si el tratamiento está funcionando?",
        "¿Qué hacemos si se salta una dosis o si mi hijo vomita?",
        "¿Puede mi hijo recibir las vacunas de siempre durante el tratamiento?",
    ],
    "outlook": [
        "¿Qué esperan para mi hijo en el próximo año?",
        "¿Qué hacemos si las señales vuelven?",
        "¿Qué controles necesitará mi hijo a medida que crezca?",
        "¿Puede mi hijo recibir ayuda para aprender, hablar o moverse?",
    ],
    "medicines-and-side-effects": [
        "¿A qué efectos secundarios debemos estar atentos con cada medicamento de mi hijo?",
        "¿Cómo y cuándo van a bajar la dosis del esteroide?",
        "¿Qué hacemos si mi hijo vomita y no puede retener una dosis?",
        "¿Qué controles o análisis de sangre necesita mi hijo mientras toma estos medicamentos?",
    ],
    "vaccines-and-infections": [
        "¿Qué vacunas puede recibir mi hijo ahora, y cuáles deben esperar?",
        "¿Cuándo puede mi hijo ponerse al día con las vacunas después del tratamiento?",
        "¿Qué hacemos si mi hijo está cerca de alguien con varicela o sarampión?",
        "¿Qué vacunas debe recibir el resto de la familia?",
    ],
    "living-with-oms": [
        "¿Qué le decimos a la escuela o a la guardería de mi hijo?",
        "¿Qué señales quieren decir que llamemos a la clínica, y cuáles son una emergencia?",
        "¿Cómo podemos ayudar a mi hijo a dormir y a sobrellevar los cambios de ánimo?",
        "¿Qué apoyo hay para nosotros como padres, y para los hermanos?",
    ],
}

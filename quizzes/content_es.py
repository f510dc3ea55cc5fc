"""The default OMS quiz in Spanish (QUIZ and QUESTIONS, shaped as quizzes/content.py).

Written for this portal from the checked facts in ../shared/brief/content-facts.md,
the same questions as the English quiz, in the same order, each checking the
same section (page slug and anchor stay the English ones: they are links).
Each question keeps its right answer first and its wrong answers in the
English order, so the right answer sits in the same position. Not yet
reviewed by a clinician at the clinic: families see "Traducción aún no
revisada por un profesional clínico de <clínica>" until it is.

Data only: the lead's loader reads it (quizzes may import condition, never
the reverse).
"""

QUIZ = {
    "slug": "oms-basics",
    "title": "SOM: ¿se lo explicamos bien?",
    "intro": (
        "Estas preguntas cortas revisan qué tan bien explican el SOM nuestras páginas. "
        "Si falla algunas, eso nos dice qué debemos explicar mejor. "
        "Después de responder, verá las respuestas correctas y enlaces para leer más."
    ),
    "pass_mark": 70,
}

# (page slug, section anchor, prompt, explanation, right answer, wrong answers), as in English.
QUESTIONS = [
    (
        "treatment",
        "fever",
        "Su hijo toma esteroides. A las 10 de la noche tiene una temperatura de 38.2°C (100.8°F). ¿Qué debe hacer?",
        "Con estos medicamentos, una temperatura de 38°C (100.4°F) o más necesita una llamada ahora mismo, "
        "de día o de noche. Si nadie contesta, vaya a la sala de emergencias.",
        "Llamar ahora al número de fuera de horario de la clínica",
        ["Darle medicina para la fiebre y llamar en la mañana", "Esperar y volver a medirla en unas horas"],
    ),
    (
        "medicines-and-side-effects",
        "stopping-steroids",
        "Su hijo parece estar mucho mejor. ¿Puede dejarle el esteroide?",
        "Nunca deje los esteroides de repente ni baje la dosis por su cuenta. Dejarlos de repente puede "
        "enfermar gravemente a su hijo y hacer que el SOM vuelva. El equipo médico baja la dosis despacio.",
        "No, el equipo médico lo irá bajando despacio",
        ["Sí, ya que los ojos llevan una semana tranquilos", "No, pero usted puede bajarlo a la mitad"],
    ),
    (
        "medicines-and-side-effects",
        "steroid-vomiting",
        "Su hijo vomita y no puede retener las pastillas de esteroides. ¿Qué debe hacer?",
        "Después de semanas de esteroides, un niño que no puede retener una dosis puede ponerse muy grave "
        "en pocas horas. Llame a la clínica ahora mismo, de día o de noche. Si nadie contesta, vaya a la sala "
        "de emergencias.",
        "Llamar a la clínica ahora mismo, de día o de noche",
        ["Dejar de darle el esteroide hasta que paren los vómitos", "Esperar y llamar a la clínica por la mañana"],
    ),
    (
        "vaccines-and-infections",
        "vaccines-during-treatment",
        "Su hijo está en tratamiento para el SOM y le toca la vacuna triple viral (MMR). ¿Qué debe hacer?",
        "Pregunte al equipo médico antes de cualquier vacuna. Las vacunas vivas, como la triple viral, "
        "por lo general no se ponen durante el tratamiento ni por meses después.",
        "Preguntar primero al equipo médico",
        ["Ponérsela a tiempo, como estaba planeado", "Saltarse todas las vacunas hasta que termine el tratamiento"],
    ),
    (
        "vaccines-and-infections",
        "family-vaccines",
        "¿Deben los hermanos tener sus propias vacunas al día, incluida la de la influenza (gripe)?",
        "Sí. Las vacunas del resto de la familia ayudan a mantener los microbios lejos de su hijo. "
        "Por lo general, los hermanos pueden recibir la vacuna contra la influenza que se rocía en la nariz.",
        "Sí, ayuda a mantener los microbios lejos de su hijo",
        ["No, porque sus vacunas podrían pasarle microbios a su hijo", "Sí, pero sin la vacuna contra la influenza"],
    ),
    (
        "vaccines-and-infections",
        "infection-contact",
        "Un niño de la guardería tiene varicela y ayer jugó con su hijo. ¿Qué debe hacer?",
        "Llame a la clínica el mismo día, aunque su hijo se vea bien. "
        "Puede que su hijo necesite un medicamento para que la enfermedad sea menos probable o menos grave.",
        "Llamar hoy a la clínica, aunque su hijo se vea bien",
        ["Esperar, y llamar si le salen granitos", "Dejar a su hijo en casa y vigilarlo una semana"],
    ),
    (
        "symptoms",
        "fit-or-jerks",
        "¿Cómo puede distinguir las sacudidas del SOM de una convulsión?",
        "En las sacudidas del SOM, su hijo está despierto y sabe que usted está ahí. "
        "En una convulsión, el niño deja de responder o deja de darse cuenta de lo que pasa.",
        "En las sacudidas del SOM, el niño sigue despierto y sabe que usted está ahí",
        [
            "Las sacudidas del SOM solo pasan cuando el niño está profundamente dormido de noche",
            "En una convulsión, el niño sigue despierto y puede responderle",
        ],
    ),
    (
        "living-with-oms",
        "fit-or-jerks",
        "Su hijo tiene una convulsión y deja de responder. ¿Qué debe hacer?",
        "Una convulsión en la que el niño deja de darse cuenta de lo que pasa, una convulsión de más de 5 minutos "
        "o la dificultad para respirar necesitan el número de emergencias. No sujete a su hijo. "
        "Aleje las cosas duras y anote la hora.",
        "Llamar al número de emergencias",
        ["Llamar a la clínica el mismo día", "Sujetar a su hijo hasta que pare"],
    ),
    (
        "medicines-and-side-effects",
        "ivig",
        "Su hijo recibió IGIV el mes pasado y le toca la vacuna triple viral (MMR). ¿Qué debe hacer?",
        "La IGIV no baja las defensas del cuerpo contra los microbios. Pero puede hacer que algunas vacunas "
        "vivas, como la triple viral, no sirvan por varios meses después de un goteo. "
        "Pregunte al equipo médico antes de cualquier vacuna.",
        "Preguntar primero al equipo médico",
        ["Ponérsela a tiempo, la IGIV no importa", "Saltarse la triple viral para siempre"],
    ),
    (
        "medicines-and-side-effects",
        "rituximab",
        "¿Por qué las infecciones son más probables durante meses después del rituximab?",
        "El rituximab quita algunas de las células de defensa que hacen anticuerpos, "
        "así que el cuerpo hace menos anticuerpos por meses.",
        "El cuerpo hace menos anticuerpos por meses",
        ["Hace que la médula ósea deje de hacer células de la sangre", "El goteo puede dejar microbios en la vena"],
    ),
    (
        "medicines-and-side-effects",
        "ivig-headache",
        "Un día después de la IGIV, su hijo tiene un dolor de cabeza fuerte y el cuello rígido. ¿Qué debe hacer?",
        "Un dolor de cabeza fuerte con el cuello rígido o molestia por la luz brillante, en los días después "
        "de la IGIV, necesita una llamada ahora mismo, de día o de noche. Si además está muy adormilado o "
        "confundido, llame al número de emergencias.",
        "Llamar a la clínica ahora mismo, de día o de noche",
        ["Darle medicina para el dolor y esperar una semana", "Nada, porque es normal después de la IGIV"],
    ),
    (
        "tests-and-diagnosis",
        "repeat-tests",
        "La primera gammagrafía con MIBG y la prueba de orina de su hijo salen normales. ¿Eso descarta un tumor?",
        "No. Estos tumores pueden ser muy pequeños, así que aunque la prueba de orina o la gammagrafía con MIBG "
        "salgan normales, puede haber un tumor. Los estudios se pueden repetir.",
        "No, un tumor pequeño todavía se puede pasar por alto",
        ["Sí, si la resonancia magnética también sale normal", "No, así que su hijo necesita una operación para ver"],
    ),
]

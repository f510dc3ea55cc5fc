"""Care advice for the default OMS content, in Spanish (CARE_ADVICE, shaped as ../care.py).

Written for this portal from the checked facts in ../shared/brief/content-facts.md
(safety section), the same advice as the English records: the same keys, in
the same order, the same urgency, the same signs and the same actions. Not yet
reviewed by a clinician at the clinic: families see "Traducción aún no
revisada por un profesional clínico de <clínica>" until it is.

No phone number is ever typed here: the help box shows the clinic's numbers
from the clinic profile. A box that points to another names it by its Spanish
title, in straight double quotes ('siga "..."', 'vea "..."'), and the pages
place both boxes. [cite:key] marks the same source as in English.
"""

CARE_ADVICE = [
    {
        "key": "breathing-or-waking",
        "title": "Dificultad para respirar, hinchazón de la cara o los labios, o no se despierta",
        "urgency": "emergency",
        "look_for": (
            "- Su hijo tiene dificultad para respirar. [cite:nhs-fit]\n"
            "- Su hijo no se despierta, o no se despierta del todo. [cite:nhs-fit]\n"
            "- A su hijo se le hinchan la cara, los labios o la lengua. [cite:ritux-label]"
        ),
        "action": ("Llame ahora mismo al número de emergencias. [cite:nhs-fit]"),
    },
    {
        "key": "fit-or-jerks",
        "title": "Una convulsión",
        "urgency": "emergency",
        "look_for": (
            "- Las sacudidas del SOM por sí solas no necesitan el número de emergencias: su hijo está despierto "
            "y sabe que usted está ahí. Puede llorar, estirar los brazos hacia usted o girarse al oír su voz. "
            "[cite:rossor]\n"
            "- Una convulsión es distinta. Su hijo deja de responder o deja de darse cuenta de lo que pasa, "
            "y puede ponerse rígido y tener sacudidas. [cite:nhs-fit]\n"
            "- Una convulsión dura más de 5 minutos. [cite:nhs-fit]\n"
            "- Su hijo tiene dificultad para respirar durante o después de una convulsión. [cite:nhs-fit]"
        ),
        "action": (
            "Llame ahora mismo al número de emergencias si su hijo deja de darse cuenta de lo que pasa "
            "en una convulsión, si una convulsión dura más de 5 minutos o si le cuesta respirar. [cite:nhs-fit]\n\n"
            "Anote la hora en que empieza la convulsión. Aleje las cosas duras. "
            "No sujete a su hijo ni le ponga nada en la boca. "
            "Cuando paren las sacudidas, acueste a su hijo de lado. [cite:nhs-fit]\n\n"
            'Si las sacudidas del SOM vuelven o empeoran, vea "Las señales vuelven o empeoran". [cite:rossor]'
        ),
    },
    {
        "key": "head-knock",
        "title": "Un golpe en la cabeza",
        "urgency": "emergency",
        "look_for": (
            "- Un niño que camina inestable se cae más a menudo. [cite:nhs-head]\n"
            "- Después de un golpe en la cabeza, fíjese si vomita, tiene un sueño fuera de lo normal, "
            "tiene una convulsión, o le sale líquido claro por la nariz o los oídos. [cite:nhs-head]"
        ),
        "action": (
            "Llame ahora mismo al número de emergencias si, después de un golpe en la cabeza, su hijo vomita, "
            "tiene un sueño fuera de lo normal, tiene una convulsión o le sale líquido claro por la nariz "
            "o los oídos. [cite:nhs-head]\n\n"
            "Para que las caídas sean menos probables, ponga rejas de seguridad en las escaleras y no suelte "
            "a su hijo en la bañera. Use un casco solo si el equipo médico lo aconseja. [cite:nhs-head]"
        ),
    },
    {
        "key": "fever",
        "title": "Fiebre durante el tratamiento",
        "urgency": "urgent",
        "look_for": (
            "- Una temperatura de 38°C (100.4°F) o más. [cite:nice-ns]\n"
            "- Esto importa si su hijo toma esteroides, ACTH, azatioprina o ciclofosfamida, "
            "recibe quimioterapia o recibió rituximab en los últimos meses. "
            "Estos tratamientos bajan las defensas del cuerpo contra los microbios. [cite:nice-ns] [cite:rossor]\n"
            "- Su hijo se ve muy enfermo, aunque la temperatura sea más baja. [cite:nice-ns]"
        ),
        "action": (
            "Llame a la clínica ahora mismo, de día o de noche. No espere hasta la mañana. [cite:nice-ns]\n\n"
            "Si nadie contesta, lleve a su hijo a la sala de emergencias (urgencias) más cercana. [cite:nice-ns] "
            "Diga al personal qué medicamentos toma su hijo. [cite:rossor]"
        ),
    },
    {
        "key": "rituximab-drip",
        "title": "Reacciones al goteo de rituximab",
        "urgency": "urgent",
        "look_for": (
            "- Durante el goteo, o en las 24 horas siguientes: fiebre, escalofríos, sarpullido, picazón, "
            "hinchazón de la cara o los labios, o dificultad para respirar. [cite:ritux-label]\n"
            "- Por meses después del rituximab: el cuerpo hace menos anticuerpos, "
            "así que las infecciones son más probables. [cite:ritux-label] [cite:rossor]"
        ),
        "action": (
            "Durante el goteo, avise enseguida a la enfermera. "
            "El personal hará más lento o detendrá el goteo y tratará la reacción. [cite:ritux-label]\n\n"
            "En casa, si su hijo tiene dificultad para respirar o se le hinchan la cara o los labios, "
            'siga "Dificultad para respirar, hinchazón de la cara o los labios, o no se despierta". [cite:ritux-label] '
            "Si le sale un sarpullido nuevo (ronchas o manchas en la piel), llame a la clínica ahora mismo, "
            "de día o de noche. [cite:ritux-label] "
            'Si tiene fiebre, siga "Fiebre durante el tratamiento". [cite:nice-ns]'
        ),
    },
    {
        "key": "steroid-vomiting",
        "title": "Vómitos o malestar grave con esteroides o ACTH",
        "urgency": "urgent",
        "look_for": (
            "- Su hijo vomita y no puede retener las pastillas o el líquido de esteroides, "
            "o perdió una dosis de esteroides por los vómitos. [cite:natpsa] [cite:mfc]\n"
            "- Su hijo toma esteroides o ACTH y se ve muy enfermo, muy débil o con mucho sueño. [cite:natpsa]\n"
            "- Después de semanas de esteroides o ACTH, puede que el cuerpo no produzca suficiente esteroide propio. "
            "Si su hijo pierde dosis o se enferma, puede ponerse muy grave en pocas horas. [cite:natpsa] [cite:bnfc]"
        ),
        "action": (
            "Llame a la clínica ahora mismo, de día o de noche. No espere hasta la mañana. [cite:natpsa]\n\n"
            "Si nadie contesta, lleve a su hijo ahora mismo a la sala de emergencias (urgencias) más cercana. "
            "[cite:natpsa] "
            "Lleve la tarjeta de emergencia de esteroides y los medicamentos de su hijo, "
            "y muéstrelos al personal. [cite:natpsa]\n\n"
            "Si su hijo no se despierta o tiene dificultad para respirar, "
            'siga "Dificultad para respirar, hinchazón de la cara o los labios, o no se despierta". [cite:nhs-fit] '
            "Si su hijo tiene una temperatura de 38°C (100.4°F) o más, "
            'siga "Fiebre durante el tratamiento". [cite:nice-ns]'
        ),
    },
    {
        "key": "infection-contact",
        "title": "Contacto con varicela, culebrilla o sarampión",
        "urgency": "soon",
        "look_for": (
            "- Su hijo estuvo cerca de alguien con varicela, culebrilla (herpes zóster) o sarampión. [cite:greenbook]\n"
            "- Esto importa durante un tratamiento que calma el sistema inmunitario, y por meses después. "
            "[cite:greenbook]"
        ),
        "action": (
            "Llame a la clínica el mismo día, aunque su hijo se vea bien. [cite:greenbook] "
            "Puede que su hijo necesite un medicamento para que la enfermedad sea menos probable o menos grave. "
            "El equipo médico le dirá si hace falta y cuándo empezarlo. [cite:greenbook]\n\n"
            "Si a su hijo le salen granitos de varicela o el sarpullido del sarampión, llame a la clínica "
            "ahora mismo, de día o de noche. [cite:greenbook]"
        ),
    },
    {
        "key": "ivig-headache",
        "title": "Dolor de cabeza fuerte o poca orina en los días después de la IGIV",
        "urgency": "urgent",
        "look_for": (
            "- Un dolor de cabeza fuerte con el cuello rígido, o con molestia por la luz brillante. "
            "[cite:ivig-label]\n"
            "- Orina oscura, o mucha menos orina de lo normal. [cite:ivig-label]"
        ),
        "action": (
            "Llame a la clínica ahora mismo, de día o de noche. No espere hasta la mañana. [cite:ivig-label]\n\n"
            "Llame ahora mismo al número de emergencias si su hijo además está muy adormilado o confundido, "
            "vomita una y otra vez, o tiene un sarpullido que no se quita al presionarlo. [cite:ivig-label]"
        ),
    },
    {
        "key": "signs-return",
        "title": "Las señales vuelven o empeoran",
        "urgency": "soon",
        "look_for": (
            "- Los ojos danzantes, las sacudidas o los temblores vuelven o empeoran. [cite:brunk] [cite:boston]\n"
            "- Su hijo camina, se sienta o habla peor que antes. [cite:brunk]\n"
            "- Los ataques de ira o el sueño empeoran mucho. [cite:nord]"
        ),
        "action": (
            "Llame a la clínica el mismo día. [cite:rossor] "
            "Las señales muchas veces vuelven con una infección, o después de bajar una dosis. [cite:brunk] [cite:boston]"
        ),
    },
]

"""The default OMS topic pages in Spanish (CONDITION and PAGES, shaped as ../pages.py).

Written for this portal from the checked facts in ../shared/brief/content-facts.md,
the same facts as the English pages, in plain neutral Latin-American Spanish
("usted", short sentences). Not yet reviewed by a clinician at the clinic:
families see "Traducción aún no revisada por un profesional clínico de
<clínica>" until it is.

Same pages, slugs, section anchors and order as the English; care boxes are
placed by reference, ("care", key), as in English. [cite:key] marks the same
source on the same fact. Key points hold no numbers (they show no citations).

The name: "síndrome de opsoclono-mioclono (SOM)", as the Spanish child
neurology literature says it; Orphanet's Spanish name, "síndrome de
opsoclonus-mioclonus", is among the other names so search finds it. The first
section explains the English abbreviation OMS, which families hear from
English-speaking staff, and that in Spanish OMS is also the World Health
Organization.
"""

CONDITION = {
    "name": "Síndrome de opsoclono-mioclono (SOM)",
    "slug": "oms",
    "other_names": (
        "Síndrome de Kinsbourne\n"
        "Ojos danzantes, pies danzantes\n"
        "Síndrome de ojos danzantes\n"
        "Síndrome de opsoclono-mioclono-ataxia (SOMA)\n"
        "Síndrome de opsoclonus-mioclonus\n"
        "OMS (sigla en inglés: opsoclonus-myoclonus syndrome)"
    ),
    "summary": (
        "El SOM es una enfermedad rara del cerebro y los nervios. Afecta sobre todo a niños pequeños. "
        "Estas páginas explican qué es, cómo se detecta y se trata, y qué se puede esperar."
    ),
}

PAGES = [
    {
        "slug": "what-is-oms",
        "title": "¿Qué es el SOM?",
        "summary": "Una guía corta sobre qué es el SOM, sus otros nombres y a quién le da.",
        "key_points": (
            "El SOM es una enfermedad rara: las defensas del cuerpo dañan partes del cerebro.\n"
            "Causa ojos danzantes, sacudidas de los músculos y un caminar inestable.\n"
            "Lo más común es que empiece en niños pequeños.\n"
            "Nada de lo que usted hizo lo causó."
        ),
        "sections": [
            (
                "Qué es el SOM",
                "what-oms-means",
                "SOM quiere decir síndrome de opsoclono-mioclono. Es una enfermedad rara del cerebro y los nervios. "
                "[cite:nord] "
                "El sistema inmunitario, que defiende al cuerpo, ataca por error partes del cerebro. "
                "[cite:orpha] [cite:pranz17]\n\n"
                "Las partes más dañadas son el tronco encefálico y el cerebelo. [cite:orpha] "
                "Las señales principales son los ojos danzantes, las sacudidas de los músculos y un caminar "
                "inestable. [cite:nord]\n\n"
                "En inglés, su sigla es OMS. Por eso, el personal que habla inglés puede decir OMS. "
                "Ojo: en español, OMS también es la sigla de la Organización Mundial de la Salud. "
                "En este sitio, OMS solo quiere decir esta enfermedad, nunca esa organización.",
            ),
            (
                "Qué quiere decir el nombre",
                "what-the-name-means",
                "El nombre viene de las señales principales de la enfermedad:\n\n"
                "- **Opsoclono**: movimientos de los ojos rápidos y bruscos, que van en todas las direcciones. "
                "[cite:nord]\n"
                "- **Mioclono**: sacudidas de los músculos, rápidas y de repente. [cite:nord]\n"
                "- **Ataxia**: caminar inestable y movimientos torpes. [cite:nord]\n\n"
                "También puede oír que lo llaman síndrome de Kinsbourne, síndrome de ojos danzantes "
                'u "ojos danzantes, pies danzantes". Algunos médicos lo llaman SOMA (en inglés, OMA): '
                "la A es de ataxia. [cite:orpha] [cite:nord]",
            ),
            (
                "A quién le da el SOM",
                "who-gets-oms",
                "El SOM es muy raro. Cada año hay cerca de 1 caso nuevo por cada 5 millones de personas. [cite:orpha] "
                "Casi todos los casos nuevos son en niños pequeños. [cite:orpha] "
                "Un estudio del Reino Unido encontró unos 10 casos nuevos en niños cada año. [cite:pang]\n\n"
                "La mayoría de los niños tiene entre 1 y 3 años cuando empieza. [cite:orpha] [cite:pranz17] "
                "La mitad tiene menos de 18 meses cuando empieza. [cite:pranz17] "
                "Es raro en bebés de menos de 6 meses. [cite:pranz17] [cite:pang]\n\n"
                "A las niñas les da un poco más que a los varones. [cite:pranz17] "
                "Los adolescentes y los adultos también pueden tenerlo, pero es menos común. [cite:adult] "
                "En un estudio de adultos con SOM, la mitad tenía más de 47 años cuando empezó. [cite:adult]",
            ),
            (
                "¿Es mi culpa?",
                "is-it-my-fault",
                "No. Nada de lo que usted hizo o dejó de hacer causó el SOM. "
                "Pasa cuando el sistema inmunitario se equivoca. [cite:orpha] "
                "Muchas veces los médicos no pueden saber qué lo puso en marcha. [cite:orpha]",
            ),
        ],
    },
    {
        "slug": "symptoms",
        "title": "Señales y síntomas",
        "summary": "Los cambios en los ojos, el cuerpo, el ánimo y el sueño que puede causar el SOM.",
        "key_points": (
            "Las señales suelen empezar de repente y pueden ser graves.\n"
            "Los ojos pueden moverse sin control, y el cuerpo puede tener sacudidas o temblar.\n"
            "Los niños pueden dejar de caminar o de hablar, dormir mal y tener ataques de ira.\n"
            "Sepa cuándo pedir ayuda: vea los recuadros de ayuda en esta página."
        ),
        "sections": [
            (
                "Cómo empieza el SOM",
                "how-oms-starts",
                "Por lo general, el SOM empieza de repente. En días o semanas, un niño que estaba bien "
                "se vuelve inestable e irritable. [cite:nord] "
                "Las señales suelen ser graves. [cite:nord] "
                "Al principio, los médicos muchas veces creen que es un problema del equilibrio más leve. "
                "[cite:pranz17]",
            ),
            (
                "Los ojos y el movimiento",
                "eyes-and-movement",
                "- Los ojos hacen movimientos rápidos y bruscos en todas las direcciones. [cite:nord]\n"
                "- Los brazos, las piernas, la cabeza o el cuerpo pueden tener sacudidas. [cite:nord]\n"
                "- El niño camina de forma inestable, o deja de caminar o de sentarse. [cite:nord]\n"
                "- Las manos pueden temblar cuando el niño trata de tomar algo. [cite:nord]",
            ),
            (
                "El ánimo, el sueño y el habla",
                "mood-sleep-and-speech",
                "- Muchos niños están irritables, molestos y es difícil calmarlos. Algunos tienen ataques de ira. "
                "[cite:nord]\n"
                "- Muchas veces duermen mal y se despiertan de noche. [cite:nord]\n"
                "- Algunos niños pierden palabras que ya decían, o dejan de hablar. [cite:nord] [cite:pranz17]",
            ),
            (
                "¿Volverán las señales?",
                "relapses",
                "El SOM muchas veces dura mucho tiempo. [cite:brunk] "
                "Las señales pueden volver después de haber mejorado. Esto se llama recaída. [cite:boston] "
                "Muchos niños tienen recaídas, y en algunos estudios, la mayoría. [cite:brunk] [cite:boston] "
                "En un estudio del Reino Unido, solo 7 de cada 100 niños tuvieron un solo episodio de SOM. "
                "[cite:brunk]\n\n"
                "Una recaída muchas veces llega con una infección, o cuando se baja un medicamento demasiado rápido. "
                "[cite:brunk] [cite:boston]",
            ),
            ("care", "signs-return"),
            ("care", "fit-or-jerks"),
            ("care", "breathing-or-waking"),
        ],
    },
    {
        "slug": "causes-and-neuroblastoma",
        "title": "Causas y la relación con el neuroblastoma",
        "summary": "Por qué pasa el SOM, y cómo se relaciona con un tumor llamado neuroblastoma.",
        "key_points": (
            "En el SOM, el sistema inmunitario ataca por error partes del cerebro.\n"
            "Muchos niños con SOM tienen un neuroblastoma, un tipo de cáncer.\n"
            "Cuando este tumor se encuentra junto con el SOM, el pronóstico del tumor suele ser excelente.\n"
            "Muchas veces no se encuentra qué lo puso en marcha."
        ),
        "sections": [
            (
                "Qué es lo que falla",
                "what-goes-wrong",
                "El sistema inmunitario protege al cuerpo de los microbios. "
                "En el SOM, ataca partes sanas del cerebro. [cite:orpha] [cite:pranz17]\n\n"
                "Lo que lo pone en marcha puede ser un tumor llamado neuroblastoma, o tal vez una infección. "
                "[cite:orpha] "
                "Muchas veces, los médicos no encuentran qué lo puso en marcha. [cite:orpha]",
            ),
            (
                "La relación con el neuroblastoma",
                "neuroblastoma-link",
                "Un neuroblastoma es un tumor de células nerviosas jóvenes. Es un tipo de cáncer. [cite:orpha] "
                "Cerca de la mitad de los niños con SOM tienen uno. [cite:orpha] [cite:pranz17] "
                "Según el estudio, la cifra va de 20 a 80 de cada 100 niños. [cite:orpha] [cite:pranz17]\n\n"
                "Al revés, el SOM no es común. "
                "Solo unos 2 a 3 de cada 100 niños con neuroblastoma tienen SOM. [cite:orpha] [cite:pranz17]",
            ),
            (
                "Por qué el tumor puede causar SOM",
                "why-the-tumour-matters",
                "Un neuroblastoma puede poner en marcha las defensas del cuerpo (el sistema inmunitario). "
                "Luego, esas defensas atacan por error partes del cerebro. [cite:orpha] [cite:pranz17]",
            ),
            (
                "Qué significa el tumor para su hijo",
                "tumour-outlook",
                "Oír la palabra cáncer da miedo. "
                "Cuando se encuentra un neuroblastoma junto con el SOM, por lo general se encuentra temprano. "
                "[cite:orpha] [cite:russo] "
                "Lo que se espera del tumor (el pronóstico) suele ser excelente. [cite:orpha] [cite:cog] "
                "La página sobre el tratamiento da las cifras de un estudio grande.",
            ),
            (
                "En los adultos",
                "in-adults",
                "En los adultos, el SOM a veces está ligado a un cáncer. [cite:bataller] [cite:armangue] "
                "Encontrar y tratar ese cáncer es una parte importante para mejorar. [cite:bataller] [cite:armangue]",
            ),
        ],
    },
    {
        "slug": "tests-and-diagnosis",
        "title": "Pruebas y diagnóstico",
        "summary": "Cómo saben los médicos si un niño tiene SOM, y por qué a todos se les busca un tumor.",
        "key_points": (
            "Los médicos detectan el SOM por las señales que ven y por las pruebas.\n"
            "A todo niño con SOM se le busca un neuroblastoma.\n"
            "Aunque la prueba de orina o la gammagrafía con MIBG salgan normales, puede haber un tumor.\n"
            "Los estudios de imagen se pueden repetir más adelante."
        ),
        "sections": [
            (
                "Cómo detectan el SOM los médicos",
                "how-doctors-find-oms",
                "Un médico que trata el cerebro y los nervios (un neurólogo) revisa los ojos, "
                "el movimiento y la conducta de su hijo. [cite:rossor] "
                "Ningún análisis de sangre por sí solo prueba que un niño tiene SOM. [cite:orpha] [cite:rossor] "
                "Las pruebas ayudan a descartar otras causas y a buscar qué lo puso en marcha. [cite:rossor]",
            ),
            (
                "La búsqueda de un tumor",
                "looking-for-a-tumour",
                "A todo niño con SOM se le busca un neuroblastoma. [cite:nord] [cite:rossor]\n\n"
                "Las pruebas pueden ser:\n\n"
                "- una resonancia magnética o una tomografía computarizada del cuello, el pecho, la barriga "
                "y la pelvis; [cite:rossor]\n"
                "- una prueba de orina que busca sustancias que estos tumores pueden hacer; [cite:rossor]\n"
                "- a veces, una gammagrafía con MIBG, un estudio que busca células de este tumor. [cite:rossor]",
            ),
            (
                "Por qué se pueden repetir las pruebas",
                "repeat-tests",
                "Estos tumores pueden ser muy pequeños y difíciles de encontrar. [cite:nord] [cite:rossor] "
                "Aunque la prueba de orina o la gammagrafía con MIBG salgan normales, puede haber un tumor. "
                "[cite:rossor] [cite:nord] "
                "Si los primeros estudios salen normales, su médico puede repetirlos más adelante. [cite:rossor]\n\n"
                "Pregunte a su equipo médico para qué es cada prueba y qué quieren decir los resultados.",
            ),
        ],
    },
    {
        "slug": "treatment",
        "title": "Tratamiento",
        "summary": "Los medicamentos y otros cuidados para tratar el SOM, y qué se puede esperar.",
        "key_points": (
            "La mayoría de los niños necesita varios medicamentos para calmar el sistema inmunitario.\n"
            "El tratamiento suele durar mucho tiempo, muchas veces años.\n"
            "Si hay un tumor, por lo general se saca con una operación.\n"
            "Sacar el tumor muchas veces no detiene el SOM por sí solo."
        ),
        "sections": [
            (
                "La meta del tratamiento",
                "aim-of-treatment",
                "El tratamiento busca calmar el sistema inmunitario para que deje de dañar el cerebro. [cite:rossor] "
                "La meta es que las señales bajen o se vayan. [cite:boston] "
                "Por lo general, el tratamiento empieza poco después de detectar el SOM. [cite:boston] [cite:rossor]",
            ),
            (
                "Medicamentos que calman el sistema inmunitario",
                "immune-medicines",
                "La mayoría de los niños necesita varios medicamentos juntos, por al menos 1 a 2 años, "
                "y muchas veces más. [cite:rossor] [cite:boston]\n\n"
                "- **Esteroides**, como la prednisona, la prednisolona o la dexametasona, o inyecciones de **ACTH**. "
                "[cite:rossor]\n"
                "- **IGIV** (en inglés, IVIG): anticuerpos de personas sanas que donan sangre. "
                "Se da por goteo en la vena. [cite:rossor] [cite:cog]\n"
                "- **Rituximab**, que muchas veces se usa cuando el SOM es moderado o grave. [cite:ritux] [cite:boston]\n\n"
                "Algunos niños necesitan otros medicamentos, como la azatioprina o la ciclofosfamida. [cite:rossor] "
                "Unos pocos necesitan un recambio plasmático, que saca anticuerpos de la sangre. [cite:rossor] "
                "La página sobre medicamentos y efectos secundarios explica los medicamentos principales.",
            ),
            (
                "Lo que muestran los estudios",
                "research",
                "Solo un estudio ha repartido al azar a niños con SOM en grupos de tratamiento. [cite:cog] "
                "Tuvo 53 niños con SOM y un neuroblastoma. [cite:cog] "
                "Todos recibieron esteroides y un tratamiento adaptado a su tumor. [cite:cog] "
                "A algunos también se les dio IGIV. [cite:cog]\n\n"
                "Con IGIV, mejoraron 81 de cada 100 niños, frente a 41 de cada 100 sin ella. [cite:cog] "
                '"Mejorar" quería decir tener señales menos graves en una escala de puntos. '
                "No quería decir curarse. [cite:cog] "
                "Tres años después, 98 de cada 100 niños seguían vivos. [cite:cog]",
            ),
            (
                "Si hay un tumor",
                "if-there-is-a-tumour",
                "Por lo general, el tumor se encuentra temprano y se saca con una operación. [cite:russo] "
                "Muchos niños no necesitan quimioterapia ni radiación para el tumor. [cite:russo] [cite:boston] "
                "Cuando hace falta quimioterapia, el equipo de cáncer la elige. [cite:cog]\n\n"
                "Sacar el tumor muchas veces no detiene el SOM por sí solo. "
                "Su hijo seguirá necesitando medicamentos para el sistema inmunitario. "
                "[cite:russo] [cite:boston] [cite:pranz17]",
            ),
            ("care", "fever"),
        ],
    },
    {
        "slug": "medicines-and-side-effects",
        "title": "Medicamentos y efectos secundarios",
        "summary": "Lo que puede hacer cada medicamento para el SOM, y a qué estar atento.",
        "key_points": (
            "Nunca deje ni baje los esteroides de repente.\n"
            "Los esteroides muchas veces dan hambre, cambios de ánimo y mal sueño.\n"
            "La IGIV no baja las defensas del cuerpo contra los microbios.\n"
            "El rituximab baja las defensas del cuerpo por meses."
        ),
        "sections": [
            (
                "Esteroides y ACTH",
                "steroids",
                "Estos medicamentos calman el sistema inmunitario. [cite:rossor] "
                "Los esteroides y la ACTH muchas veces tienen efectos secundarios: [cite:rossor]\n\n"
                "- hambre y aumento de peso; [cite:mfc]\n"
                "- cambios de ánimo y mal sueño; [cite:mfc]\n"
                "- presión arterial y azúcar en la sangre más altas; [cite:mfc]\n"
                "- malestar de estómago. [cite:mfc]\n\n"
                "Pregunte al equipo médico cómo van a revisar estos efectos. [cite:rossor]",
            ),
            (
                "Nunca deje los esteroides de repente",
                "stopping-steroids",
                "Nunca deje los esteroides ni baje la dosis por su cuenta. [cite:mfc] "
                "Mientras su hijo los toma, el cuerpo deja de hacer suficiente esteroide propio. [cite:rossor] "
                "Dejarlos de repente puede enfermar gravemente a su hijo. [cite:mfc] "
                "También puede hacer que el SOM vuelva. [cite:brunk] [cite:rossor] "
                "El equipo médico baja la dosis despacio, paso a paso. [cite:rossor]",
            ),
            (
                "IGIV",
                "ivig",
                "La IGIV (inmunoglobulina intravenosa; en inglés, IVIG) se hace con anticuerpos que dan personas sanas "
                "que donan sangre. "
                "Entra en una vena por goteo. [cite:ivig-label] "
                "La IGIV no baja las defensas del cuerpo contra los microbios. [cite:ivig-label] "
                "Pero puede hacer que algunas vacunas vivas, como la triple viral (en inglés, MMR), "
                "no sirvan por varios meses después de un goteo, así que pregunte al equipo médico "
                "antes de cualquier vacuna. [cite:acip] [cite:greenbook]\n\n"
                "Durante o después de un goteo, es común tener dolor de cabeza, fiebre, escalofríos "
                "o ganas de vomitar. [cite:ivig-label] "
                "Avise a la enfermera si su hijo se siente mal durante el goteo. [cite:ivig-label] "
                "En casa, si su hijo tiene fiebre, siga de todos modos el consejo sobre fiebre de esta página. [cite:nice-ns]",
            ),
            (
                "Rituximab",
                "rituximab",
                "El rituximab se da por goteo en la vena, en el hospital. [cite:ritux-label] "
                "Quita algunas de las células de defensa que hacen anticuerpos. [cite:ritux] "
                "Las reacciones durante el goteo son comunes, sobre todo con la primera dosis. [cite:ritux-label] "
                "Por meses después, el cuerpo hace menos anticuerpos, así que las infecciones son más probables. "
                "[cite:ritux-label] [cite:rossor]",
            ),
            (
                "Otros medicamentos",
                "other-medicines",
                "La azatioprina y la ciclofosfamida también calman el sistema inmunitario. [cite:rossor] "
                "Bajan las defensas del cuerpo contra los microbios. [cite:nice-ns] [cite:rossor] "
                "Pregunte al equipo médico qué controles le harán a su hijo mientras los toma. [cite:rossor]",
            ),
            ("care", "steroid-vomiting"),
            ("care", "ivig-headache"),
            ("care", "rituximab-drip"),
            ("care", "fever"),
            ("care", "breathing-or-waking"),
        ],
    },
    {
        "slug": "vaccines-and-infections",
        "title": "Vacunas e infecciones",
        "summary": "Qué vacunas planear durante el tratamiento, y qué hacer si su hijo estuvo cerca de una infección.",
        "key_points": (
            "Pregunte al equipo médico antes de cualquier vacuna durante el tratamiento.\n"
            "Las vacunas vivas por lo general no se ponen durante el tratamiento ni por meses después.\n"
            "Las vacunas del resto de la familia ayudan a proteger a su hijo.\n"
            "Sepa qué infecciones piden una llamada: vea los recuadros de ayuda en esta página."
        ),
        "sections": [
            (
                "Por qué importan las infecciones",
                "why-infections-matter",
                "Los esteroides, el rituximab y algunos otros medicamentos para el SOM bajan las defensas "
                "del cuerpo contra los microbios. [cite:greenbook] [cite:ritux-label] "
                "Las infecciones también pueden hacer que vuelvan las señales del SOM. [cite:brunk] [cite:boston]",
            ),
            (
                "Vacunas durante el tratamiento",
                "vaccines-during-treatment",
                "Pregunte al equipo médico antes de que su hijo reciba cualquier vacuna. [cite:greenbook] [cite:acip]\n\n"
                "Las vacunas vivas tienen una forma débil del microbio. [cite:greenbook] "
                "Por lo general no se ponen mientras su hijo toma estos medicamentos, ni por meses después. "
                "[cite:greenbook] [cite:acip] "
                "Por ejemplo: la vacuna triple viral (SRP; en inglés, MMR), la vacuna contra la varicela "
                "y la vacuna contra la influenza (gripe) que se rocía en la nariz. [cite:greenbook]\n\n"
                "Las otras vacunas por lo general se siguen recomendando. [cite:greenbook] [cite:acip] "
                "Pueden servir menos durante el tratamiento, así que el equipo médico puede planear cuándo ponerlas. "
                "[cite:acip]",
            ),
            (
                "Vacunas para la familia",
                "family-vaccines",
                "Los hermanos y los adultos de la casa deben tener sus propias vacunas al día. "
                "[cite:greenbook] [cite:acip] "
                "Esto incluye la vacuna contra la influenza (gripe) cada año. [cite:greenbook] [cite:acip] "
                "Así ayudan a mantener los microbios lejos de su hijo. [cite:acip]\n\n"
                "Por lo general, los hermanos pueden recibir la vacuna contra la influenza que se rocía en la nariz. "
                "Pregunte al equipo médico si no está seguro. [cite:greenbook]",
            ),
            ("care", "infection-contact"),
            ("care", "fever"),
        ],
    },
    {
        "slug": "outlook",
        "title": "Pronóstico y cuidados a largo plazo",
        "summary": "Qué esperar con los años, y el apoyo que puede ayudar.",
        "key_points": (
            "Muchos niños mejoran mucho con el tratamiento.\n"
            "Muchos siguen con algunas dificultades con el aprendizaje, el habla, el movimiento o la conducta.\n"
            "Los niños con señales más leves al principio suelen estar mejor después.\n"
            "Una evaluación del aprendizaje y la conducta antes de la escuela ayuda a planear el apoyo."
        ),
        "sections": [
            (
                "Cómo les va a los niños",
                "how-children-do",
                "Cada niño es distinto. Muchos niños mejoran mucho, y los ojos danzantes muchas veces se calman. "
                "[cite:brunk] [cite:rossor]\n\n"
                "Pero muchos niños siguen con algunos problemas más adelante. "
                "Pueden ser con el aprendizaje, el habla, el movimiento o la conducta. [cite:brunk] [cite:hasegawa] "
                "En un estudio del Reino Unido, cerca de un tercio de los niños aprendía de forma normal "
                "y ya no tenía señales. [cite:brunk] "
                "En un estudio pequeño de Japón, con 23 niños, cerca de 3 de cada 4 seguían con problemas "
                "para aprender. [cite:hasegawa] "
                "Estos estudios son pequeños o antiguos, así que no pueden decirle cómo le irá a su propio hijo. "
                "[cite:brunk] [cite:rossor]",
            ),
            (
                "Lo que nos dicen los estudios",
                "about-the-studies",
                "En el estudio del Reino Unido, a los niños con señales más leves al principio les fue mejor. "
                "[cite:brunk] "
                "En el estudio de Japón, a los niños que empezaron el tratamiento más de 30 semanas después "
                "del inicio del SOM les fue peor. [cite:hasegawa] "
                "Esto es un promedio de muchos niños. No decide cómo le irá a su hijo. [cite:hasegawa]\n\n"
                "El estudio del Reino Unido miró hacia atrás muchos años, cuando la mayoría de los niños "
                "recibía solo esteroides. [cite:brunk] "
                "Por eso, sus cifras tal vez no muestren cómo les va a los niños con el tratamiento de hoy. "
                "[cite:brunk] [cite:rossor]",
            ),
            (
                "Atención y conducta",
                "attention-and-behaviour",
                "Los problemas de conducta son comunes. [cite:brunk] "
                "Algunos niños tienen dificultad para prestar atención, lo que se llama TDAH (en inglés, ADHD). "
                "[cite:rossor] [cite:brunk] "
                "Algunos tienen TOC (en inglés, OCD): ideas que no quieren tener, o hábitos que sienten "
                "que deben repetir. [cite:rossor] [cite:brunk] "
                "Estos problemas necesitan su propia atención, y el tratamiento puede ayudar. [cite:rossor]",
            ),
            (
                "Una evaluación antes de la escuela",
                "school-check",
                "Pida una evaluación del aprendizaje y la conducta de su hijo antes de que empiece la escuela. "
                "[cite:rossor] "
                "Así la escuela puede planear el apoyo que su hijo necesita. [cite:rossor] "
                "La terapia del habla, la fisioterapia y la terapia ocupacional pueden ayudar a hablar, "
                "caminar y hacer las tareas de cada día. [cite:boston]",
            ),
            ("care", "signs-return"),
        ],
    },
    {
        "slug": "living-with-oms",
        "title": "Vivir con el SOM y cuándo pedir ayuda",
        "summary": "La vida diaria, los ataques de ira y el sueño, el apoyo a las familias y cuándo llamar.",
        "key_points": (
            "Pregunte al equipo médico qué puede ayudar a su hijo en casa.\n"
            "Los ataques de ira y el mal sueño son parte de la enfermedad. No son culpa de cómo usted cría a su hijo.\n"
            "Usted no está solo: los grupos de familias pueden ayudar.\n"
            "Sepa cuándo pedir ayuda: vea los recuadros de ayuda en esta página."
        ),
        "sections": [
            (
                "El día a día",
                "day-to-day",
                "Pregunte al equipo médico qué puede ayudar a su hijo en casa. [cite:rossor] "
                "La terapia del habla, la fisioterapia y la terapia ocupacional pueden ayudar a hablar, "
                "caminar y hacer las tareas de cada día. [cite:boston]",
            ),
            (
                "Ataques de ira y sueño",
                "rages-and-sleep",
                "Muchos niños con SOM tienen ataques de ira y duermen mal. [cite:nord] [cite:pranz17] "
                "Esto es parte de la enfermedad. No es culpa suya ni de su hijo. [cite:nord] "
                "Los esteroides también pueden empeorar el ánimo y el sueño. [cite:mfc]\n\n"
                "Durante un ataque de ira, mantenga a su hijo a salvo. "
                "Pida al equipo médico ideas para ayudar con los ataques de ira y el sueño: "
                "hay medicamentos y otras formas de ayuda. [cite:rossor]",
            ),
            (
                "Apoyo para las familias",
                "support",
                "Cuidar a un niño con SOM es difícil. Es normal sentirse preocupado o cansado. "
                "Pregunte a su equipo médico por trabajadores sociales y apoyo para la familia. [cite:rossor]\n\n"
                "Estos grupos apoyan a las familias:\n\n"
                "- **Dancing Eye Syndrome Support Trust**, una organización benéfica del Reino Unido para familias. "
                "[cite:desst]\n"
                "- **OMSLife Foundation**, una fundación de familias de Estados Unidos. [cite:omslife]\n"
                "- **NORD**, que tiene una lista de grupos de pacientes con enfermedades raras. [cite:nord]",
            ),
            ("care", "fever"),
            ("care", "fit-or-jerks"),
            ("care", "breathing-or-waking"),
            ("care", "signs-return"),
            ("care", "infection-contact"),
            ("care", "steroid-vomiting"),
            ("care", "head-knock"),
        ],
    },
]

"""Glossary for the default OMS content, in Spanish (GLOSSARY, shaped as ../glossary.py).

Written for this portal from the checked facts in ../shared/brief/content-facts.md,
the same definitions as the English terms, in plain neutral Latin-American
Spanish. Not yet reviewed by a clinician at the clinic: families see
"Traducción aún no revisada por un profesional clínico de <clínica>" until it is.

(term, slug, other forms separated by commas, definition), in the order of the
English list and with its slugs. The term is the Spanish word the pages use;
the other forms are its Spanish plural and other spellings, and the English
abbreviation where families will hear it from English-speaking staff (OMS,
IVIG, MMR, ADHD, OCD), so linking finds them in Spanish text. Forms are whole
medical words, never everyday words, so they do not match by accident.
"""

GLOSSARY = [
    (
        "SOM",
        "oms",
        "OMS",
        "Sigla de síndrome de opsoclono-mioclono. En inglés, su sigla es OMS (no es la Organización Mundial "
        "de la Salud). Es una enfermedad rara en la que las defensas del cuerpo dañan partes del cerebro "
        "que controlan los ojos, los músculos y el equilibrio.",
    ),
    (
        "opsoclono",
        "opsoclonus",
        "opsoclonus, opsoclonía",
        "Movimientos de los ojos rápidos y bruscos, que van en todas las direcciones. "
        "Algunas personas los llaman ojos danzantes.",
    ),
    (
        "mioclono",
        "myoclonus",
        "mioclonus, mioclonía, mioclonías",
        "Sacudidas rápidas y de repente de un músculo o de un grupo de músculos, que la persona no puede controlar.",
    ),
    (
        "ataxia",
        "ataxia",
        "",
        "Caminar inestable y movimientos torpes de las manos, por un problema en las partes del cerebro "
        "que controlan el equilibrio.",
    ),
    (
        "sistema inmunitario",
        "immune-system",
        "sistema inmune",
        "El sistema de defensa del cuerpo. Combate los microbios, pero en el SOM ataca por error partes del cerebro.",
    ),
    (
        "neuroblastoma",
        "neuroblastoma",
        "neuroblastomas",
        "Un tumor que crece a partir de células nerviosas jóvenes. Es un tipo de cáncer. Cuando se encuentra "
        "junto con el SOM, por lo general se encuentra temprano, y el pronóstico del tumor suele ser excelente.",
    ),
    (
        "cerebelo",
        "cerebellum",
        "",
        "Una parte del cerebro, abajo y atrás, que controla el equilibrio y los movimientos suaves.",
    ),
    (
        "tronco encefálico",
        "brainstem",
        "tronco cerebral",
        "La parte del cerebro que lo une con la médula espinal. Ayuda a controlar los movimientos de los ojos "
        "y otras funciones básicas del cuerpo.",
    ),
    (
        "recaída",
        "relapse",
        "recaídas",
        "Cuando las señales de una enfermedad vuelven o empeoran después de haber mejorado.",
    ),
    (
        "esteroide",
        "steroid",
        "esteroides, corticoide, corticoides",
        "Un medicamento fuerte que calma el sistema inmunitario. La prednisolona, la prednisona "
        "y la dexametasona son esteroides.",
    ),
    (
        "ACTH",
        "acth",
        "",
        "Una hormona que se da en inyección. Hace que el cuerpo produzca más de su propio esteroide, "
        "y eso calma el sistema inmunitario.",
    ),
    (
        "IGIV",
        "ivig",
        "IVIG, inmunoglobulina intravenosa",
        "Sigla de inmunoglobulina intravenosa (en inglés, IVIG): anticuerpos de personas sanas que donan sangre, "
        "que se dan por goteo en una vena. No baja las defensas del cuerpo contra los microbios. "
        "Pero puede hacer que algunas vacunas vivas, como la triple viral, no sirvan por varios meses "
        "después de un goteo.",
    ),
    (
        "rituximab",
        "rituximab",
        "",
        "Un medicamento que se da por goteo. Quita algunas de las células de defensa que hacen anticuerpos, "
        "así que baja las defensas del cuerpo contra los microbios por meses.",
    ),
    (
        "azatioprina",
        "azathioprine",
        "",
        "Un medicamento que calma el sistema inmunitario. Baja las defensas del cuerpo contra los microbios.",
    ),
    (
        "ciclofosfamida",
        "cyclophosphamide",
        "",
        "Un medicamento fuerte que calma el sistema inmunitario. También se usa como quimioterapia. "
        "Baja las defensas del cuerpo contra los microbios.",
    ),
    (
        "recambio plasmático",
        "plasma-exchange",
        "recambios plasmáticos, plasmaféresis",
        "Un tratamiento que saca la parte líquida de la sangre (el plasma), que lleva los anticuerpos, "
        "y la reemplaza. Las células de la sangre vuelven al cuerpo.",
    ),
    (
        "quimioterapia",
        "chemotherapy",
        "quimioterapias",
        "Medicamentos que matan las células de un tumor. Algunos tipos también calman el sistema inmunitario.",
    ),
    (
        "anticuerpo",
        "antibody",
        "anticuerpos",
        "Una proteína que hace el sistema inmunitario para marcar los microbios. En el SOM, algunos "
        "pueden marcar por error partes del cerebro.",
    ),
    (
        "vacuna viva",
        "live-vaccine",
        "vacunas vivas",
        "Una vacuna que tiene una forma débil de un microbio, como la triple viral, la vacuna contra la varicela "
        "y la vacuna contra la influenza (gripe) que se rocía en la nariz. Por lo general no se ponen durante el tratamiento "
        "del SOM ni por meses después.",
    ),
    (
        "triple viral",
        "mmr",
        "SRP, MMR",
        "Una vacuna contra el sarampión, las paperas y la rubéola (en inglés, MMR; también se llama SRP). "
        "Es una vacuna viva, así que por lo general no se pone durante el tratamiento del SOM ni por meses después.",
    ),
    (
        "culebrilla",
        "shingles",
        "herpes zóster, zóster",
        "Un sarpullido doloroso que aparece cuando el microbio de la varicela se despierta otra vez. "
        "Un niño que no ha tenido varicela puede contagiarse de varicela por alguien con culebrilla.",
    ),
    (
        "convulsión",
        "seizure",
        "convulsiones",
        "Una descarga de actividad anormal en el cerebro. Un niño con una convulsión puede ponerse rígido, "
        "tener sacudidas y dejar de responder. Las sacudidas del SOM son distintas: el niño sigue despierto "
        "y se da cuenta de lo que pasa.",
    ),
    (
        "resonancia magnética",
        "mri-scan",
        "resonancias magnéticas, MRI",
        "Un estudio que usa un imán potente, no rayos X, para tomar imágenes detalladas del interior del cuerpo.",
    ),
    (
        "tomografía computarizada",
        "ct-scan",
        "tomografías computarizadas",
        "Un estudio que usa rayos X y una computadora para tomar imágenes detalladas del interior del cuerpo.",
    ),
    (
        "gammagrafía con MIBG",
        "mibg-scan",
        "gammagrafías con MIBG",
        "Un estudio que busca células de neuroblastoma. Primero se pone una inyección con una cantidad muy "
        "pequeña de una sustancia que estas células absorben. Aunque la gammagrafía con MIBG salga normal, "
        "puede haber un tumor.",
    ),
    (
        "punción lumbar",
        "lumbar-puncture",
        "punciones lumbares",
        "Una prueba que saca un poco del líquido que rodea el cerebro y la columna, con una aguja fina "
        "en la parte baja de la espalda.",
    ),
    (
        "neurólogo",
        "neurologist",
        "neuróloga, neurólogos, neurólogas",
        "Un médico que trata problemas del cerebro y de los nervios.",
    ),
    (
        "TDAH",
        "adhd",
        "ADHD",
        "Sigla de trastorno por déficit de atención e hiperactividad (en inglés, ADHD): dificultad para "
        "prestar atención, quedarse quieto o esperar.",
    ),
    (
        "TOC",
        "ocd",
        "OCD",
        "Sigla de trastorno obsesivo-compulsivo (en inglés, OCD): ideas que no se quieren tener, o hábitos "
        "que la persona siente que debe repetir.",
    ),
]

"""The default content's picture in Spanish (PICTURES, shaped as ../pictures/__init__.py), and the words drawn in it.

Written for this portal from the checked facts in ../shared/brief/content-facts.md,
the same facts, rows and keys as the English picture (see ../pictures/draw.py).
Not yet reviewed by a clinician at the clinic: families see "Traducción aún no
revisada por un profesional clínico de <clínica>" until it is.

The Spanish page gets its own drawing, care-for-oms-es.png, drawn by
../pictures/draw.py from DRAWING below, so its words are Spanish; it sits in
the same folder as the English one (condition.content.pictures.FOLDER).
"""

PICTURES = {
    "treatment": [
        {
            "section": "aim-of-treatment",
            "file": "care-for-oms-es.png",
            "alt": "Cuatro partes del cuidado del SOM, muchas veces a la vez: estudios y pruebas de orina para "
            "buscar un tumor; operarlo si lo hay, aunque a menudo no detiene el SOM; varios medicamentos para el "
            "sistema inmunitario; y tratamiento de al menos 1 a 2 años.",
            "caption": "Las partes principales del cuidado del SOM. Muchas veces pasan al mismo tiempo. "
            "El equipo médico de su hijo planeará su cuidado con usted.",
        }
    ],
}

# The words in care-for-oms-es.png: the English drawing's title, subtitle and four parts, said in Spanish.
DRAWING = {
    "file": "care-for-oms-es.png",
    "title": "Cuidado del SOM: las partes principales",
    "subtitle": "Muchas veces pasan al mismo tiempo, no una después de otra.",
    "steps": [
        (
            "Buscar un tumor",
            "A todo niño con SOM se le hacen estudios de imagen y pruebas de orina para buscar un neuroblastoma. "
            "Los tumores pequeños se pueden esconder, así que los estudios se pueden repetir.",
        ),
        (
            "Si se encuentra un tumor",
            "Por lo general se saca con una operación. Sacar el tumor muchas veces no detiene el SOM por sí solo. "
            "Su hijo seguirá necesitando medicamentos para el sistema inmunitario.",
        ),
        (
            "Medicamentos para el sistema inmunitario",
            "La mayoría de los niños necesita varios medicamentos juntos: esteroides o ACTH, IGIV, y muchas veces "
            "rituximab cuando el SOM es moderado o grave. Algunos también necesitan otros medicamentos.",
        ),
        (
            "Un tratamiento largo",
            "El tratamiento dura al menos 1 a 2 años, muchas veces más. Las señales muchas veces vuelven, por "
            "ejemplo con una infección o si se baja el medicamento demasiado rápido. Nunca deje ni baje un "
            "medicamento sin su equipo médico.",
        ),
    ],
}

"""Glossary for the default OMS content, in the project's own plain words."""

GLOSSARY = [
    (
        "OMS",
        "oms",
        "",
        "Short for opsoclonus-myoclonus syndrome. A rare illness where the body's defence system harms parts of the brain that control the eyes, muscles and balance.",
    ),
    (
        "opsoclonus",
        "opsoclonus",
        "",
        "Fast, jerky eye movements that go in many directions. Some people call them dancing eyes.",
    ),
    ("myoclonus", "myoclonus", "", "Sudden, quick jerks of a muscle or group of muscles that a person cannot control."),
    (
        "ataxia",
        "ataxia",
        "",
        "Shaky, unsteady walking and clumsy hand movements, caused by a problem in the brain's balance centre.",
    ),
    (
        "immune system",
        "immune-system",
        "",
        "The body's defence system. It fights germs, but in OMS it attacks parts of the brain by mistake.",
    ),
    (
        "neuroblastoma",
        "neuroblastoma",
        "neuroblastomas",
        "A tumour that grows from young nerve cells. In children with OMS it is often small and found early.",
    ),
    ("cerebellum", "cerebellum", "", "The back part of the brain that controls balance and smooth movement."),
    (
        "brainstem",
        "brainstem",
        "brain stem",
        "The part of the brain that joins it to the spinal cord. It helps control eye movements and other basic body jobs.",
    ),
    ("relapse", "relapse", "relapses", "When symptoms come back or get worse after they had got better."),
    (
        "steroids",
        "steroids",
        "steroid",
        "Strong medicines that calm the immune system. Prednisone and dexamethasone are steroids.",
    ),
    (
        "ACTH",
        "acth",
        "",
        "A hormone given as a shot. It makes the body make more of its own steroid and calms the immune system.",
    ),
    (
        "IVIG",
        "ivig",
        "",
        "Short for intravenous immunoglobulin. Antibodies from healthy blood donors, given through a drip into a vein.",
    ),
    (
        "rituximab",
        "rituximab",
        "",
        "A medicine given through a drip. It removes some of the immune cells that make harmful antibodies.",
    ),
    (
        "MRI scan",
        "mri-scan",
        "MRI",
        "A scan that uses a strong magnet, not X-rays, to take detailed pictures inside the body.",
    ),
    ("chemotherapy", "chemotherapy", "chemo", "Medicine that kills tumour cells or slows the immune system."),
    (
        "antibody",
        "antibody",
        "antibodies",
        "A protein the immune system makes to mark germs. In OMS some may mark brain cells by mistake.",
    ),
]

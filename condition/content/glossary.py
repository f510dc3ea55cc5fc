"""Glossary for the default OMS content, in the project's own plain words.

(term, slug, other forms separated by commas, definition). Definitions cite
nothing, but their facts follow ../shared/brief/content-facts.md. Forms are
whole medical words, never everyday words, so they do not match by accident.
"""

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
        "Fast, jerky eye movements that go in all directions. Some people call them dancing eyes.",
    ),
    ("myoclonus", "myoclonus", "", "Sudden, quick jerks of a muscle or group of muscles that a person cannot control."),
    (
        "ataxia",
        "ataxia",
        "",
        "Shaky, unsteady walking and clumsy hand movements, caused by a problem in the parts of the brain that control balance.",
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
        "A tumour that grows from young nerve cells. It is a kind of cancer. When it is found with OMS, it is usually found early, and the outlook for the tumour is usually excellent.",
    ),
    (
        "cerebellum",
        "cerebellum",
        "",
        "A part of the brain, low down at the back, that controls balance and smooth movement.",
    ),
    (
        "brainstem",
        "brainstem",
        "brain stem",
        "The part of the brain that joins it to the spinal cord. It helps control eye movements and other basic body jobs.",
    ),
    ("relapse", "relapse", "relapses", "When signs of an illness come back or get worse after they had got better."),
    (
        "steroid",
        "steroid",
        "steroids",
        "A strong medicine that calms the immune system. Prednisolone, prednisone and dexamethasone are steroids.",
    ),
    (
        "ACTH",
        "acth",
        "",
        "A hormone given as an injection. It makes the body make more of its own steroid, which calms the immune system.",
    ),
    (
        "IVIG",
        "ivig",
        "",
        "Short for intravenous immunoglobulin: antibodies from healthy blood donors, given through a drip into a vein. It does not lower the body's defences against germs. But it can stop some live vaccines, such as MMR, from working for several months after a drip.",
    ),
    (
        "rituximab",
        "rituximab",
        "",
        "A medicine given through a drip. It removes some of the immune cells that make antibodies, so it lowers the body's defences against germs for months.",
    ),
    (
        "azathioprine",
        "azathioprine",
        "",
        "A medicine that calms the immune system. It lowers the body's defences against germs.",
    ),
    (
        "cyclophosphamide",
        "cyclophosphamide",
        "",
        "A strong medicine that calms the immune system. It is also used as chemotherapy. It lowers the body's defences against germs.",
    ),
    (
        "plasma exchange",
        "plasma-exchange",
        "",
        "A treatment that takes out the liquid part of the blood (plasma), which carries antibodies, and replaces it. The blood cells go back into the body.",
    ),
    (
        "chemotherapy",
        "chemotherapy",
        "",
        "Medicine that kills tumour cells. Some kinds also calm the immune system.",
    ),
    (
        "antibody",
        "antibody",
        "antibodies",
        "A protein the immune system makes to mark germs. In OMS some may mark parts of the brain by mistake.",
    ),
    (
        "live vaccine",
        "live-vaccine",
        "live vaccines",
        "A vaccine that holds a weak form of a germ, such as the MMR, chickenpox and nasal spray flu vaccines. These are usually put off during OMS treatment and for months after.",
    ),
    (
        "MMR",
        "mmr",
        "",
        "A vaccine against measles, mumps and rubella (German measles). It is a live vaccine, so it is usually put off during OMS treatment and for months after.",
    ),
    (
        "shingles",
        "shingles",
        "",
        "A painful rash caused by the chickenpox germ waking up again. A child who has not had chickenpox can catch chickenpox from someone with shingles.",
    ),
    (
        "seizure",
        "seizure",
        "seizures",
        "A fit: a burst of unusual activity in the brain. A child having a fit may go stiff, jerk and stop responding. OMS jerks are different: the child stays awake and aware.",
    ),
    (
        "MRI scan",
        "mri-scan",
        "MRI",
        "A scan that uses a strong magnet, not X-rays, to take detailed pictures inside the body.",
    ),
    (
        "CT scan",
        "ct-scan",
        "",
        "A scan that uses X-rays and a computer to take detailed pictures inside the body.",
    ),
    (
        "MIBG scan",
        "mibg-scan",
        "",
        "A scan that looks for neuroblastoma cells. A tiny amount of a marker that these cells take up is given by injection first. A normal MIBG scan does not rule out a tumour.",
    ),
    (
        "lumbar puncture",
        "lumbar-puncture",
        "",
        "A test that takes a little of the fluid around the brain and spine, through a thin needle in the lower back.",
    ),
    ("neurologist", "neurologist", "", "A doctor who treats problems of the brain and nerves."),
    (
        "ADHD",
        "adhd",
        "",
        "Short for attention deficit hyperactivity disorder: trouble paying attention, sitting still or waiting.",
    ),
    (
        "OCD",
        "ocd",
        "",
        "Short for obsessive-compulsive disorder: unwanted thoughts, or habits a person feels they must repeat.",
    ),
]

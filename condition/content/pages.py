"""The default OMS topic pages.

Written for this portal in plain words (US grade 8 or below) from the checked
facts in ../shared/brief/content-facts.md. Where the clinic's starting article
was wrong, these pages follow the fact-check. [cite:KEY] marks a source.
"""

CONDITION = {
    "name": "Opsoclonus-Myoclonus Syndrome (OMS)",
    "slug": "oms",
    "other_names": "Kinsbourne syndrome\nDancing eyes, dancing feet\nDancing eye syndrome\nOpsoclonus-myoclonus-ataxia (OMA) syndrome",
    "summary": (
        "OMS is a rare illness of the brain and nerves. It mostly affects young children. "
        "These pages explain what it is, how it is found and treated, and what to expect."
    ),
}

PAGES = [
    {
        "slug": "what-is-oms",
        "title": "What is OMS?",
        "summary": "A short guide to what OMS is, its other names, and who gets it.",
        "key_points": (
            "OMS is a rare illness where the body's defence system harms parts of the brain.\n"
            "It causes dancing eyes, muscle jerks and shaky walking.\n"
            "It most often starts in children between 1 and 3 years old.\n"
            "It can be treated, and treatment works best when it starts early."
        ),
        "sections": [
            (
                "What OMS means",
                "what-oms-means",
                "OMS stands for opsoclonus-myoclonus syndrome. It is a rare illness of the nervous system. "
                "The body's immune system attacks parts of the brain by mistake. [cite:nord] [cite:orpha]\n\n"
                "The parts most harmed are the brainstem and the cerebellum. "
                "These parts help control the eyes, balance and smooth movement. [cite:pranz17]",
            ),
            (
                "What the name means",
                "what-the-name-means",
                "The name comes from the main signs of the illness:\n\n"
                "- **Opsoclonus**: fast, jerky eye movements that go in many directions.\n"
                "- **Myoclonus**: sudden, quick muscle jerks.\n"
                "- **Ataxia**: shaky walking and clumsy movement.\n\n"
                "You may also hear it called Kinsbourne syndrome, dancing eye syndrome, "
                'or "dancing eyes, dancing feet". Some doctors call it OMA syndrome. [cite:nord] [cite:article]',
            ),
            (
                "Who gets OMS",
                "who-gets-oms",
                "OMS is rare. Each year about 1 child in every 5 million gets it. [cite:orpha] "
                "In the UK, a study found less than 1 new case per 5 million people each year. [cite:pang]\n\n"
                "Most children are between 1 and 3 years old when it starts. "
                "The middle age is about 18 months. "
                "It is rare in babies under 6 months. [cite:pranz17] [cite:pang]\n\n"
                "Girls get it a little more often than boys. [cite:pranz17] "
                "Teens and adults can get it too, but this is less common. "
                "In adults, the middle age when it starts is about 45. [cite:adult]",
            ),
            (
                "Is it my fault?",
                "is-it-my-fault",
                "No. Nothing you did or did not do caused OMS. "
                "It happens when the immune system makes a mistake. [cite:orpha] "
                "Doctors do not yet know why it happens in one child and not another.",
            ),
        ],
    },
    {
        "slug": "symptoms",
        "title": "Signs and symptoms",
        "summary": "The changes in the eyes, body, mood and sleep that OMS can cause.",
        "key_points": (
            "Signs often start suddenly and can be severe.\n"
            "The eyes may dart around, and the body may jerk or shake.\n"
            "Children may stop walking, talking or sleeping well, and may be very upset.\n"
            "Signs can come back later, often with a cold or when medicine is lowered."
        ),
        "sections": [
            (
                "How OMS starts",
                "how-oms-starts",
                "OMS usually starts suddenly. Over a few days or weeks, a child who was well may become shaky "
                "and upset. The signs are often severe. [cite:nord] [cite:article]",
            ),
            (
                "Eyes and movement",
                "eyes-and-movement",
                "- The eyes make quick, jerky movements in all directions (opsoclonus).\n"
                "- The arms, legs, head or body may jerk (myoclonus).\n"
                "- Walking becomes shaky, or the child stops walking or sitting (ataxia).\n"
                "- Hands may shake when the child reaches for things. [cite:nord]",
            ),
            (
                "Mood, sleep and speech",
                "mood-sleep-and-speech",
                "- Many children become cross, upset and hard to calm.\n"
                "- Sleep is often poor, with waking in the night.\n"
                "- Some children lose words they used to say, or stop talking.\n"
                "- Behaviour may change. [cite:nord] [cite:article]",
            ),
            (
                "Will the signs come back?",
                "relapses",
                "OMS often lasts a long time. Signs can come back after they got better. "
                "This is called a relapse. About half to three quarters of children have at least one. [cite:brunk] [cite:boston]\n\n"
                "A relapse often comes with a cold or other illness. "
                "It can also happen when the dose of medicine goes down. "
                "Tell your care team if signs come back.",
            ),
            ("care", "signs-back"),
            ("care", "fever"),
            ("care", "emergency-signs"),
        ],
    },
    {
        "slug": "causes-and-neuroblastoma",
        "title": "Causes and the link to neuroblastoma",
        "summary": "Why OMS happens, and how it is linked to a tumour called neuroblastoma.",
        "key_points": (
            "In OMS the immune system attacks parts of the brain by mistake.\n"
            "About half of children with OMS have a tumour called a neuroblastoma.\n"
            "Only 2 to 3 in every 100 children with a neuroblastoma get OMS.\n"
            "Often no trigger is found at all."
        ),
        "sections": [
            (
                "What goes wrong",
                "what-goes-wrong",
                "The immune system protects the body from germs. In OMS, it attacks healthy parts of the brain. "
                "Something seems to set this off. [cite:orpha] [cite:pranz17]\n\n"
                "The trigger may be a tumour or, perhaps, an infection. "
                "Often, doctors cannot find any trigger. [cite:orpha] [cite:article]",
            ),
            (
                "The link to neuroblastoma",
                "neuroblastoma-link",
                "A neuroblastoma is a tumour of young nerve cells. "
                "About half of children with OMS have one. "
                "Studies give numbers from 20 to 80 out of 100. [cite:orpha] [cite:pranz17]\n\n"
                "The other way round, OMS is not common. "
                "Only about 2 to 3 of every 100 children with a neuroblastoma get OMS. [cite:orpha] [cite:pranz17] "
                "Some older articles say 4 in 100, but newer studies give the lower number.",
            ),
            (
                "Why the tumour can cause OMS",
                "why-the-tumour-matters",
                "The tumour is made of cells that look like nerve cells. "
                "The immune system attacks the tumour. "
                "It may then attack nerve cells in the brain too, because they look alike. [cite:discover] [cite:pranz17]",
            ),
            (
                "Is there a blood test for it?",
                "blood-tests",
                "No single blood test proves that a child has OMS. "
                "Doctors make the diagnosis from the signs and from other tests. [cite:orpha]",
            ),
            (
                "In adults",
                "in-adults",
                "In adults, OMS is sometimes linked to a cancer. "
                "Finding and treating that cancer is an important part of getting better. [cite:bataller] [cite:armangue]",
            ),
        ],
    },
    {
        "slug": "tests-and-diagnosis",
        "title": "Tests and diagnosis",
        "summary": "How doctors find out if a child has OMS, and why every child is checked for a tumour.",
        "key_points": (
            "Doctors find OMS from the signs they see and from tests.\n"
            "Every child with OMS is checked for a neuroblastoma.\n"
            "This is done with scans and urine tests.\n"
            "Small tumours can hide, so scans may be done again later."
        ),
        "sections": [
            (
                "How doctors find OMS",
                "how-doctors-find-oms",
                "A doctor who treats the brain and nerves (a neurologist) looks at your child's eyes, "
                "movement and behaviour. There is no single test for OMS. "
                "Tests help rule out other causes and look for a trigger. [cite:nord] [cite:rossor]",
            ),
            (
                "Looking for a tumour",
                "looking-for-a-tumour",
                "Every child with OMS is checked for a neuroblastoma. "
                "This is done even if the child also has a virus. [cite:nord] [cite:article]\n\n"
                "Tests may include:\n\n"
                "- an MRI scan or CT scan of the chest and belly;\n"
                "- a urine test for chemicals that these tumours can make;\n"
                "- sometimes a special scan called an MIBG scan. [cite:rossor]",
            ),
            (
                "Why tests may be repeated",
                "repeat-tests",
                "These tumours can be very small and hard to see. "
                "If the first scans are clear, your doctor may repeat them in a few months. [cite:nord] [cite:rossor]",
            ),
            (
                "Other tests",
                "other-tests",
                "Your child may also have:\n\n"
                "- a brain MRI scan;\n"
                "- a spinal tap (lumbar puncture) to look at the fluid around the brain and spine;\n"
                "- blood tests.\n\n"
                "Ask your care team what each test is for and what the results mean. [cite:rossor]",
            ),
        ],
    },
    {
        "slug": "treatment",
        "title": "Treatment",
        "summary": "The medicines and other care used to treat OMS, and what to expect.",
        "key_points": (
            "Most children need more than one medicine to calm the immune system.\n"
            "Treatment often lasts 1 to 2 years.\n"
            "If there is a tumour, it is usually removed with surgery.\n"
            "Taking out the tumour does not stop OMS on its own."
        ),
        "sections": [
            (
                "The aim of treatment",
                "aim-of-treatment",
                "Treatment aims to calm the immune system so it stops harming the brain. "
                "Starting early gives the best chance of a good recovery. [cite:rossor] [cite:brunk]",
            ),
            (
                "Medicines that calm the immune system",
                "immune-medicines",
                "Most children need several medicines together, often for 1 to 2 years. [cite:rossor] [cite:boston]\n\n"
                "- **Steroids**, such as prednisone or dexamethasone, or **ACTH** shots.\n"
                "- **IVIG**: antibodies from donors, given through a drip.\n"
                "- **Rituximab**, often used when OMS is moderate or severe. [cite:ritux] [cite:rossor]\n\n"
                "Some children need other medicines, such as azathioprine or cyclophosphamide. "
                "A few need plasma exchange, which cleans the blood. [cite:rossor] [cite:article]",
            ),
            (
                "What the research shows",
                "research",
                "A large trial looked at children with OMS and a neuroblastoma. "
                "Adding IVIG to steroids and tumour treatment helped more children. "
                "The number who got better went from 41 out of 100 to 81 out of 100. [cite:cog]",
            ),
            (
                "If there is a tumour",
                "if-there-is-a-tumour",
                "The tumour is usually found early. Most often it is taken out with surgery. "
                "Many children do not need chemotherapy or radiation for the tumour. [cite:russo] [cite:article]\n\n"
                "When chemotherapy is needed, the cancer team chooses it. [cite:cog]\n\n"
                "Removing the tumour often does not stop OMS by itself. "
                "Your child will still need medicine for the immune system. [cite:russo] [cite:boston]",
            ),
            ("care", "fever"),
        ],
    },
    {
        "slug": "outlook",
        "title": "Outlook and long-term care",
        "summary": "What to expect over the years, and the support that can help.",
        "key_points": (
            "Many children get much better with treatment.\n"
            "Many still have some trouble with learning, speech, movement or behaviour.\n"
            "Children with milder signs who are treated early tend to do best.\n"
            "Therapy and school support can help a lot."
        ),
        "sections": [
            (
                "How children do",
                "how-children-do",
                "Each child is different. Many children get much better, and the dancing eyes often settle. [cite:brunk]\n\n"
                "But many children still have some problems later on. "
                "These can be with learning, speech, movement or behaviour. "
                "In one UK study, about 1 in 3 children had no lasting problems. [cite:brunk] [cite:hasegawa]",
            ),
            (
                "What helps",
                "what-helps",
                "Children whose signs were milder at the start tend to do better. "
                "So do children who start treatment early. [cite:brunk] [cite:hasegawa]",
            ),
            (
                "Attention and behaviour",
                "attention-and-behaviour",
                "Some children have trouble paying attention, like ADHD. "
                "Some have OCD, which means unwanted thoughts or habits they feel they must repeat. "
                "These need their own care, and treatment can help. [cite:brunk] [cite:article]",
            ),
            (
                "Long-term care",
                "long-term-care",
                "Your child will have regular check-ups, often for years. "
                "Speech, physical and occupational therapy can help with talking, walking and daily skills. "
                "Ask your care team about support at nursery or school. [cite:rossor] [cite:boston]",
            ),
        ],
    },
    {
        "slug": "living-with-oms",
        "title": "Living with OMS and when to get help",
        "summary": "Day-to-day tips for families, and when to call the clinic.",
        "key_points": (
            "Keep a simple diary of signs, sleep and medicine.\n"
            "Give medicines as planned and do not stop them on your own.\n"
            "Call the clinic if signs come back or your child has a fever.\n"
            "Look after yourself too. Ask for help when you need it."
        ),
        "sections": [
            (
                "Day to day",
                "day-to-day",
                "- Keep a diary of your child's signs, sleep and medicine doses.\n"
                "- Take short videos of the eye movements or jerks to show your care team.\n"
                "- Keep a calm, steady routine. Good sleep helps.\n"
                "- Keep your child safe from falls while walking is shaky.\n\n"
                "These are everyday tips from care teams. Ask yours what else may help.",
            ),
            (
                "Infections and relapses",
                "infections",
                "Colds and other illnesses can bring signs back. "
                "Wash hands often, and ask your care team which vaccines are right during treatment. [cite:brunk] [cite:boston]",
            ),
            ("care", "fever"),
            ("care", "signs-back"),
            ("care", "emergency-signs"),
            (
                "Looking after yourself",
                "looking-after-yourself",
                "Caring for a child with OMS is hard. It is normal to feel worried or tired. "
                "Ask your care team about support groups and social workers. "
                "Talking with other families can help.",
            ),
        ],
    },
]

"""The default OMS topic pages.

Written for this portal in plain British English (US grade 8 or below) from
the checked facts in ../shared/brief/content-facts.md. Where the clinic's
starting article was wrong, these pages follow the fact-check. [cite:key]
marks a source.

A section is either a normal section (heading, anchor, body) or a care box
placed by reference: ("care", key), whose heading, anchor and text come from
CARE_ADVICE in care.py. Key points are shown without citations, so they hold
no numbers and never restate a care box.
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
            "It most often starts in toddlers.\n"
            "Nothing you did caused it."
        ),
        "sections": [
            (
                "What OMS is",
                "what-oms-means",
                "OMS stands for opsoclonus-myoclonus syndrome. It is a rare illness of the brain and nerves. [cite:nord] "
                "The body's immune system attacks parts of the brain by mistake. [cite:orpha] [cite:pranz17]\n\n"
                "The parts most harmed are the brainstem and the cerebellum. [cite:orpha] "
                "The main signs are dancing eyes, sudden muscle jerks and shaky walking. [cite:nord]",
            ),
            (
                "What the name means",
                "what-the-name-means",
                "The name comes from the main signs of the illness:\n\n"
                "- **Opsoclonus**: fast, jerky eye movements that go in all directions. [cite:nord]\n"
                "- **Myoclonus**: sudden, quick muscle jerks. [cite:nord]\n"
                "- **Ataxia**: shaky walking and clumsy movement. [cite:nord]\n\n"
                "You may also hear it called Kinsbourne syndrome, dancing eye syndrome, "
                'or "dancing eyes, dancing feet". Some doctors call it OMA syndrome. [cite:orpha] [cite:nord]',
            ),
            (
                "Who gets OMS",
                "who-gets-oms",
                "OMS is very rare. Each year, about 1 new case is found for every 5 million people. [cite:orpha] "
                "Nearly all new cases are in young children. [cite:orpha] "
                "A UK study found about 10 new cases in children each year. [cite:pang]\n\n"
                "Most children are between 1 and 3 years old when it starts. [cite:orpha] [cite:pranz17] "
                "Half are younger than 18 months when it starts. [cite:pranz17] "
                "It is rare in babies under 6 months old. [cite:pranz17] [cite:pang]\n\n"
                "Girls get it a little more often than boys. [cite:pranz17] "
                "Teenagers and adults can get it too, but this is less common. [cite:adult] "
                "In a study of adults with OMS, half were older than 47 when it started. [cite:adult]",
            ),
            (
                "Is it my fault?",
                "is-it-my-fault",
                "No. Nothing you did or did not do caused OMS. "
                "It happens when the immune system makes a mistake. [cite:orpha] "
                "Often doctors cannot find what set it off. [cite:orpha]",
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
            "Children may stop walking or talking, sleep badly and have rages.\n"
            "Know when to get help: see the help boxes on this page."
        ),
        "sections": [
            (
                "How OMS starts",
                "how-oms-starts",
                "OMS usually starts suddenly. Over days or weeks, a child who was well becomes shaky and upset. [cite:nord] "
                "The signs are often severe. [cite:nord] "
                "At first, doctors often think it is a milder problem with balance. [cite:pranz17]",
            ),
            (
                "Eyes and movement",
                "eyes-and-movement",
                "- The eyes make quick, jerky movements in all directions. [cite:nord]\n"
                "- The arms, legs, head or body may jerk. [cite:nord]\n"
                "- Walking becomes shaky, or the child stops walking or sitting. [cite:nord]\n"
                "- Hands may shake when the child reaches for things. [cite:nord]",
            ),
            (
                "Mood, sleep and speech",
                "mood-sleep-and-speech",
                "- Many children become cross, upset and hard to calm. Some have rages. [cite:nord]\n"
                "- Sleep is often poor, with waking in the night. [cite:nord]\n"
                "- Some children lose words they used to say, or stop talking. [cite:nord] [cite:pranz17]",
            ),
            (
                "Will the signs come back?",
                "relapses",
                "OMS often lasts a long time. [cite:brunk] "
                "Signs can come back after they got better. This is called a relapse. [cite:boston] "
                "Many children have relapses, and in some studies most do. [cite:brunk] [cite:boston] "
                "In a UK study, only 7 in 100 children had just a single bout of OMS. [cite:brunk]\n\n"
                "A relapse often comes with an infection, or when a medicine is lowered too fast. [cite:brunk] [cite:boston]",
            ),
            ("care", "signs-return"),
            ("care", "fit-or-jerks"),
            ("care", "breathing-or-waking"),
        ],
    },
    {
        "slug": "causes-and-neuroblastoma",
        "title": "Causes and the link to neuroblastoma",
        "summary": "Why OMS happens, and how it is linked to a tumour called neuroblastoma.",
        "key_points": (
            "In OMS the immune system attacks parts of the brain by mistake.\n"
            "Many children with OMS have a neuroblastoma, a kind of cancer.\n"
            "Found with OMS, this tumour usually has an excellent outlook.\n"
            "Often no trigger is found at all."
        ),
        "sections": [
            (
                "What goes wrong",
                "what-goes-wrong",
                "The immune system protects the body from germs. "
                "In OMS, it attacks healthy parts of the brain. [cite:orpha] [cite:pranz17]\n\n"
                "The trigger may be a tumour called a neuroblastoma, or perhaps an infection. [cite:orpha] "
                "Often, doctors cannot find any trigger. [cite:orpha]",
            ),
            (
                "The link to neuroblastoma",
                "neuroblastoma-link",
                "A neuroblastoma is a tumour of young nerve cells. It is a kind of cancer. [cite:orpha] "
                "About half of children with OMS have one. [cite:orpha] [cite:pranz17] "
                "Studies give numbers from 20 to 80 in every 100 children. [cite:orpha] [cite:pranz17]\n\n"
                "The other way round, OMS is not common. "
                "Only about 2 to 3 in every 100 children with a neuroblastoma get OMS. [cite:orpha] [cite:pranz17]",
            ),
            (
                "Why the tumour can cause OMS",
                "why-the-tumour-matters",
                "A neuroblastoma can set off the immune system. "
                "The immune system then attacks parts of the brain by mistake. [cite:orpha] [cite:pranz17]",
            ),
            (
                "What the tumour means for your child",
                "tumour-outlook",
                "Hearing the word cancer is frightening. "
                "When a neuroblastoma is found with OMS, it is usually found early. [cite:orpha] [cite:russo] "
                "Its outlook is usually excellent. [cite:orpha] [cite:cog] "
                "The page on treatment gives the numbers from a large trial.",
            ),
            (
                "In adults",
                "in-adults",
                "In adults, OMS is sometimes linked to a cancer. [cite:bataller] [cite:armangue] "
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
            "A normal urine test or MIBG scan does not rule out a tumour.\n"
            "Scans may be done again later."
        ),
        "sections": [
            (
                "How doctors find OMS",
                "how-doctors-find-oms",
                "A doctor who treats the brain and nerves (a neurologist) looks at your child's eyes, "
                "movement and behaviour. [cite:rossor] "
                "No single blood test proves that a child has OMS. [cite:orpha] [cite:rossor] "
                "Tests help rule out other causes and look for a trigger. [cite:rossor]",
            ),
            (
                "Looking for a tumour",
                "looking-for-a-tumour",
                "Every child with OMS is checked for a neuroblastoma. [cite:nord] [cite:rossor]\n\n"
                "Tests may include:\n\n"
                "- an MRI scan or CT scan of the neck, chest, tummy and pelvis; [cite:rossor]\n"
                "- a urine test for chemicals that these tumours can make; [cite:rossor]\n"
                "- sometimes an MIBG scan. [cite:rossor]",
            ),
            (
                "Why tests may be repeated",
                "repeat-tests",
                "These tumours can be very small and hard to find. [cite:nord] [cite:rossor] "
                "A normal urine test or MIBG scan does not rule out a tumour. [cite:rossor] [cite:nord] "
                "If the first scans are clear, your doctor may repeat them later. [cite:rossor]\n\n"
                "Ask your care team what each test is for and what the results mean.",
            ),
        ],
    },
    {
        "slug": "treatment",
        "title": "Treatment",
        "summary": "The medicines and other care used to treat OMS, and what to expect.",
        "key_points": (
            "Most children need several medicines to calm the immune system.\n"
            "Treatment usually lasts a long time, often years.\n"
            "If there is a tumour, it is usually removed with surgery.\n"
            "Taking out the tumour often does not stop OMS on its own."
        ),
        "sections": [
            (
                "The aim of treatment",
                "aim-of-treatment",
                "Treatment aims to calm the immune system so it stops harming the brain. [cite:rossor] "
                "The goal is for the signs to fade or go away. [cite:boston] "
                "Treatment is usually started soon after OMS is found. [cite:boston] [cite:rossor]",
            ),
            (
                "Medicines that calm the immune system",
                "immune-medicines",
                "Most children need several medicines together, for at least 1 to 2 years and often longer. "
                "[cite:rossor] [cite:boston]\n\n"
                "- **Steroids**, such as prednisolone or dexamethasone, or **ACTH** injections. [cite:rossor]\n"
                "- **IVIG**: antibodies from blood donors, given through a drip. [cite:rossor] [cite:cog]\n"
                "- **Rituximab**, often used when OMS is moderate or severe. [cite:ritux] [cite:boston]\n\n"
                "Some children need other medicines, such as azathioprine or cyclophosphamide. [cite:rossor] "
                "A few need plasma exchange, which takes antibodies out of the blood. [cite:rossor] "
                "The page on medicines and side effects explains the main medicines.",
            ),
            (
                "What the research shows",
                "research",
                "Only one trial has put children with OMS into treatment groups by chance. [cite:cog] "
                "It had 53 children who had OMS and a neuroblastoma. [cite:cog] "
                "All of them had steroids and tumour treatment suited to their tumour. [cite:cog] "
                "Some were also given IVIG. [cite:cog]\n\n"
                "With IVIG, 81 in 100 children improved, against 41 in 100 without it. [cite:cog] "
                '"Improved" meant better scores for how bad the signs were. It did not mean a cure. [cite:cog] '
                "Three years later, 98 in 100 of the children were alive. [cite:cog]",
            ),
            (
                "If there is a tumour",
                "if-there-is-a-tumour",
                "The tumour is usually found early and taken out with surgery. [cite:russo] "
                "Many children do not need chemotherapy or radiation for it. [cite:russo] [cite:boston] "
                "When chemotherapy is needed, the cancer team chooses it. [cite:cog]\n\n"
                "Removing the tumour often does not stop OMS by itself. "
                "Your child will still need medicine for the immune system. [cite:russo] [cite:boston] [cite:pranz17]",
            ),
            ("care", "fever"),
        ],
    },
    {
        "slug": "medicines-and-side-effects",
        "title": "Medicines and side effects",
        "summary": "What each OMS medicine can do, and what to watch for.",
        "key_points": (
            "Never stop or lower steroids suddenly.\n"
            "Steroids often bring hunger, mood changes and poor sleep.\n"
            "IVIG does not lower the body's defences against germs.\n"
            "Rituximab lowers the body's defences for months."
        ),
        "sections": [
            (
                "Steroids and ACTH",
                "steroids",
                "These medicines calm the immune system. [cite:rossor] "
                "Steroids and ACTH often cause side effects: [cite:rossor]\n\n"
                "- hunger and weight gain; [cite:mfc]\n"
                "- mood changes and poor sleep; [cite:mfc]\n"
                "- raised blood pressure and blood sugar; [cite:mfc]\n"
                "- an upset stomach. [cite:mfc]\n\n"
                "Ask the care team how they will check for these. [cite:rossor]",
            ),
            (
                "Never stop steroids suddenly",
                "stopping-steroids",
                "Never stop steroids or lower the dose on your own. [cite:mfc] "
                "While your child takes them, the body stops making enough of its own steroid. [cite:rossor] "
                "A sudden stop can make your child very ill. [cite:mfc] "
                "It can also bring OMS back. [cite:brunk] [cite:rossor] "
                "The care team lowers the dose slowly, step by step. [cite:rossor]",
            ),
            (
                "IVIG",
                "ivig",
                "IVIG is made from antibodies given by healthy blood donors. "
                "It goes into a vein through a drip. [cite:ivig-label] "
                "IVIG does not lower the body's defences against germs. [cite:ivig-label] "
                "But it can stop some live vaccines, such as MMR, from working for several months after a drip, "
                "so ask the care team before any vaccine. [cite:acip] [cite:greenbook]\n\n"
                "During or after a drip, a headache, fever, chills or feeling sick are common. [cite:ivig-label] "
                "Tell the nurse if your child feels unwell during the drip. [cite:ivig-label] "
                "At home, a fever still needs the fever advice on this page. [cite:nice-ns]",
            ),
            (
                "Rituximab",
                "rituximab",
                "Rituximab is given through a drip in hospital. [cite:ritux-label] "
                "It removes some of the immune cells that make antibodies. [cite:ritux] "
                "Reactions during the drip are common, most often with the first dose. [cite:ritux-label] "
                "For months after, the body makes fewer antibodies, so infections are more likely. "
                "[cite:ritux-label] [cite:rossor]",
            ),
            (
                "Other medicines",
                "other-medicines",
                "Azathioprine and cyclophosphamide also calm the immune system. [cite:rossor] "
                "They lower the body's defences against germs. [cite:nice-ns] [cite:rossor] "
                "Ask the care team which checks your child needs while taking them. [cite:rossor]",
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
        "title": "Vaccines and infections",
        "summary": "Which vaccines to plan during treatment, and what to do if your child meets an infection.",
        "key_points": (
            "Ask the care team before any vaccine during treatment.\n"
            "Live vaccines are usually put off during treatment and for months after.\n"
            "Vaccines for the rest of the family help protect your child.\n"
            "Know which infections need a call: see the help boxes on this page."
        ),
        "sections": [
            (
                "Why infections matter",
                "why-infections-matter",
                "Steroids, rituximab and some other OMS medicines lower the body's defences against germs. "
                "[cite:greenbook] [cite:ritux-label] "
                "Infections can also bring OMS signs back. [cite:brunk] [cite:boston]",
            ),
            (
                "Vaccines during treatment",
                "vaccines-during-treatment",
                "Ask the care team before your child has any vaccine. [cite:greenbook] [cite:acip]\n\n"
                "Live vaccines contain a weak form of the germ. [cite:greenbook] "
                "They are usually put off while your child takes these medicines, and for months after. "
                "[cite:greenbook] [cite:acip] "
                "Examples are the MMR vaccine, the chickenpox vaccine and the nasal spray flu vaccine. [cite:greenbook]\n\n"
                "Other vaccines are usually still advised. [cite:greenbook] [cite:acip] "
                "They may work less well during treatment, so the care team may plan when to give them. [cite:acip]",
            ),
            (
                "Vaccines for the family",
                "family-vaccines",
                "Brothers, sisters and adults at home should keep up with their own vaccines. [cite:greenbook] [cite:acip] "
                "This includes the flu vaccine each year. [cite:greenbook] [cite:acip] "
                "It helps keep germs away from your child. [cite:acip]\n\n"
                "Brothers and sisters can usually have the nasal spray flu vaccine. "
                "Ask the care team if you are not sure. [cite:greenbook]",
            ),
            ("care", "infection-contact"),
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
            "Children whose signs were milder at the start tend to do better.\n"
            "A check of learning and behaviour before school helps plan support."
        ),
        "sections": [
            (
                "How children do",
                "how-children-do",
                "Each child is different. Many children get much better, and the dancing eyes often settle. "
                "[cite:brunk] [cite:rossor]\n\n"
                "But many children still have some problems later on. "
                "These can be with learning, speech, movement or behaviour. [cite:brunk] [cite:hasegawa] "
                "In one UK study, about a third of children had normal learning and no more signs. [cite:brunk] "
                "In a small Japanese study of 23 children, about 3 in 4 still had problems with learning. [cite:hasegawa] "
                "These studies are small or old, so they cannot tell you how your own child will do. [cite:brunk] [cite:rossor]",
            ),
            (
                "What the studies tell us",
                "about-the-studies",
                "In the UK study, children whose signs were milder at the start did better. [cite:brunk] "
                "In the Japanese study, children who started treatment more than 30 weeks after OMS began did worse. "
                "[cite:hasegawa] "
                "This is an average across many children. It does not decide how your child will do. [cite:hasegawa]\n\n"
                "The UK study looked back over many years, when most children had steroids alone. [cite:brunk] "
                "So its numbers may not show how children do with the treatment used today. [cite:brunk] [cite:rossor]",
            ),
            (
                "Attention and behaviour",
                "attention-and-behaviour",
                "Behaviour problems are common. [cite:brunk] "
                "Some children have trouble paying attention, called ADHD. [cite:rossor] [cite:brunk] "
                "Some have OCD: unwanted thoughts, or habits they feel they must repeat. [cite:rossor] [cite:brunk] "
                "These need their own care, and treatment can help. [cite:rossor]",
            ),
            (
                "A check before school",
                "school-check",
                "Ask for a check of your child's learning and behaviour before school starts. [cite:rossor] "
                "It helps the school plan the right support. [cite:rossor] "
                "Speech, physical and occupational therapy can help with talking, walking and daily skills. "
                "[cite:boston]",
            ),
            ("care", "signs-return"),
        ],
    },
    {
        "slug": "living-with-oms",
        "title": "Living with OMS and when to get help",
        "summary": "Day-to-day life, rages and sleep, support for families, and when to call.",
        "key_points": (
            "Ask the care team what may help your child at home.\n"
            "Rages and poor sleep are part of the illness, not bad parenting.\n"
            "You are not alone: family groups can help.\n"
            "Know when to get help: see the help boxes on this page."
        ),
        "sections": [
            (
                "Day to day",
                "day-to-day",
                "Ask the care team what may help your child at home. [cite:rossor] "
                "Speech, physical and occupational therapy can help with talking, walking and daily skills. "
                "[cite:boston]",
            ),
            (
                "Rages and sleep",
                "rages-and-sleep",
                "Many children with OMS have rages and sleep badly. [cite:nord] [cite:pranz17] "
                "This is part of the illness. It is not your fault or your child's. [cite:nord] "
                "Steroids can make mood and sleep worse too. [cite:mfc]\n\n"
                "During a rage, keep your child safe. "
                "Ask the care team for ways to help with rages and sleep: there are medicines and other help. [cite:rossor]",
            ),
            (
                "Support for families",
                "support",
                "Caring for a child with OMS is hard. It is normal to feel worried or tired. "
                "Ask your care team about social workers and family support. [cite:rossor]\n\n"
                "These groups support families:\n\n"
                "- **Dancing Eye Syndrome Support Trust**, a UK charity for families. [cite:desst]\n"
                "- **OMSLife Foundation**, a US family foundation. [cite:omslife]\n"
                "- **NORD**, which lists patient groups for rare diseases. [cite:nord]",
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

"""Care advice for the default OMS content: one record per situation.

Each record is written once and placed by reference on every page that needs
it (("care", key) in pages.py), so the same advice never exists in two
wordings. Urgency levels:
    "emergency"  call the emergency number
    "urgent"     call the clinic now, day or night
    "soon"       call the clinic the same day
The clinic's phone numbers are never typed here: the help box shows them from
the clinic profile. A box never names a number it may not show: "the
after-hours number" is never written (the box lists it, or what to do while
the clinic has none); "the emergency number" only in boxes that list it. Facts and sources: ../shared/brief/content-facts.md
(safety section). [cite:key] marks a source.
"""

CARE_ADVICE = [
    {
        "key": "breathing-or-waking",
        "title": "Trouble breathing, swelling of the face or lips, or cannot be woken",
        "urgency": "emergency",
        "look_for": (
            "- Your child has trouble breathing. [cite:nhs-fit]\n"
            "- Your child cannot be woken, or does not wake up fully. [cite:nhs-fit]\n"
            "- Your child's face, lips or tongue swell. [cite:ritux-label]"
        ),
        "action": ("Call the emergency number now. [cite:nhs-fit]"),
    },
    {
        "key": "fit-or-jerks",
        "title": "A fit (seizure)",
        "urgency": "emergency",
        "look_for": (
            "- OMS jerks on their own do not need the emergency number: your child is awake and knows you are there. "
            "They may cry, reach for you or turn to your voice. [cite:rossor]\n"
            "- A fit is different. Your child stops responding or loses awareness, "
            "and may go stiff and jerk. [cite:nhs-fit]\n"
            "- A fit lasts more than 5 minutes. [cite:nhs-fit]\n"
            "- Your child has trouble breathing during or after a fit. [cite:nhs-fit]"
        ),
        "action": (
            "Call the emergency number now if your child loses awareness in a fit, "
            "if a fit goes on for more than 5 minutes, or if breathing is hard. [cite:nhs-fit]\n\n"
            "Note the time the fit starts. Move hard things away. "
            "Do not hold your child down or put anything in their mouth. "
            "When the jerking stops, lie your child on their side. [cite:nhs-fit]\n\n"
            'If OMS jerks come back or get worse, see "Signs coming back or getting worse". [cite:rossor]'
        ),
    },
    {
        "key": "head-knock",
        "title": "A knock to the head",
        "urgency": "emergency",
        "look_for": (
            "- A child who is unsteady falls more often. [cite:nhs-head]\n"
            "- After a knock to the head, watch for vomiting, unusual sleepiness, a seizure (fit), "
            "or clear fluid coming from the nose or ears. [cite:nhs-head]"
        ),
        "action": (
            "Call the emergency number now if, after a knock to the head, your child vomits, "
            "is unusually sleepy, has a seizure (fit), or has clear fluid coming from the nose or ears. "
            "[cite:nhs-head]\n\n"
            "To make falls less likely, use stair gates and keep a hand on your child in the bath. "
            "Use a helmet only if the care team advises one. [cite:nhs-head]"
        ),
    },
    {
        "key": "fever",
        "title": "Fever during treatment",
        "urgency": "urgent",
        "look_for": (
            "- A temperature of 38°C (100.4°F) or more. [cite:nice-ns]\n"
            "- This matters when your child takes steroids, ACTH, azathioprine or cyclophosphamide, "
            "has chemotherapy, or has had rituximab in recent months. "
            "These treatments lower the body's defences against germs. [cite:nice-ns] [cite:rossor]\n"
            "- Your child seems very unwell, even with a lower temperature. [cite:nice-ns]"
        ),
        "action": (
            "Call the clinic now, day or night. Do not wait until the morning. [cite:nice-ns]\n\n"
            "If nobody answers, take your child to the nearest emergency department. [cite:nice-ns] "
            "Tell the staff which medicines your child takes. [cite:rossor]"
        ),
    },
    {
        "key": "rituximab-drip",
        "title": "Reactions to a rituximab drip",
        "urgency": "urgent",
        "look_for": (
            "- During the drip, or within 24 hours: fever, chills, rash, itching, "
            "swelling of the face or lips, or trouble breathing. [cite:ritux-label]\n"
            "- For months after rituximab: the body makes fewer antibodies, "
            "so infections are more likely. [cite:ritux-label] [cite:rossor]"
        ),
        "action": (
            "During the drip, tell the nurse at once. "
            "Staff will slow or stop the drip and treat the reaction. [cite:ritux-label]\n\n"
            "At home, if your child has trouble breathing or the face or lips swell, "
            'follow "Trouble breathing, swelling of the face or lips, or cannot be woken". [cite:ritux-label] '
            "For a new rash, call the clinic now, day or night. [cite:ritux-label] "
            'For a fever, follow "Fever during treatment". [cite:nice-ns]'
        ),
    },
    {
        "key": "steroid-vomiting",
        "title": "Vomiting or very unwell on steroids or ACTH",
        "urgency": "urgent",
        "look_for": (
            "- Your child vomits and cannot keep steroid tablets or liquid down, "
            "or has missed a steroid dose because of vomiting. [cite:natpsa] [cite:mfc]\n"
            "- Your child takes steroids or ACTH and seems very unwell, very weak or very sleepy. [cite:natpsa]\n"
            "- After weeks of steroids or ACTH, the body may not make enough of its own steroid. "
            "A child who misses doses or is ill can then become very ill within hours. [cite:natpsa] [cite:bnfc]"
        ),
        "action": (
            "Call the clinic now, day or night. Do not wait until the morning. [cite:natpsa]\n\n"
            "If nobody answers, take your child to the nearest emergency department now. [cite:natpsa] "
            "Take your child's steroid emergency card and medicines, and show them to the staff. [cite:natpsa]\n\n"
            'If your child cannot be woken or has trouble breathing, follow "Trouble breathing, swelling of the '
            'face or lips, or cannot be woken". [cite:nhs-fit] '
            "If your child has a temperature of 38°C (100.4°F) or more, "
            'follow "Fever during treatment". [cite:nice-ns]'
        ),
    },
    {
        "key": "infection-contact",
        "title": "Contact with chickenpox, shingles or measles",
        "urgency": "soon",
        "look_for": (
            "- Your child has been near someone with chickenpox, shingles or measles. [cite:greenbook]\n"
            "- This matters during treatment that calms the immune system, and for months after. [cite:greenbook]"
        ),
        "action": (
            "Call the clinic the same day, even if your child seems well. [cite:greenbook] "
            "Your child may need medicine to make the illness less likely or less serious. "
            "The care team will tell you if it is needed and when to start it. [cite:greenbook]\n\n"
            "If your child gets chickenpox spots or a measles rash, call the clinic now, day or night. [cite:greenbook]"
        ),
    },
    {
        "key": "ivig-headache",
        "title": "Bad headache or little urine in the days after IVIG",
        "urgency": "urgent",
        "look_for": (
            "- A bad headache with a stiff neck, or with dislike of bright light. [cite:ivig-label]\n"
            "- Dark urine, or much less urine than usual. [cite:ivig-label]"
        ),
        "action": (
            "Call the clinic now, day or night. Do not wait until the morning. [cite:ivig-label]\n\n"
            "Call the emergency number now if your child is also very drowsy or confused, "
            "vomits again and again, or has a rash that does not fade when you press on it. [cite:ivig-label]"
        ),
    },
    {
        "key": "signs-return",
        "title": "Signs coming back or getting worse",
        "urgency": "soon",
        "look_for": (
            "- The dancing eyes, jerks or shaking come back or get worse. [cite:brunk] [cite:boston]\n"
            "- Your child walks, sits or talks less well than before. [cite:brunk]\n"
            "- Rages or sleep get much worse. [cite:nord]"
        ),
        "action": (
            "Call the clinic the same day. [cite:rossor] "
            "Signs often come back with an infection, or after a dose was lowered. [cite:brunk] [cite:boston]"
        ),
    },
]

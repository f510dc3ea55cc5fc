"""Care advice for the default content (interim: being rewritten against the fact-check)."""

CARE_ADVICE = [
    {
        "key": "fever",
        "title": "Fever during treatment",
        "urgency": "urgent",
        "look_for": "- A temperature of 38°C (100.4°F) or higher while your child takes medicines that calm the immune system. [cite:rossor]",
        "action": "Call the clinic now, day or night. If no one answers, go to the emergency department. [cite:rossor]",
    },
    {
        "key": "emergency-signs",
        "title": "Trouble breathing or cannot be woken",
        "urgency": "emergency",
        "look_for": "- Your child has trouble breathing.\n- Your child cannot be woken.",
        "action": "Call the emergency number now.",
    },
    {
        "key": "signs-back",
        "title": "Signs come back or get worse",
        "urgency": "soon",
        "look_for": "- The dancing eyes, jerks or shaking come back or get worse. [cite:nord]",
        "action": "Call the clinic the same day. Do not change the medicine yourself. [cite:rossor]",
    },
]

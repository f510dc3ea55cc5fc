# English dates as the clinic writes them: "26 November 2026" (Django's own is "Nov. 26, 2026").
DATE_FORMAT = "j F Y"

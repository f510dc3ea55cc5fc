"""Pictures in the default content: made for this portal (draw.py), loaded through the upload rules.

page slug -> pictures, each placed under a section (by anchor). The facts in
each picture come from the fact-check; draw.py names each one's row and keys.
"""

from pathlib import Path

FOLDER = Path(__file__).parent

PICTURES = {
    "treatment": [
        {
            "section": "aim-of-treatment",
            "file": "care-for-oms.png",
            # testing (NORD, ARTICLE); tumour care (RUSSO, ARTICLE); tumour vs symptoms (RUSSO, BOSTON);
            # treatment (ROSSOR, BOSTON, RITUX); course (BRUNK, BOSTON)
            "alt": "Four parts of care for OMS: checks for a tumour with scans and urine tests; surgery if a "
            "tumour is found; several medicines for the immune system; and treatment for at least 1 to 2 years, "
            "often longer, as OMS often comes back.",
            "caption": "The main parts of care for OMS. Your child's care team plans each step with you.",
        }
    ],
}

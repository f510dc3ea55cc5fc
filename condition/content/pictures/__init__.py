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
            # the parts happen together (page "aim of treatment"; outcome, HASEGAWA); relapse triggers and never
            # lowering medicine alone (course: BRUNK, BOSTON; safety, steroids: MFC, ROSSOR)
            "alt": "Four parts of care for OMS, often at the same time: scans and urine tests for a tumour; surgery if one "
            "is found, though that often does not stop OMS; several medicines for the immune system; and treatment "
            "for at least 1 to 2 years.",
            "caption": "The main parts of care for OMS. They often happen at the same time. Your child's care "
            "team will plan your child's care with you.",
        }
    ],
}

"""Spanish writes "92 %" with a space that never breaks, so "%" is never alone at the start of a line."""

import polib
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext


def test_a_spanish_quiz_score_keeps_its_percent_sign_with_the_number():
    with translation.override("es"):
        score = gettext("%(right)s out of %(total)s right (%(percent)s%%)") % {"right": 11, "total": 12, "percent": 92}
    assert score == "11 de 12 correctas (92\u00a0%)"


def test_no_spanish_text_puts_a_breaking_space_before_a_percent_sign():
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    breaking = [entry.msgid for entry in catalogue if " %%" in entry.msgstr or " %" in entry.msgstr.replace("%(", "")]
    assert breaking == []

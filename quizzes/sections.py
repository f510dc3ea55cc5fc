"""A quiz result's links back to the pages, named in the reader's language.

A question checks a section of an original page (Question.section). A
translated page shares its original's section anchors, so the link is the
same address in the reader's language; its words come from the translated
page's section with that anchor. Where a page or a care box has no live
translation (or a care box's translation is out of date, which families never
see), the original's words are shown, marked with their language.
"""

from dataclasses import dataclass

from condition.content import ORIGINAL_LANGUAGE
from condition.models import Page, Section
from condition.translations import safe_care_advice


@dataclass(frozen=True)
class ShownSection:
    title: str
    page_title: str
    # The words' language where it is not the reader's (templates mark it with `lang`), else "".
    title_lang: str = ""
    page_lang: str = ""


def sections_in_language(sections, language):
    """{section pk: ShownSection} for original sections: two queries at most, whatever their number."""
    sections = list(sections)
    if language == ORIGINAL_LANGUAGE or not sections:
        return {section.pk: ShownSection(section.title, section.page.title) for section in sections}
    translated_pages = Page.objects.live(language).filter(translation_of__in={s.page_id for s in sections})
    translated = {
        (row.page.translation_of_id, row.anchor): row
        for row in Section.objects.filter(page__in=translated_pages).select_related("page")
    }
    boxes = {s.care_advice_id: s.care_advice for s in sections if s.care_advice_id}
    advice = {
        item.pk if item.shown_in_original else item.translation_of_id: item
        for item in safe_care_advice(boxes.values(), language)
    }
    shown = {}
    for section in sections:
        row = translated.get((section.page_id, section.anchor))
        if section.care_advice_id:
            box = advice[section.care_advice_id]
            title, title_in_original = box.title, box.shown_in_original
        else:
            title, title_in_original = (row.heading, False) if row else (section.heading, True)
        shown[section.pk] = ShownSection(
            title=title,
            page_title=row.page.title if row else section.page.title,
            title_lang=ORIGINAL_LANGUAGE if title_in_original else "",
            page_lang="" if row else ORIGINAL_LANGUAGE,
        )
    return shown

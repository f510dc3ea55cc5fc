"""The whole-condition handout, built ahead and kept in file storage (issue 11).

At 100x the default content the guide with every topic took 11.5 s to render
and its PDF never finished inside a request. So it is built by
`manage.py build_handouts` (run it from a timer, e.g. every minute) and kept
through Django's storage API, which several app servers can share (a shared
folder, or S3-compatible object storage). Until the file for the current
content version is there, families get an honest "being prepared" page with
Retry-After; a small guide (at most SMALL_GUIDE_PAGES topics) is still made
in the request, as it takes well under the 2 s bound.

A file's name holds the condition, the content version read before
rendering, the day printed, the paper and the site address, so a file is
never served for newer text than it holds. A build writes the file, then a
small ".ready" marker: readers only trust a file whose marker exists.
"""

import hashlib
import os

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils import translation as django_translation
from django.utils.translation import gettext

from condition import handouts, translations
from condition.cache import FORMAT, content_version
from condition.drafts import ORIGINAL_LANGUAGE
from condition.models import Page, Section

FOLDER = "handouts"
KINDS = ("html", "pdf")
SMALL_GUIDE_PAGES = 12


def with_sections(pages):
    """Pages with what a handout prints: their condition and the sections families may read."""
    sections = Prefetch("sections", Section.objects.shown().select_related("care_advice").prefetch_related("images"))
    return pages.select_related("condition").prefetch_related(sections)


def in_reader_language(pages, language):
    """Each page in `language` where it has a live translation (else the English, marked), care advice safe."""
    originals = {page.pk: page for page in pages}
    pages = translations.in_language(pages, language, model=Page, queryset=with_sections(Page.objects.all()))
    for page in pages:
        sections = list(page.sections.all())
        if page.is_translation:  # the original's current care boxes, never the ones it had when translated
            sections = translations.with_original_care_boxes(sections, originals[page.translation_of_id].sections.all())
        put = translations.put_safe_care_advice(sections, language)
        page.prefetched_sections = put  # handouts.handout_context reads these
    if language != ORIGINAL_LANGUAGE:
        translations.translate_in_place(list({page.condition.pk: page.condition for page in pages}.values()), language)
    return pages


def guide_pages(condition, language=ORIGINAL_LANGUAGE):
    pages = list(with_sections(Page.objects.all()).live().filter(condition=condition))
    return in_reader_language(pages, language) if pages else pages


def stored_name(condition, *, paper, site, kind, version=None, day=None, language=ORIGINAL_LANGUAGE):
    version = content_version() if version is None else version
    day = timezone.localdate() if day is None else day
    # The build id too: a deploy with a new handout template builds the guide afresh.
    digest = hashlib.blake2b(f"{site}|{FORMAT}".encode(), digest_size=6).hexdigest()
    return f"{FOLDER}/{condition.slug}/{version}-{day.isoformat()}-{language}-{paper}-{digest}.{kind}"


def ready(name):
    return default_storage.exists(name + ".ready")


def build(condition, *, paper, site, kinds=KINDS, pages=None, language=ORIGINAL_LANGUAGE):
    """Render the guide for `paper`, `site` and `language` and store each of `kinds`; returns {kind: name}.

    The content version is read before anything is rendered, so a file never
    holds older text than its name says. None when the condition has no published pages.
    """
    version, day = content_version(), timezone.localdate()
    html = render_guide(condition, paper=paper, site=site, pages=pages, language=language)
    if html is None:
        return None
    names = {}
    for kind in kinds:
        name = stored_name(condition, paper=paper, site=site, kind=kind, version=version, day=day, language=language)
        data = html.encode() if kind == "html" else handouts.html_to_pdf(html, site + "/")
        _store(name, data)
        names[kind] = name
    return names


def render_guide(condition, *, paper, site, pages=None, language=ORIGINAL_LANGUAGE):
    """The guide's HTML, or None when the condition has no published pages."""
    with django_translation.override(language):
        pages = guide_pages(condition, language) if pages is None else pages
        if not pages:
            return None
        name = pages[0].condition.name  # in the reader's language where translated
        context = handouts.handout_context(
            None,
            pages,
            title=gettext("%(name)s: a guide for families") % {"name": name},
            paper=paper,
            online_path=reverse("condition:home"),
            site=site,
            language=language,
        )
        context["pdf_url"] = reverse("condition:condition_handout_pdf", args=[condition.slug])
        return handouts.render_handout_html(None, context)


def _store(name, data):
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(data))
    if not default_storage.exists(name + ".ready"):
        default_storage.save(name + ".ready", ContentFile(b""))


def remove_old(condition, *, keep_version=None, keep_day=None):
    """Delete this condition's files for any other content version or day; returns how many."""
    prefix = f"{keep_version or content_version()}-{(keep_day or timezone.localdate()).isoformat()}-"
    folder = f"{FOLDER}/{condition.slug}"
    try:
        _, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return 0
    removed = 0
    for filename in files:
        if not filename.startswith(prefix):
            default_storage.delete(os.path.join(folder, filename))
            removed += 1
    return removed

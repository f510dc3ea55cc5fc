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
from django.utils.translation import get_language, gettext

from condition import handouts
from condition.cache import FORMAT, content_version
from condition.models import Page, Section

FOLDER = "handouts"
KINDS = ("html", "pdf")
SMALL_GUIDE_PAGES = 12


def guide_pages(condition):
    sections = Prefetch("sections", Section.objects.shown().select_related("care_advice").prefetch_related("images"))
    return list(Page.objects.live().filter(condition=condition).select_related("condition").prefetch_related(sections))


def stored_name(condition, *, paper, site, kind, version=None, day=None):
    version = content_version() if version is None else version
    day = timezone.localdate() if day is None else day
    # The build id too: a deploy with a new handout template builds the guide afresh;
    # and the language, as the handout's words are in the family's language (issue 13).
    digest = hashlib.blake2b(f"{site}|{FORMAT}|{get_language()}".encode(), digest_size=6).hexdigest()
    return f"{FOLDER}/{condition.slug}/{version}-{day.isoformat()}-{paper}-{digest}.{kind}"


def ready(name):
    return default_storage.exists(name + ".ready")


def build(condition, *, paper, site, kinds=KINDS, pages=None):
    """Render the guide for `paper` and `site` and store each of `kinds`; returns {kind: name}.

    The content version is read before anything is rendered, so a file never
    holds older text than its name says. None when the condition has no published pages.
    """
    version, day = content_version(), timezone.localdate()
    pages = guide_pages(condition) if pages is None else pages
    if not pages:
        return None
    context = handouts.handout_context(
        None,
        pages,
        title=gettext("%(name)s: a guide for families") % {"name": condition.name},
        paper=paper,
        online_path=reverse("condition:home"),
        site=site,
    )
    context["pdf_url"] = reverse("condition:condition_handout_pdf", args=[condition.slug])
    html = handouts.render_handout_html(None, context)
    names = {}
    for kind in kinds:
        name = stored_name(condition, paper=paper, site=site, kind=kind, version=version, day=day)
        data = html.encode() if kind == "html" else handouts.html_to_pdf(html, site + "/")
        _store(name, data)
        names[kind] = name
    return names


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

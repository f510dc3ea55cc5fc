"""The whole-condition handout, built ahead and kept in file storage.

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
from django.urls import reverse
from django.utils import timezone
from django.utils import translation as django_translation
from django.utils.translation import gettext

from condition import handouts
from condition.content import ORIGINAL_LANGUAGE
from condition.models import Page
from condition.pages import PUBLIC, render_pages
from pagecache.cache import content_version, versioned

FOLDER = "handouts"
KINDS = ("html", "pdf")
SMALL_GUIDE_PAGES = 12


def guide_pages(condition, language=ORIGINAL_LANGUAGE):
    """Every published topic of `condition` rendered for a family reading `language` (pages.render_pages)."""
    pages = Page.objects.live().filter(condition=condition).select_related("condition")
    return render_pages(pages, language, PUBLIC, printed=True)


def stored_name(condition, *, paper, site, kind, version=None, day=None, language=ORIGINAL_LANGUAGE):
    version = content_version() if version is None else version
    day = timezone.localdate() if day is None else day
    # The build id too: a deploy with a new handout template builds the guide afresh.
    digest = hashlib.blake2b(versioned(site, version=version).encode(), digest_size=6).hexdigest()
    return f"{FOLDER}/{condition.slug}/{version}-{day.isoformat()}-{language}-{paper}-{digest}.{kind}"


def ready(name):
    return default_storage.exists(name + ".ready")


def build(condition, *, paper, site, kinds=KINDS, rendered=None, language=ORIGINAL_LANGUAGE):
    """Render the guide for `paper`, `site` and `language` and store each of `kinds`; returns {kind: name}.

    The content version is read before anything is rendered, so a file never
    holds older text than its name says. None when the condition has no published pages.
    `rendered` (from guide_pages) lets one rendering serve every paper size.
    """
    version, day = content_version(), timezone.localdate()
    html = render_guide(condition, paper=paper, site=site, rendered=rendered, language=language)
    if html is None:
        return None
    names = {}
    for kind in kinds:
        name = stored_name(condition, paper=paper, site=site, kind=kind, version=version, day=day, language=language)
        data = html.encode() if kind == "html" else handouts.html_to_pdf(html, site + "/")
        _store(name, data)
        names[kind] = name
    return names


def render_guide(condition, *, paper, site, rendered=None, language=ORIGINAL_LANGUAGE):
    """The guide's HTML, or None when the condition has no published pages."""
    with django_translation.override(language):
        rendered = guide_pages(condition, language) if rendered is None else rendered
        if not rendered.entries:
            return None
        name = rendered.entries[0]["page"].condition.name  # in the reader's language where translated
        context = handouts.handout_context(
            None,
            rendered,
            title=gettext("%(name)s: a guide for families") % {"name": name},
            paper=paper,
            online_path=reverse("condition:home"),
            site=site,
            pdf_url=reverse("condition:condition_handout_pdf", args=[condition.slug]),
        )
        return handouts.render_handout_html(None, context)


def _store(name, data):
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(data))
    if not default_storage.exists(name + ".ready"):
        default_storage.save(name + ".ready", ContentFile(b""))


def remove_old(condition, *, keep_version=None, keep_day=None):
    """Delete this condition's files for any other content version or day; returns how many."""
    version = keep_version or content_version()
    prefix = f"{version}-{(keep_day or timezone.localdate()).isoformat()}-"  # the start of stored_name's file name
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

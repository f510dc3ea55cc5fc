"""Printable handouts: one HTML layout for the browser's print and for PDFs.

PDFs are made by WeasyPrint from exactly the HTML and CSS the handout view
serves, so paper from the browser and from the PDF match.
"""

import mimetypes
import threading
from pathlib import Path
from urllib.parse import urlsplit

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext_lazy

from condition import images
from condition.models import ClinicProfile
from condition.pages import STAFF, render_pages
from pagecache.cache import cached, versioned

PAPERS = {"a4": pgettext_lazy("paper size", "A4"), "letter": pgettext_lazy("paper size", "US Letter")}
# The admin's "Download handout PDFs" makes one PDF in the request: keep it short.
ADMIN_PDF_MAX_PAGES = 10


def paper_from(request):
    paper = request.GET.get("paper", "a4")
    return paper if paper in PAPERS else "a4"


def site_url(request):
    """The address printed on handouts: DJANGO_SITE_URL, else this request's (validated) host."""
    if settings.SITE_URL:
        return settings.SITE_URL
    return request.build_absolute_uri("/").rstrip("/")


def absolute_url(request, path):
    return site_url(request) + path


def qr_svg(url):
    """The URL as a QR code, drawn locally as inline SVG (no outside service)."""
    qr = segno.make(url, error="m", micro=False)
    return mark_safe(
        qr.svg_inline(scale=3, border=2, dark="#000", light="#fff", title=gettext("QR code for %(url)s") % {"url": url})
    )


def handout_context(request, rendered, *, title, paper, online_path, site=None, pdf_url=""):
    """The handout template's context for pages from condition.pages.render_pages (printed=True).

    `site` is the address to print (see site_url); without it, the request's.
    """
    entries = rendered.entries
    url = (site or site_url(request)) + online_path
    return {
        "title": title,
        "entries": entries,
        # One page: its sections sit under the h1; several: under each page's h2.
        "hx": "h3" if len(entries) > 1 else "h2",
        "hsub": "h4" if len(entries) > 1 else "h3",
        "terms": sorted(rendered.terms, key=lambda term: term.term.lower()),
        "handout_sources": rendered.sources,
        "pdf_url": pdf_url,
        "paper": paper,
        "papers": PAPERS,
        "online_url": url,
        "online_path": online_path,
        "short_url": url.split("://", 1)[-1],
        "short_url_wrapping": _breakable_at_slashes(url.split("://", 1)[-1]),
        "qr": qr_svg(url),
        "printed_on": timezone.localdate(),
        "clinic": ClinicProfile.load(),
    }


def _breakable_at_slashes(address):
    """The printed address may wrap only after a slash, never inside a word ("…/topics/" then "treatment/")."""
    return mark_safe("/<wbr>".join(escape(part) for part in address.split("/")))


def render_handout_html(request, context):
    """The handout's HTML; it uses no request data, so a build ahead passes None."""
    return render_to_string("condition/handout.html", context, request=request)


def _picture(url, path):
    """A picture (condition.images) read straight from file storage, never over HTTP."""
    from weasyprint.urls import URLFetcherResponse

    name = path[len(images.MEDIA_PATH_PREFIX) :]
    if images.folder_of(name) is None:
        raise ValueError(f"Handouts load only the portal's own pictures, not {url}")
    with default_storage.open(name) as stored:
        data = stored.read()
    return URLFetcherResponse(url, data, headers={"Content-Type": mimetypes.guess_type(name)[0] or "image/png"})


def _static_fetcher(url, *args, **kwargs):
    """Let WeasyPrint load only the portal's own static files and pictures: never the network."""
    path = urlsplit(url).path
    if path.startswith(images.MEDIA_PATH_PREFIX):
        return _picture(url, path)
    static_prefix = "/" + settings.STATIC_URL.lstrip("/")
    if not path.startswith(static_prefix):
        raise ValueError(f"Handouts load only the portal's own files, not {url}")
    relative = path[len(static_prefix) :]
    found = finders.find(relative)
    if not found and settings.STATIC_ROOT:
        candidate = Path(settings.STATIC_ROOT) / relative
        found = str(candidate) if candidate.is_file() else None
    if not found:
        raise ValueError(f"No static file {relative}")
    from weasyprint.urls import URLFetcherResponse

    return URLFetcherResponse(
        url, Path(found).read_bytes(), headers={"Content-Type": mimetypes.guess_type(found)[0] or "text/css"}
    )


# One FontConfiguration per process: a new one per PDF leaked about 0.25 MB
# each time. The lock keeps threads from sharing it at once.
_fonts = []
_pdf_lock = threading.Lock()


def html_to_pdf(html, base_url):
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            return _static_fetcher(url)

    with _pdf_lock:
        if not _fonts:
            _fonts.append(FontConfiguration())
        document = HTML(string=html, base_url=base_url, url_fetcher=StaticOnlyFetcher())
        return document.write_pdf(font_config=_fonts[0])


def pdf_response(request, make_context, *, filename, pages, audience="public"):
    """The handout as a PDF download, made by `make_context()` only when not cached.

    Cached until the content, the day printed, the paper size or the address
    changes. `audience` keeps staff PDFs (drafts included) apart from families'.
    """
    key = versioned(
        "handout-pdf",
        audience,
        translation.get_language(),  # a page without a translation still prints the reader's notices
        *(page.pk for page in pages),
        timezone.localdate(),
        paper_from(request),
        site_url(request),
        request=request,  # the content version, read once per request
    )
    pdf = cached(
        key,
        lambda: html_to_pdf(render_handout_html(request, make_context()), request.build_absolute_uri("/")),
        ttl=60 * 60,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def pdf_response_for_pages(request, pages):
    """Used by the admin: one PDF for the chosen pages, drafts included.

    More than ADMIN_PDF_MAX_PAGES pages would hold the request for seconds: the
    staff member is told so (None keeps them on the list), and pointed at the
    whole guide, which is built ahead.
    """
    if len(pages) > ADMIN_PDF_MAX_PAGES:
        messages.error(
            request,
            gettext(
                "Choose at most %(count)d pages for one PDF. "
                "The handout with every topic is linked from the home page and is built ahead."
            )
            % {"count": ADMIN_PDF_MAX_PAGES},
        )
        return None
    pages = sorted(pages, key=lambda page: (page.order, page.title))
    title = pages[0].title if len(pages) == 1 else f"{pages[0].condition.name}: selected topics"
    name = slugify(title)[:60] or "handout"
    # Each page as it is, in its own language, as families read it: a Spanish page prints the Spanish interface.
    languages = {page.language for page in pages}
    language = languages.pop() if len(languages) == 1 else settings.LANGUAGE_CODE

    def make_context():
        rendered = render_pages(pages, language, STAFF, printed=True)
        return handout_context(
            request, rendered, title=title, paper=paper_from(request), online_path=pages[0].get_absolute_url()
        )

    with translation.override(language):
        return pdf_response(request, make_context, filename=f"{name}.pdf", pages=pages, audience="staff")

import html
import unicodedata

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, ListView
from django_ratelimit.decorators import ratelimit

from condition import handout_files, handouts
from condition.addresses import page_address
from condition.forms import FeedbackForm
from condition.models import (
    CareAdvice,
    Condition,
    GlossaryTerm,
    Page,
    PageFeedback,
    PageSlugRedirect,
    Section,
    Source,
    care_text,
)
from condition.pages import PUBLIC, render_pages
from condition.related import pages_around
from condition.rendering import PageRenderer, cited_keys
from condition.terms import TermMatcher
from condition.translations import (
    ORIGINAL_LANGUAGE,
    current_language,
    in_language,
    safe_care_advice,
    titled,
    translate_in_place,
)
from pagecache.db import queued_write
from pagecache.posts import form_rate


class PublishedPageMixin:
    """Families only ever reach published pages; anything else is a 404."""

    model = Page

    def get_queryset(self):
        return Page.objects.live().select_related("condition")


def page_context(rendered):
    """What the topic page template shows of one page from pages.render_pages (also the admin preview)."""
    entry = rendered.entries[0]
    page = entry["page"]
    questions = list(page.suggested_questions.all())
    return {
        "page": page,
        "sections": entry["sections"],
        "page_sources": rendered.source_entries,
        "suggested_questions": questions,
    }


def home(request):
    conditions = Condition.objects.live().prefetch_related(
        Prefetch(
            "pages",
            queryset=Page.objects.live().only("id", "title", "slug", "summary", "order", "condition_id", "language"),
        )
    )
    conditions = [condition for condition in conditions if condition.pages.all()]
    language = current_language()
    if language != ORIGINAL_LANGUAGE:
        translate_in_place(conditions, language)
        translate_in_place([page for condition in conditions for page in condition.pages.all()], language)
    return render(request, "condition/home.html", {"conditions": conditions})


def moved_page(request, slug, route):
    """A 301 from a page's old address (before its slug changed) to the same view at its new one."""
    moved = PageSlugRedirect.objects.filter(old_slug=slug, page__status=Page.Status.PUBLISHED).values("page__slug")
    moved = moved.first()
    if moved is None:
        raise Http404("No published page here")
    url = reverse(route, args=[moved["page__slug"]])
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


class PageDetailView(PublishedPageMixin, DetailView):
    template_name = "condition/page_detail.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            return moved_page(request, kwargs["slug"], "condition:page")

    def get_context_data(self, **kwargs):
        """The page in the reader's language where a live translation exists, else the original (marked)."""
        context = super().get_context_data(**kwargs)
        language = current_language()
        context["original"] = self.object
        context.update(page_context(render_pages([self.object], language, PUBLIC)))
        page_terms = {term.pk for item in context["sections"] for term in item.terms}
        around = pages_around(self.object, page_terms)
        if language != ORIGINAL_LANGUAGE:
            translate_in_place([around.previous, around.next, *around.related], language)
        context["related_topics"] = around.related
        context["previous_page"] = around.previous
        context["next_page"] = around.next
        return context


def help_page(request):
    """Every care box placed on a published page, most urgent first: one page to open at 2 a.m."""
    advice = CareAdvice.objects.live().filter(placements__page__status=Page.Status.PUBLISHED).distinct()
    advice = safe_care_advice(advice.order_by("urgency", "title"), current_language())
    renderer = PageRenderer(sources=Source.cited_in(a.text for a in advice), glossary=(), care_boxes=advice)
    boxes = [renderer.render_care(item) for item in advice]
    return render(request, "condition/help.html", {"boxes": boxes, "page_sources": renderer.cited_entries})


def published_sections(language=ORIGINAL_LANGUAGE):
    """(body, page id, link) for every section families can read in `language`, in page order, in one query.

    Each page's link is made once, however many terms or sources name it: at
    100x content the word list and sources pages show thousands of links.
    """
    links = {}
    rows = (
        Section.objects.shown()
        .filter(page__status=Page.Status.PUBLISHED, page__language=language)
        .order_by("page__order", "page__title", "page_id")
        .values_list("body", "page_id", "page__title", "page__slug", "care_advice__look_for", "care_advice__action")
    )
    for body, page_id, title, slug, look_for, action in rows:
        if look_for is not None:  # a care box: its advice is what families read (Section.text)
            body = care_text(look_for, action)
        link = links.get(page_id)
        if link is None:
            url = escape(page_address(slug))
            link = links[page_id] = f'<a href="{url}">{escape(title)}</a>'
        yield body, page_id, link


def _pages_using(found_in, language=ORIGINAL_LANGUAGE):
    """key -> links to the published pages whose sections `found_in(body)` names, each page once, in page order.

    One pass over the text: linear in the content, whatever the number of keys.
    The links are joined here, not in a template loop, which cost most of the
    word list's time at 100x content.
    """
    pages_by_key = {}
    for body, page_id, link in published_sections(language):
        for key in found_in(body):
            pages_by_key.setdefault(key, {})[page_id] = link
    return {key: mark_safe(", ".join(pages.values())) for key, pages in pages_by_key.items()}


class GlossaryView(ListView):
    queryset = GlossaryTerm.objects.live()
    template_name = "condition/glossary.html"
    context_object_name = "terms"

    def get_context_data(self, **kwargs):
        """Each term with the published pages that use it, so a family can read it in context."""
        context = super().get_context_data(**kwargs)
        language = current_language()
        terms = in_language(context["terms"], language, model=GlossaryTerm)
        if language != ORIGINAL_LANGUAGE:  # in the reader's alphabet: "ácido" with the a's
            terms.sort(key=lambda term: unicodedata.normalize("NFKD", term.term.casefold()).encode("ascii", "ignore"))
        used_on = _pages_using(TermMatcher(terms).found_in, language)
        context["terms"] = mark_safe("".join(_glossary_entry(term, used_on.get(term.pk, "")) for term in terms))
        return context


def _glossary_entry(term, links):
    """One term of the word list, as a <dt> and <dd>. Made here rather than in a
    template loop, which cost a third of the word list's time at 100x content."""
    read_more = html.escape(gettext("Read more:"))
    used_on = f'<br><span class="used-on">{read_more} {links}</span>' if links else ""
    lang = f' lang="{term.language}"' if getattr(term, "shown_in_original", False) else ""
    return (
        f'<dt id="term-{html.escape(term.slug)}"{lang}>{html.escape(term.term)}</dt>'
        f"<dd{lang}>{html.escape(term.definition)}{used_on}</dd>\n"
    )


def sources(request):
    """Every source with its full citation, and the published pages that cite it."""
    cited_by = _pages_using(cited_keys, current_language())
    all_sources = [(source, cited_by.get(source.key, "")) for source in Source.objects.live()]
    return render(request, "condition/sources.html", {"sources": all_sources})


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=form_rate, method="POST", block=True)
def feedback(request, slug):
    """Step two of "Was this page helpful?": the answer from the page's link, an optional comment, Send."""
    page = titled(get_object_or_404(Page.objects.live().only("title", "slug", "status", "language"), slug=slug))
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            form.instance.page = page
            with queued_write():
                feedback = form.save()
                if feedback.comment:
                    PageFeedback.objects.trim_comments(page.pk, settings.FEEDBACK_COMMENTS_PER_PAGE)
            return redirect("condition:feedback_thanks", slug=page.slug)
        status = 400
    else:
        answer = request.GET.get("helpful")
        form = FeedbackForm(initial={"helpful": answer} if answer in ("yes", "no") else None)
        status = 200
    return render(request, "condition/feedback.html", {"page": page, "form": form}, status=status)


def feedback_thanks(request, slug):
    page = titled(get_object_or_404(Page.objects.live().only("title", "slug", "language"), slug=slug))
    return render(request, "condition/feedback_thanks.html", {"page": page})


def page_handout(request, slug, as_pdf=False):
    """One topic on paper, in the reader's language where it is translated (rendered only when not cached)."""
    page = Page.objects.live().select_related("condition").filter(slug=slug).first()
    if page is None:
        return moved_page(request, slug, "condition:page_handout_pdf" if as_pdf else "condition:page_handout")

    def make_context():
        rendered = render_pages([page], current_language(), PUBLIC, printed=True)
        shown = rendered.entries[0]["page"]
        return handouts.handout_context(
            request,
            rendered,
            title=shown.title,
            paper=handouts.paper_from(request),
            online_path=shown.get_absolute_url(),
            pdf_url=reverse("condition:page_handout_pdf", args=[shown.slug]),
        )

    if as_pdf:
        return handouts.pdf_response(request, make_context, filename=f"{page.slug}.pdf", pages=[page])
    return render(request, "condition/handout.html", make_context())


def condition_handout(request, slug, as_pdf=False):
    """The guide with every topic, served from the file built ahead (see condition.handout_files)."""
    condition = get_object_or_404(Condition.objects.live(), slug=slug)
    paper, site, language = handouts.paper_from(request), handouts.site_url(request), current_language()
    kind = "pdf" if as_pdf else "html"
    if not settings.SITE_URL:  # development: the address comes from each request's host, so nothing is kept
        return _guide_made_now(condition, paper=paper, site=site, language=language, as_pdf=as_pdf)
    name = handout_files.stored_name(condition, paper=paper, site=site, kind=kind, language=language)
    if not handout_files.ready(name):
        published = Page.objects.live().filter(condition=condition).count()
        if not published:
            raise Http404("No published pages")
        if published > handout_files.SMALL_GUIDE_PAGES:
            return _guide_being_prepared(request, condition)
        handout_files.build(condition, paper=paper, site=site, kinds=[kind], language=language)
    try:
        stored = default_storage.open(name, "rb")
    except FileNotFoundError:  # replaced by a newer build since we looked
        return _guide_being_prepared(request, condition)
    if as_pdf:
        return FileResponse(
            stored, as_attachment=True, filename=f"{condition.slug}-guide.pdf", content_type="application/pdf"
        )
    with stored:
        return HttpResponse(stored.read(), content_type="text/html; charset=utf-8")


def _guide_made_now(condition, *, paper, site, language, as_pdf):
    html = handout_files.render_guide(condition, paper=paper, site=site, language=language)
    if html is None:
        raise Http404("No published pages")
    if as_pdf:
        response = HttpResponse(handouts.html_to_pdf(html, site + "/"), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{condition.slug}-guide.pdf"'
        return response
    return HttpResponse(html, content_type="text/html; charset=utf-8")


def _guide_being_prepared(request, condition):
    """Honest, and quick: the guide for the current text is not built yet."""
    response = render(request, "condition/handout_preparing.html", {"condition": condition}, status=503)
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response

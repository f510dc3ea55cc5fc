"""Turn what staff type into safe HTML for families.

Staff write Markdown. It is converted to HTML, then cleaned by nh3 with an
allow-list, so script, styles and event handlers never reach a browser. Only
after cleaning does the portal add its own markup: citation markers and links
to glossary terms, built from values it controls.
"""

import re
import threading
from dataclasses import dataclass, field

import markdown
import nh3
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from condition.terms import TAG_RE as MARKUP_RE
from condition.terms import TermMatcher

# A quoted phrase; only the exact title of a care box on the same page is linked (no tag holds one).
QUOTED_RE = re.compile(r'"([^"<>]{2,120})"')
CITE_RE = re.compile(r"\[cite:\s*([A-Za-z0-9_-]+)\s*\]")

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "h3", "h4", "blockquote"}
# Markdown tables (a table per medicine of what to watch for and whom to call): the cells, never an attribute.
ALLOWED_TAGS |= {"table", "thead", "tbody", "tr", "th", "td"}
# "*": no attribute on every tag (nh3 would keep lang and title anywhere, with any value).
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "*": set()}
# Inside these, glossary terms are left alone.
NO_TERM_TAGS = {"a", "h3", "h4", "sup"}


def cited_keys(text):
    """Source keys cited in `text`, in order of first appearance."""
    keys = []
    for match in CITE_RE.finditer(text or ""):
        key = match.group(1).lower()
        if key not in keys:
            keys.append(key)
    return keys


_markdown = threading.local()


def _to_html(markdown_text):
    """One Markdown converter per thread, reset between texts (building one costs more than converting)."""
    converter = getattr(_markdown, "converter", None)
    if converter is None:
        converter = _markdown.converter = markdown.Markdown(output_format="html", extensions=["tables"])
    return converter.reset().convert(markdown_text)


URL_SCHEMES = {"http", "https", "mailto", "tel"}
# A link as nh3 writes it: its attributes always quoted with ", a " inside a value written &quot;,
# and never a link inside a link, so the first </a> closes it.
LINK_RE = re.compile(r'<a((?:\s+[\w:-]+="[^"]*")*)\s*>(.*?)</a>', re.S)
HREF_RE = re.compile(r'\shref="')


def _cleaned(markdown_text):
    html = _to_html(markdown_text or "")
    html = re.sub(r"<(/?)h[12](\W)", r"<\1h3\2", html)
    html = re.sub(r"<(/?)h[56](\W)", r"<\1h4\2", html)
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)


def _link(match):
    """A link nh3 kept its address for opens with rel; one whose address it refused is its text alone."""
    attributes, text = match.groups()
    if not HREF_RE.search(attributes):
        return text
    return f'<a{attributes} rel="noopener noreferrer">{text}</a>'


def sanitise(markdown_text):
    """Markdown from staff -> clean HTML; headings start at h3 so the outline stays right."""
    return LINK_RE.sub(_link, _cleaned(markdown_text))


def refused_links(markdown_text):
    """The text of each link in `markdown_text` whose address the sanitiser refuses (javascript:, data:...)."""
    return [
        nh3.clean(text, tags=set()) or "…"
        for attributes, text in LINK_RE.findall(_cleaned(markdown_text))
        if not HREF_RE.search(attributes)
    ]


OPENING_LINK_RE = re.compile(r"<a[\s>]")


def in_text(html, replace):
    """`html` with `replace(text)` applied to the text between its tags only, never to attribute values
    nor to a link's own text (what `replace` makes may be a link, and a link never holds another)."""
    parts = MARKUP_RE.split(html)
    tags = MARKUP_RE.findall(html)
    out = [replace(parts[0])]
    in_link = False
    for tag, text in zip(tags, parts[1:], strict=True):
        out.append(tag)
        if OPENING_LINK_RE.match(tag):
            in_link = True
        elif tag.startswith("</a"):
            in_link = False
        out.append(text if in_link else replace(text))
    return "".join(out)


def _citations_after_link(match):
    """A citation written inside a link (its text, address or title) follows the link instead: a marker
    is a link of its own, and in an attribute it would break the tag."""
    attributes, text = match.groups()
    keys = CITE_RE.findall(attributes) + CITE_RE.findall(text)
    if not keys:
        return match.group(0)
    link = f"<a{CITE_RE.sub('', attributes)}>{CITE_RE.sub('', text).rstrip()}</a>"
    return link + "".join(f"[cite:{key}]" for key in keys)


@dataclass
class CitedSource:
    """An entry of a page's source list: its number, the source, and the id of every marker citing it, in order."""

    number: int
    source: object
    marker_ids: list

    @property
    def places(self):
        """(place, id) of each marker, numbered from 1, for the entry's links back to the text."""
        return list(enumerate(self.marker_ids, start=1))


@dataclass
class RenderedSection:
    section: object
    html: str
    terms: list = field(default_factory=list)
    # For a care box: its advice, and what to look for / what to do as HTML.
    care: object = None
    look_for_html: str = ""
    action_html: str = ""

    @property
    def anchor(self):
        return self.section.anchor if self.section else self.care.key

    @property
    def title(self):
        return self.care.title if self.care else self.section.heading


class PageRenderer:
    """Renders a page's sections, numbering citations in order of first use.

    `sources` maps key -> Source; `glossary` is a list of GlossaryTerm. Each
    glossary term is linked and explained at its first use on the page. The
    glossary may hold terms of several languages (a guide mixing translated
    and original pages): a section given a `language` is matched against the
    terms of that language only.
    """

    def __init__(self, *, sources, glossary, care_boxes=(), explain_in_place=False):
        self.sources = sources
        self.link_care_boxes(care_boxes)
        # On a screen a term opens its explanation where it stands (a popover); on paper it links to the word list.
        self.explain_in_place = explain_in_place
        self.numbers = {}
        self.marker_ids = {}  # source key -> the id of each of its markers, in order
        self.ids = set()  # every id this renderer gave, so none is given twice in one document
        self.seen_terms = set()
        self.glossary_url = reverse("condition:glossary")
        self.glossary = list(glossary)
        self.matchers = {None: TermMatcher(self.glossary)}
        self.terms = self.matchers[None]

    def link_care_boxes(self, care_boxes):
        """From now on, "Title" of one of `care_boxes` (those on the page being rendered) links to it."""
        self.care_anchors = {advice.title: advice.key for advice in care_boxes}

    @property
    def cited_sources(self):
        """Sources cited so far, in their page numbering."""
        return [self.sources[key] for key in sorted(self.numbers, key=self.numbers.get)]

    @property
    def cited_entries(self):
        """The source list so far: each source with its number and the markers its entry leads back to."""
        return [
            CitedSource(self.numbers[key], self.sources[key], self.marker_ids[key])
            for key in sorted(self.numbers, key=self.numbers.get)
        ]

    def _unique_id(self, base):
        """`base`, or `base-2`, `base-3`... where an earlier part of the same document already has it."""
        candidate, count = base, 1
        while candidate in self.ids:
            count += 1
            candidate = f"{base}-{count}"
        self.ids.add(candidate)
        return candidate

    def render(self, section, language=None):
        """A section as families see it; a care box renders its advice instead of a body.

        `language` is the language of the page's text: only that language's glossary terms are linked.
        """
        if language not in self.matchers:
            self.matchers[language] = TermMatcher([term for term in self.glossary if term.language == language])
        self.terms = self.matchers[language]
        if section.care_advice_id:
            return self.render_care(section.care_advice, section=section)
        terms = []
        return RenderedSection(section=section, html=self._html(section.body, terms), terms=terms)

    def render_care(self, advice, *, section=None):
        terms = []
        return RenderedSection(
            section=section,
            html="",
            terms=terms,
            care=advice,
            look_for_html=self._html(advice.look_for, terms),
            action_html=self._html(advice.action, terms),
        )

    def _html(self, text, terms):
        html = LINK_RE.sub(_citations_after_link, sanitise(text))
        html = in_text(html, lambda text: CITE_RE.sub(self._marker, text))
        html = CITE_RE.sub("", html)  # one left in another tag's attribute (a picture's alt text) says nothing
        if self.care_anchors:  # in the text only: a link's title may quote a care box's title too
            html = in_text(html, lambda text: QUOTED_RE.sub(self._care_link, text))
        return self.terms.link_in_html(
            html, lambda term, text: self._term_link(term, text, terms), skip_tags=NO_TERM_TAGS
        )

    def _care_link(self, match):
        key = self.care_anchors.get(match.group(1))
        if key is None:
            return match.group(0)
        return f'"<a href="#{escape(key)}">{match.group(1)}</a>"'

    def _marker(self, match):
        key = match.group(1).lower()
        if key not in self.sources:
            return ""  # A deleted source leaves no dangling marker.
        number = self.numbers.setdefault(key, len(self.numbers) + 1)
        # Marker n leads to entry n of the source list on the same page; the entry leads back to each of its
        # markers: the first is cite-ref-n, the next ones cite-ref-n-2, cite-ref-n-3...
        marker_id = self._unique_id(f"cite-ref-{number}")
        self.marker_ids.setdefault(key, []).append(marker_id)
        label = escape(gettext("Source %(number)d") % {"number": number})
        return f'<sup class="cite" id="{marker_id}"><a href="#cite-{number}" aria-label="{label}">[{number}]</a></sup>'

    def _term_link(self, term, text, found):
        seen = (term.language, term.slug)  # a translated term keeps its original's slug
        if seen in self.seen_terms:
            return None
        self.seen_terms.add(seen)
        found.append(term)
        slug = escape(term.slug)
        if not self.explain_in_place:
            return f'<a class="term" href="{self.glossary_url}#term-{slug}">{text}</a>'
        # A native popover: opens and closes with a tap or the keyboard (Escape, a tap outside), no script needed,
        # and the reader stays where they are. Where a browser has no popovers the explanation reads inline
        # (portal.css). The term and its definition are the live glossary entry's, escaped: staff text, no markup.
        tip = self._unique_id(f"tip-{slug}")  # a guide may explain the same slug in two languages
        more = escape(gettext("More in the word list"))
        close = escape(gettext("Close"))
        return (
            f'<button type="button" class="term" popovertarget="{tip}">{text}</button>'
            f'<span class="term-tip" id="{tip}" popover><strong>{escape(term.term)}</strong>: '
            f'{escape(term.definition)} <a href="{self.glossary_url}#term-{slug}">{more}</a> '
            f'<button type="button" class="term-tip-close" popovertarget="{tip}" popovertargetaction="hide">'
            f"{close}</button></span>"
        )

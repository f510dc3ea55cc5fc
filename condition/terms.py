"""Finding glossary terms in text, in time linear in the text whatever the number of terms.

One Aho-Corasick automaton (pyahocorasick) holds every form of every term. It
is built once for each state of the glossary and kept in this process, so a
topic page with 1,600 terms costs one pass over its text, not one regular
expression branch per form. Its key is the terms themselves (id,
term, other forms), which is all the automaton is made from: a content change
that touches the glossary changes the key, any other change keeps the
automaton, and finding it costs no query. Matches are whole words, case-insensitive, and at
each place the longest form wins, as a family would read it.
"""

import re

import ahocorasick

# Markup inside a section's HTML: tags and character references. Terms are
# matched in the text between them, never inside them ("&lt;" holds "lt").
# A tag's attribute values are skipped whole: nh3 leaves ">" unescaped inside them (a link's title).
TAG_RE = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
MARKUP_RE = re.compile(TAG_RE.pattern + r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
TAG_NAME_RE = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


# Characters that cannot be part of a word. Replaced by spaces (one for one),
# with a space before and after the text, so that a form padded with spaces
# (" ataxia ") only ever matches as a whole word, decided inside the automaton.
NON_WORD_RE = re.compile(r"[^\w-]")
# ASCII, the bulk of any text, in one pass in C: upper case to lower case, and
# every character that cannot be part of a word (as NON_WORD_RE) to a space.
# Other bytes stay as they are. A regular expression substitution per
# character cost most of the word list's time at 100x content.
_ASCII_TABLE = bytes(
    code + 32 if 65 <= code <= 90 else code if code >= 128 or not NON_WORD_RE.match(chr(code)) else 32
    for code in range(256)
)
NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
_non_ascii_chars = {}


def _non_ascii_char(char):
    """A character beyond ASCII in lower case when that keeps it one character; a space if not part of a word."""
    normalised = _non_ascii_chars.get(char)
    if normalised is None:
        lowered = char.lower()
        lowered = lowered if len(lowered) == 1 else char
        normalised = " " if NON_WORD_RE.match(lowered) else lowered
        if len(_non_ascii_chars) < 4096:
            _non_ascii_chars[char] = normalised
    return normalised


def _normalised(text):
    """`text` in lower case with every non-word character as a space, one character for one."""
    normalised = text.encode().translate(_ASCII_TABLE).decode()
    if not normalised.isascii():
        normalised = NON_ASCII_RE.sub(lambda run: "".join(map(_non_ascii_char, run.group())), normalised)
    return normalised


def forms_of(term):
    """Every form a term is written in: its name, then its other forms (comma-separated)."""
    return [term.term] + [form.strip() for form in term.other_forms.split(",") if form.strip()]


class _Automaton:
    """Every form (normalised) -> the primary key of its term, as one automaton."""

    def __init__(self, glossary):
        self.term_pk = {}
        for term in glossary:
            for form in forms_of(term):
                key = _normalised(form).strip()
                if key:
                    self.term_pk.setdefault(key, term.pk)
        self.automaton = None
        if self.term_pk:
            self.automaton = ahocorasick.Automaton()
            for key in self.term_pk:
                # " form " ends (inclusive) at e in the padded text: the form starts at e - len(form) in the text.
                self.automaton.add_word(f" {key} ", (len(key) + 1, len(key), key))
            self.automaton.make_automaton()

    def matches(self, text):
        """(start, end, form) of whole-word matches, leftmost first, the longest form at each start."""
        if self.automaton is None or not text:
            return []
        # (start, minus the length, form): sorted as plain tuples, leftmost first, then longest.
        found = [
            (end - offset, -length, form)
            for end, (offset, length, form) in self.automaton.iter(f" {_normalised(text)} ")
        ]
        if len(found) > 1:
            found.sort()
        chosen = []
        reached = 0
        for start, minus_length, form in found:
            if start >= reached:
                reached = start - minus_length
                chosen.append((start, reached, form))
        return chosen


# key -> automaton: this process's, one per set of terms in use (English, Spanish, a guide that mixes
# them), the oldest dropped beyond BUILT_MAX. Threads share it; an automaton is only read once built.
_built = {}
BUILT_MAX = 8


_EMPTY = None


def _automaton_for(glossary):
    """This process's automaton for these terms, built when they change."""
    global _EMPTY
    if not glossary:  # e.g. the help page: keep the kept automaton for the pages
        _EMPTY = _EMPTY or _Automaton(())
        return _EMPTY
    key = tuple((term.pk, term.term, term.other_forms) for term in glossary)
    automaton = _built.get(key)
    if automaton is None:
        automaton = _Automaton(glossary)
        while len(_built) >= BUILT_MAX:
            _built.pop(next(iter(_built)), None)
        _built[key] = automaton
    return automaton


class TermMatcher:
    """Finds glossary terms, in any of their forms, as whole words, longest form first."""

    def __init__(self, glossary):
        glossary = list(glossary)
        self.by_pk = {term.pk: term for term in glossary}
        self._automaton = _automaton_for(glossary)

    def __bool__(self):
        return self._automaton.automaton is not None

    def term_for(self, form):
        return self.by_pk[self._automaton.term_pk[form]]

    def found_in(self, text):
        """Primary keys of the terms used in plain `text`."""
        return {self._automaton.term_pk[form] for _, _, form in self._automaton.matches(text)}

    def link_in_html(self, html, link, *, skip_tags):
        """`html` with `link(term, matched_text)` put in place of each term found in its text.

        Only text is searched: tags and character references are masked out, as
        is everything inside `skip_tags` (links, headings, citation markers).
        `link` may return None to leave a match as it is.
        """
        if not self:
            return html
        masked = []
        position = 0
        skip_depth = 0
        for markup in MARKUP_RE.finditer(html):
            text = html[position : markup.start()]
            masked.append(" " * len(text) if skip_depth else text)
            masked.append(" " * (markup.end() - markup.start()))
            tag = TAG_NAME_RE.match(markup.group())
            if tag and tag.group(2).lower() in skip_tags:
                skip_depth = max(0, skip_depth + (-1 if tag.group(1) else 1))
            position = markup.end()
        tail = html[position:]
        masked.append(" " * len(tail) if skip_depth else tail)
        out = []
        position = 0
        for start, end, form in self._automaton.matches("".join(masked)):
            replacement = link(self.term_for(form), html[start:end])
            if replacement is None:
                continue
            out.append(html[position:start])
            out.append(replacement)
            position = end
        out.append(html[position:])
        return "".join(out)

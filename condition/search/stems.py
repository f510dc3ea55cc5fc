"""Word stems for languages the database cannot stem well itself, made with Snowball (snowballstemmer).

SQLite's FTS5 has only an English (porter) stemmer, and PostgreSQL's `spanish_stem` does not know a
suffix typed without its accent ("vacunacion" stays whole while "vacunación" loses "-ación").
Snowball's current Spanish stemmer, given the word without accents, gives "vacun" for "vacuna",
"vacunas" and "vacunacion" alike. A stem is made from the word lower-cased and without accents, so a
family may type accents or not.
"""

import re
import unicodedata
from functools import cache

import snowballstemmer

WORD_RE = re.compile(r"[^\W_]+")  # as condition.search.WORD_RE: letters and digits in any script
STEMMERS = {"es": "spanish"}  # settings.LANGUAGES code -> Snowball algorithm (English: the databases' own)
# A query's stem this long or longer also matches the indexed words it begins ("medic" -> "medicamento").
PREFIX_LENGTH = 5


def without_accents(word):
    """ "medicación" -> "medicacion"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@cache
def _stemmer(language):
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def stem(word, language):
    """The stem of one word, lower case, without accents and of letters and digits only ("" if none).

    Unicode's compatibility forms are taken apart with the accents ("⑴" is "(1)", "½" is "1⁄2"), so only
    the letters and digits left are kept: a stem is always one plain word to either database.
    """
    plain = "".join(WORD_RE.findall(without_accents(word.lower())))
    stemmer = _stemmer(language)
    return (stemmer.stemWord(plain) if stemmer else plain) or plain


def stemmed(text, language):
    """`text` as its words' stems, space-separated, in order: what SQLite indexes for `language`."""
    return " ".join(filter(None, (stem(word, language) for word in WORD_RE.findall(text or ""))))


def snippet(text, wanted, language, start_mark, end_mark, *, tokens=24, before=4):
    """About `tokens` words of `text` around its first word whose stem is in `wanted` (a set of stems), each
    such word between the marks (as FTS5's snippet() does for English), " … " where the text is cut. A word
    also matches a wanted stem of PREFIX_LENGTH letters or more that its own stem begins with."""
    text = text or ""
    words = list(WORD_RE.finditer(text))
    if not words:
        return text
    long_stems = tuple(s for s in wanted if len(s) >= PREFIX_LENGTH)

    def matches(word):
        found = stem(word, language)
        return found in wanted or found.startswith(long_stems)

    hits = [index for index, word in enumerate(words) if matches(word.group())]
    first = max(0, (hits[0] if hits else 0) - before)
    hits = set(hits)
    last = min(len(words), first + tokens)
    first = max(0, min(first, last - tokens))
    parts, position = [], words[first].start()
    for index in range(first, last):
        word = words[index]
        parts.append(text[position : word.start()])
        parts.append(start_mark + word.group() + end_mark if index in hits else word.group())
        position = word.end()
    if last < len(words):
        parts.append(" …")
    else:
        parts.append(text[position:])
    return ("… " if first else "") + "".join(parts)

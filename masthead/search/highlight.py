"""Marking the reader's words in a headline or standfirst.

The text is escaped piece by piece and only the `<mark>` tags are added as markup,
so neither the story's text nor the query can inject HTML. Words are compared in
their normalised form, so "مفاوضات" marks "مُفاوضات" as the search found it.
"""

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from masthead.common.normalise import normalise

from .query import term_matches

# A word, including any Arabic marks and tatweel inside it.
_WORD = re.compile(r"(?:[^\W_]|[\u064b-\u065f\u0670\u06d6-\u06ed\u0640])+")


def _matches(word: str, terms: Iterable[str]) -> bool:
    word = normalise(word).lower()
    return any(term_matches(word, term) for term in terms)


def highlight(text: str, terms: Iterable[str]) -> SafeString:
    terms = tuple(terms)
    pieces: list[str] = []
    position = 0
    for match in _WORD.finditer(text):
        if not _matches(match.group(), terms):
            continue
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece escaped above)

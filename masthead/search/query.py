"""Turning what a reader typed into the words the search backend is asked for.

Public input goes to the backend as plain words only: punctuation, quotes and
operators are dropped here, so no query can reach a backend's query syntax
(SQLite FTS5 and Elasticsearch both have one) or grow without bound.
"""

import re
from dataclasses import dataclass

from masthead.common.normalise import normalise

# Longer input is cut before it is looked at; no headline needs more.
MAX_QUERY_LENGTH = 200
# Every word is one more condition for the backend to evaluate.
MAX_TERMS = 10

# Letters and digits in any script; the underscore separates words like punctuation.
_WORD = re.compile(r"[^\W_]+")
# Shorter query words match only whole words, so "a" does not match every "an".
MIN_PREFIX_LENGTH = 3


@dataclass(frozen=True)
class SearchQuery:
    text: str  # what the reader typed, trimmed, for showing back (escaped)
    terms: tuple[str, ...]  # normalised, lower-case, distinct words

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def backend_query(self) -> str:
        return " ".join(self.terms)


def words_of(text: str) -> list[str]:
    """The normalised, lower-case words of `text`, as queries and the index see them."""
    return _WORD.findall(normalise(text).lower())


def term_matches(word: str, term: str) -> bool:
    """Whether a normalised word counts as the reader's term: the same word, or one
    that extends it ("minister" finds "ministers")."""
    return word == term or (len(term) >= MIN_PREFIX_LENGTH and word.startswith(term))


def parse_query(raw: str) -> SearchQuery:
    text = raw[:MAX_QUERY_LENGTH].strip()
    terms: list[str] = []
    for word in words_of(text):
        if word not in terms:
            terms.append(word)
    return SearchQuery(text=text, terms=tuple(terms[:MAX_TERMS]))

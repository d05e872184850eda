"""Agency wires read into one shape: `parse(data, format)` → `ParseResult`.

Three formats cover what agencies send: RSS (RSS 2.0, RSS 1.0 and Atom), IPTC
ninjs (1.x and 2.x JSON) and IPTC NewsML-G2 (XML). Whatever the bytes, `parse`
either returns items, each bounded to the sizes below, with an `ItemError` for
each item it could not read, or raises `WireParseError` saying why the document
as a whole is unreadable. No other exception escapes.
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath

from .text import (
    bounded_names,
    bounded_paragraphs,
    bounded_text,
    clean_text,
    language_subtag,
    looks_like_json,
    root_element_name,
    web_url,
)

FORMATS = ("rss", "ninjs", "newsml")  # rss covers RSS 2.0, RSS 1.0 and Atom
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024  # a larger document is refused whole
MAX_ITEMS = 500  # items past this are dropped, with one ItemError saying so
MAX_HEADLINE = 255
MAX_SUMMARY = 1000
MAX_BODY_CHARS = 100_000
MAX_PARAGRAPHS = 500
MAX_GUID = 255
# Bounds of the fields the interface leaves open.
MAX_VERSION = 2**31 - 1  # no provider counts so far; fits an integer column
MAX_BYLINE = 255
MAX_CREDIT = 255
MAX_SUBJECTS = 50
MAX_SUBJECT = 100
STATUSES = ("usable", "withheld", "canceled")


class WireParseError(ValueError):
    """The whole document is unreadable; str() is a clear message for an editor
    or an operator (e.g. 'Not valid XML: line 3, column 7: ...')."""


@dataclass(frozen=True)
class ParsedItem:
    guid: str  # the provider's id, stable across versions; never empty
    version: int | None  # the provider's version number, if it gives one
    headline: str  # plain text, never empty
    summary: str  # plain-text standfirst or description, "" if none
    paragraphs: tuple[str, ...]  # the body as plain-text paragraphs
    language: str  # primary language subtag, lowercased ("en"), "" if unknown
    byline: str
    credit: str  # creditline, copyright holder, provider or feed title
    url: str  # http(s) link to the original, "" if none
    published_at: datetime | None  # aware UTC
    updated_at: datetime | None  # aware UTC
    embargoed_until: datetime | None  # aware UTC
    urgency: int | None  # 1 (most urgent) to 9
    subjects: tuple[str, ...]  # subject, keyword and category names
    status: str  # "usable", "withheld" or "canceled"


@dataclass(frozen=True)
class ItemError:
    position: int  # 1-based position of the item in the document
    guid: str  # "" if unknown
    message: str  # e.g. "Item 3 has no headline"


@dataclass(frozen=True)
class ParseResult:
    items: tuple[ParsedItem, ...]
    errors: tuple[ItemError, ...]


class InvalidItem(ValueError):
    """One item of a readable document cannot be used; str() says why."""

    def __init__(self, message: str, guid: str = ""):
        super().__init__(message)
        self.guid = guid


# A format's reader: the document's items, as raw entries, and the total count
# of items in it; and a converter of one entry into a ParsedItem.
Reader = Callable[[bytes], tuple[list[object], int]]
Converter = Callable[[object, int], ParsedItem]


def parse(data: bytes, format: str) -> ParseResult:
    """The items of a wire document in one of `FORMATS`."""
    reader, converter = _format_functions(format)
    data = _checked_document(data)
    try:
        entries, total = reader(data)
    except WireParseError:
        raise
    except RecursionError:
        raise WireParseError("The document is nested too deeply to read") from None
    except Exception as exc:
        # Readers catch what their libraries are known to raise; anything else
        # still means the document could not be read, and is said so.
        raise WireParseError(f"The document could not be read: {exc}") from exc
    return _converted(entries, total, converter)


def _format_functions(format: str) -> tuple[Reader, Converter]:
    # Imported here: each format module imports the types above.
    from . import newsml, ninjs, rss

    modules = {"rss": rss, "ninjs": ninjs, "newsml": newsml}
    module = modules.get(format) if isinstance(format, str) else None
    if module is None:
        raise WireParseError(
            f"Unknown wire format {format!r}; expected one of {', '.join(FORMATS)}"
        )
    return module.read_entries, module.to_item


def _checked_document(data: bytes) -> bytes:
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise WireParseError(
            f"Expected the document as bytes, not {type(data).__name__}"
        )
    if len(data) > MAX_DOCUMENT_BYTES:
        raise WireParseError(
            f"Document is {_megabytes(len(data))}; "
            f"the limit is {_megabytes(MAX_DOCUMENT_BYTES)}"
        )
    if not data.strip():
        raise WireParseError("The document is empty")
    return data


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def _converted(entries: list[object], total: int, converter: Converter) -> ParseResult:
    items: list[ParsedItem] = []
    errors: list[ItemError] = []
    for position, entry in enumerate(entries[:MAX_ITEMS], start=1):
        try:
            items.append(converter(entry, position))
        except InvalidItem as problem:
            guid = bounded_guid(clean_text(problem.guid))
            errors.append(ItemError(position, guid, str(problem)))
        except RecursionError:
            errors.append(
                ItemError(position, "", f"Item {position} is nested too deeply")
            )
        except Exception as exc:
            # One strange item must not cost the others; the message names an
            # unexpected failure so that it can be reported and fixed.
            message = (
                f"Item {position} could not be read (unexpected {type(exc).__name__})"
            )
            errors.append(ItemError(position, "", message))
    if total > MAX_ITEMS:
        message = (
            f"The document has {total} items; only the first {MAX_ITEMS} were read"
        )
        errors.append(ItemError(MAX_ITEMS + 1, "", message))
    return ParseResult(items=tuple(items), errors=tuple(errors))


def build_item(
    position: int,
    *,
    guid: object = "",
    version: int | None = None,
    headline: object = "",
    summary: object = "",
    paragraphs: Iterable[str] = (),
    language: object = "",
    byline: object = "",
    credit: object = "",
    url: object = "",
    link: object = "",
    published_at: datetime | None = None,
    updated_at: datetime | None = None,
    embargoed_until: datetime | None = None,
    urgency: int | None = None,
    subjects: Iterable[object] = (),
    status: str = "usable",
) -> ParsedItem:
    """A ParsedItem from what a format module read, every field cleaned and
    bounded; raises InvalidItem when the item has no headline.

    `link` is the item's link as given, the id of last resort when it has no
    guid, whether or not it is a web address.
    """
    guid = clean_text(guid)
    headline = bounded_text(headline, MAX_HEADLINE)
    if not headline:
        raise InvalidItem(f"Item {position} has no headline", guid)
    body = bounded_paragraphs(list(paragraphs), MAX_PARAGRAPHS, MAX_BODY_CHARS)
    guid = guid or clean_text(link) or content_guid(headline, body)
    return ParsedItem(
        guid=bounded_guid(guid),
        version=version,
        headline=headline,
        summary=bounded_text(summary, MAX_SUMMARY),
        paragraphs=body,
        language=language_subtag(language),
        byline=bounded_text(byline, MAX_BYLINE),
        credit=bounded_text(credit, MAX_CREDIT),
        url=web_url(url),
        published_at=published_at,
        updated_at=updated_at,
        embargoed_until=embargoed_until,
        urgency=urgency,
        subjects=bounded_names(list(subjects), MAX_SUBJECTS, MAX_SUBJECT),
        status=status if status in STATUSES else "usable",
    )


def bounded_guid(guid: str) -> str:
    """`guid` within MAX_GUID; a longer one keeps its start and gains a hash of
    the whole, so that two long ids sharing a start stay apart."""
    if len(guid) <= MAX_GUID:
        return guid
    digest = hashlib.sha256(guid.encode("utf-8", "replace")).hexdigest()
    return f"{guid[: MAX_GUID - len(digest) - 1]}#{digest}"


def content_guid(headline: str, paragraphs: tuple[str, ...]) -> str:
    """An id for an item that has none, stable for the same text."""
    content = "\n".join((headline, *paragraphs)).encode("utf-8", "replace")
    return f"sha256:{hashlib.sha256(content).hexdigest()}"


def status_from(value: object) -> str:
    """The status named by "stat:canceled", "Canceled", "cancelled"…: "usable",
    "withheld" or "canceled"; "usable" when unsaid or unknown."""
    if not isinstance(value, str):
        return "usable"
    word = value.rpartition(":")[2].strip().lower()
    if word == "cancelled":
        return "canceled"
    return word if word in STATUSES else "usable"


_NEWSML_ROOTS = ("newsItem", "newsMessage")
_FEED_ROOTS = ("rss", "feed", "RDF")


def detect_format(filename: str, data: bytes) -> str | None:
    """The format of a file in a drop folder, from its extension, else from its
    first bytes; None when neither tells."""
    name = filename if isinstance(filename, str) else ""
    extension = PurePosixPath(name).suffix.lower().removeprefix(".")
    if extension == "json":
        return "ninjs"
    if extension in ("rss", "atom"):
        return "rss"
    if extension != "xml" and looks_like_json(data):
        return "ninjs"
    root = root_element_name(data)
    if root in _NEWSML_ROOTS:
        return "newsml"
    if root in _FEED_ROOTS:
        return "rss"
    return None

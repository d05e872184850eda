"""RSS 2.0, RSS 1.0 and Atom feeds, read with feedparser.

feedparser is lenient by design: it reads broken feeds as far as it can and
flags them ("bozo"). A feed that still yields entries is used, as is a sound
feed with none; anything else is refused with feedparser's account of what is
wrong.
"""

import io
import re
import time
from datetime import UTC, datetime

import feedparser

from . import MAX_ITEMS, InvalidItem, ParsedItem, WireParseError, build_item
from .text import (
    ENTITY_DECLARATIONS_REFUSED,
    clean_text,
    declares_entities,
    html_to_paragraphs,
    html_to_text,
    parse_date,
    root_element_name,
)

# The start tag of an RSS item or an Atom entry, with any namespace prefix.
_ITEM_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]")

# What closes a feed after its items, by root element.
_CLOSING_TAGS = {"rss": b"</channel></rss>", "feed": b"</feed>", "RDF": b"</rdf:RDF>"}

# Content types in which feedparser hands over a title as markup.
_MARKUP_TYPES = ("text/html", "application/xhtml+xml")


def read_entries(data: bytes) -> tuple[list[object], int]:
    if declares_entities(data):
        raise WireParseError(ENTITY_DECLARATIONS_REFUSED)
    data, counted = _within_item_limit(data)
    feed = _parsed_feed(data)
    entries = feed.get("entries") or []
    channel = feed.get("feed") or {}
    if not entries and (feed.get("bozo") or not feed.get("version")):
        problem = feed.get("bozo_exception")
        if problem is not None:
            raise WireParseError(f"Not a readable feed: {problem}")
        raise WireParseError("Not an RSS or Atom feed")
    # Each entry travels with its channel, whose title and language it inherits.
    # Both become plain dicts: feedparser's own answers a missing "updated" with
    # the "published" date, and an item never updated would seem to have been.
    channel = dict(channel)
    total = max(counted, len(entries))
    return [(dict(entry), channel) for entry in entries[:MAX_ITEMS]], total


def _within_item_limit(data: bytes) -> tuple[bytes, int]:
    """The document cut before its first item past MAX_ITEMS, and closed again;
    and the number of items it had.

    feedparser takes some 50 µs an item, in pure Python: a 5 MB feed of 170,000
    one-line items would keep it busy for ten seconds to produce items that are
    dropped anyway. If the closing tags do not fit (a feed with unusual
    prefixes), feedparser reads the cut document as a broken one, leniently.
    """
    cut = None
    counted = 0
    for counted, start in enumerate(_ITEM_START.finditer(data), start=1):
        if counted == MAX_ITEMS + 1:
            cut = start.start()
    if cut is None:
        return data, counted
    closing = _CLOSING_TAGS.get(root_element_name(data), b"")
    return data[:cut] + closing, counted


def _parsed_feed(data: bytes) -> dict:
    try:
        # A stream, never the bytes themselves: given bytes, feedparser first
        # tries them as a file name, and b"/etc/passwd" would be read. Its HTML
        # sanitiser is skipped: the HTML is reduced to plain text here, scripts
        # and styles dropped, and on a body of many tags the sanitiser, in pure
        # Python, is the slowest step of all.
        return feedparser.parse(
            io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False
        )
    except Exception as exc:
        # feedparser reports trouble through "bozo" but is not proof against
        # every input; anything it raises still means an unreadable feed.
        raise WireParseError(f"Not a readable feed: {exc}") from exc


def to_item(entry_and_channel: object, position: int) -> ParsedItem:
    entry, channel = entry_and_channel
    if not isinstance(entry, dict):
        raise InvalidItem(f"Item {position} could not be read")
    body_html, summary_html = _body_and_summary(entry)
    return build_item(
        position,
        guid=entry.get("id"),
        headline=_headline(entry),
        summary=html_to_text(summary_html),
        paragraphs=html_to_paragraphs(body_html),
        language=_language(entry, channel),
        byline=_byline(entry),
        credit=_credit(entry, channel),
        url=entry.get("link"),
        link=entry.get("link"),
        published_at=_date(entry, "published"),
        updated_at=_date(entry, "updated"),
        subjects=[tag.get("term") or tag.get("label") for tag in _tags(entry)],
        status="usable",
    )


def _headline(entry: dict) -> str:
    title = entry.get("title")
    if _detail(entry, "title_detail").get("type") in _MARKUP_TYPES:
        return html_to_text(title)
    return clean_text(title)


def _body_and_summary(entry: dict) -> tuple[str, str]:
    """The body and the standfirst, as HTML (feedparser has sanitised it).

    The body is the full content when the entry has one, else its description;
    the description is a standfirst only when it is not the body itself.
    feedparser also copies an Atom entry's content into its summary when it has
    no summary of its own, so a summary equal to the content is no summary.
    """
    summary = entry.get("summary")
    summary = summary if isinstance(summary, str) else ""
    contents = [
        content.get("value")
        for content in entry.get("content") or []
        if isinstance(content, dict) and isinstance(content.get("value"), str)
    ]
    if not contents:
        return summary, ""
    body = contents[0]
    return body, "" if summary == body else summary


def _language(entry: dict, channel: dict) -> str:
    for detail in (*(entry.get("content") or []), _detail(entry, "title_detail")):
        if isinstance(detail, dict) and detail.get("language"):
            return detail["language"]
    return channel.get("language") or ""


def _byline(entry: dict) -> str:
    # RSS 2.0 <author> is "email (Name)": the name alone is the byline.
    name = _detail(entry, "author_detail").get("name")
    return name or entry.get("author") or ""


def _credit(entry: dict, channel: dict) -> str:
    return _detail(entry, "source").get("title") or channel.get("title") or ""


def _date(entry: dict, name: str) -> datetime | None:
    """An entry's date: feedparser's UTC reading of it, else the text as it
    stands (feedparser reads fewer ISO 8601 shapes than parse_date)."""
    parsed = entry.get(f"{name}_parsed")
    if isinstance(parsed, time.struct_time):
        try:
            # A leap second (":60") is held as the second before it.
            return datetime(*parsed[:5], min(parsed.tm_sec, 59), tzinfo=UTC)
        except (ValueError, OverflowError):
            return None
    return parse_date(entry.get(name))


def _tags(entry: dict) -> list[dict]:
    return [tag for tag in entry.get("tags") or [] if isinstance(tag, dict)]


def _detail(entry: dict, key: str) -> dict:
    detail = entry.get(key)
    return detail if isinstance(detail, dict) else {}

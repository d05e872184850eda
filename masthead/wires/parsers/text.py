"""Text shared by every wire format: HTML to paragraphs, dates, bounds.

Everything here takes whatever a provider sent (any type, any size) and returns
plain, bounded values; nothing here raises on bad input.
"""

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from lxml import etree

ELLIPSIS = "…"

# C0 and C1 control characters (tab, newline and carriage return become spaces
# through whitespace collapsing instead), lone surrogates and the two
# non-characters: a database refuses NUL and a UTF-8 encoder refuses surrogates.
_UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
)

# Their contents are code, styling or metadata, never article text.
_SKIPPED_ELEMENTS = frozenset({"script", "style", "noscript", "template", "head"})

# Each of these starts a new paragraph.
_BLOCK_ELEMENTS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")

# A date string longer than this is not a date.
_MAX_DATE_LENGTH = 64

_LANGUAGE_SUBTAG = re.compile(r"[a-z]{2,8}")

# The longest URL kept; real article links are far shorter.
MAX_URL = 1000


def clean_text(value: object) -> str:
    """`value` as one line of plain text: unsafe characters dropped, whitespace
    collapsed; "" for anything that is not a string."""
    if not isinstance(value, str):
        return ""
    return " ".join(_UNSAFE_CHARACTERS.sub("", value).split())


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a word boundary when one is
    near, with an ellipsis showing that something was cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    boundary = cut.rfind(" ")
    # Cutting at a space is only worth it when little is lost (Chinese or a
    # long URL has no spaces to cut at).
    if boundary > limit // 2:
        cut = cut[:boundary]
    return cut.rstrip() + ELLIPSIS


def bounded_text(value: object, limit: int) -> str:
    return truncate(clean_text(value), limit)


def html_to_paragraphs(html: object) -> list[str]:
    """The plain-text paragraphs of an HTML fragment or page."""
    if not isinstance(html, str) or not html.strip():
        return []
    parser = etree.HTMLParser(
        encoding="utf-8",
        recover=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        # libxml2 would turn a NUL into U+FFFD; dropped first, it leaves nothing.
        clean_html = _UNSAFE_CHARACTERS.sub("", html)
        root = etree.fromstring(clean_html.encode("utf-8"), parser)
    except (etree.LxmlError, ValueError):
        return []
    if root is None:
        return []
    return element_paragraphs(root)


def html_to_text(html: object) -> str:
    """An HTML fragment (a headline, a description) as one line of plain text."""
    return " ".join(html_to_paragraphs(html))


def element_paragraphs(root: etree._Element) -> list[str]:
    """The plain-text paragraphs under an (X)HTML element, by block elements.

    Walks the tree without recursion, so depth cannot exhaust the stack. The
    loop runs once per tag and a body may hold a million of them, hence the
    cache of tag names and the early return for an empty paragraph.
    """
    paragraphs: list[str] = []
    pieces: list[str] = []

    def end_paragraph():
        if pieces:
            paragraph = clean_text("".join(pieces))
            if paragraph:
                paragraphs.append(paragraph)
            pieces.clear()

    names: dict[object, str] = {}
    skipping = 0  # depth inside a skipped element
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        name = names.get(tag)
        if name is None:
            name = names[tag] = _local_name(tag)
        if event == "start":
            if skipping or name in _SKIPPED_ELEMENTS:
                skipping += 1
            else:
                if name in _BLOCK_ELEMENTS:
                    end_paragraph()
                if name and element.text:
                    pieces.append(element.text)
            continue
        if skipping:
            skipping -= 1
            if skipping:
                continue
        elif name in _BLOCK_ELEMENTS:
            end_paragraph()
        if element.tail and element is not root:
            pieces.append(element.tail)
    end_paragraph()
    return paragraphs


def _local_name(tag: object) -> str:
    """A tag's name without namespace, lowercased; "" for a comment or an entity
    reference, whose tag is not a string."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].lower()


def text_to_paragraphs(text: object) -> list[str]:
    """Plain text split into paragraphs at blank lines."""
    if not isinstance(text, str):
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = (clean_text(block) for block in _BLANK_LINE.split(text))
    return [paragraph for paragraph in paragraphs if paragraph]


def bounded_paragraphs(
    paragraphs: list[str], max_paragraphs: int, max_chars: int
) -> tuple[str, ...]:
    """The first paragraphs, as many as fit both limits; the last one kept may
    be truncated to fit."""
    kept: list[str] = []
    room = max_chars
    for paragraph in paragraphs[:max_paragraphs]:
        if room <= len(ELLIPSIS):
            break
        paragraph = truncate(paragraph, room)
        kept.append(paragraph)
        room -= len(paragraph)
    return tuple(kept)


def bounded_names(
    names: list[object], max_names: int, max_chars: int
) -> tuple[str, ...]:
    """Distinct non-empty names, in their order, bounded in count and length."""
    kept: dict[str, None] = {}
    for name in names:
        cleaned = bounded_text(name, max_chars)
        if cleaned:
            kept.setdefault(cleaned)
            if len(kept) == max_names:
                break
    return tuple(kept)


def parse_date(value: object) -> datetime | None:
    """An ISO 8601 or RFC 2822 date as an aware UTC datetime; a date without a
    zone is taken as UTC; None when it cannot be read."""
    if isinstance(value, datetime):
        return as_utc(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > _MAX_DATE_LENGTH:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return as_utc(parsed)


def as_utc(moment: datetime) -> datetime | None:
    """`moment` in UTC; a naive one is taken as UTC. None when it falls outside
    the range a datetime can hold once converted."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def language_subtag(value: object) -> str:
    """The primary subtag of a language tag, lowercased: "pt-BR" gives "pt"."""
    if not isinstance(value, str):
        return ""
    primary = value.strip().replace("_", "-").partition("-")[0].lower()
    return primary if _LANGUAGE_SUBTAG.fullmatch(primary) else ""


def web_url(value: object) -> str:
    """`value` if it is an http or https address, else ""."""
    if not isinstance(value, str):
        return ""
    url = value.strip()
    if not url or len(url) > MAX_URL or _UNSAFE_CHARACTERS.search(url):
        return ""
    if any(character.isspace() for character in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return url


def small_int(value: object, lowest: int, highest: int) -> int | None:
    """An integer given as a number or as digits, if within the bounds; None
    for anything else (a bool is no number here)."""
    if isinstance(value, str):
        value = value.strip()
        # A long run of digits is no version or urgency, and int() of thousands
        # of digits is slow.
        if not value.isascii() or not value.isdigit() or len(value) > 12:
            return None
        value = int(value)
    elif isinstance(value, float) and value.is_integer():  # JSON's 3.0
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    return value if lowest <= value <= highest else None


# "<!ENTITY" as it appears in every encoding an XML parser reads without a
# declaration, so a document in UTF-16 cannot slip one past.
_ENTITY_DECLARATIONS = tuple(
    "<!ENTITY".encode(encoding)
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


ENTITY_DECLARATIONS_REFUSED = "Documents with entity declarations are refused"


def declares_entities(data: bytes) -> bool:
    """Whether an XML document declares entities: the vector of "billion laughs"
    expansion and of external entities that read local files (XXE)."""
    return any(declaration in data for declaration in _ENTITY_DECLARATIONS)


# Sniffing reads no further than this into a document.
_SNIFF_BYTES = 4096
_PROLOG_MARKUP = re.compile(
    r"<!--.*?-->|<\?.*?\?>|<![A-Za-z][^>\[]*(?:\[.*?\])?\s*>", re.S
)
_START_TAG = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def root_element_name(data: bytes) -> str:
    """The local name of a document's first element ("newsItem", "html"), read
    from its first bytes without parsing; "" when none is found."""
    head = _PROLOG_MARKUP.sub("", _head_text(data))
    match = _START_TAG.search(head)
    return match.group(1) if match else ""


def looks_like_json(data: bytes) -> bool:
    return _head_text(data).startswith(("{", "["))


def _head_text(data: bytes) -> str:
    """The first bytes of a document as text, in UTF-16 if they look like it."""
    if not isinstance(data, bytes | bytearray):
        return ""
    head = bytes(data[:_SNIFF_BYTES])
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "ignore")
    elif head.startswith(b"<\x00"):
        text = head.decode("utf-16-le", "ignore")
    elif head.startswith(b"\x00<"):
        text = head.decode("utf-16-be", "ignore")
    else:
        text = head.decode("utf-8", "ignore")
    return text.lstrip("\ufeff \t\r\n")

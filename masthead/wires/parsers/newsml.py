"""IPTC NewsML-G2 (https://iptc.org/std/NewsML-G2/): a newsItem, or a newsMessage
carrying news items in its itemSet.

Only news items carry stories; package and concept items in a message are
passed over. The XML parser never loads a DTD, resolves an entity or touches
the network, and a document declaring entities is refused outright.
"""

import re

from lxml import etree

from . import (
    MAX_ITEMS,
    MAX_VERSION,
    InvalidItem,
    ParsedItem,
    WireParseError,
    build_item,
    status_from,
)
from .text import (
    ENTITY_DECLARATIONS_REFUSED,
    clean_text,
    declares_entities,
    element_paragraphs,
    html_to_paragraphs,
    parse_date,
    root_element_name,
    small_int,
    text_to_paragraphs,
)

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+$")


def _secure_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def read_entries(data: bytes) -> tuple[list[object], int]:
    if declares_entities(data):
        raise WireParseError(ENTITY_DECLARATIONS_REFUSED)
    root = _xml_root(data)
    news_items = _news_items(root)
    return news_items[:MAX_ITEMS], len(news_items)


def _xml_root(data: bytes) -> etree._Element:
    try:
        root = etree.fromstring(data, _secure_parser())
    except etree.XMLSyntaxError as exc:
        # An HTML page (a proxy's error page, a login form) is seldom valid XML;
        # what the operator needs to hear is that it is a web page.
        if root_element_name(data).lower() == "html":
            raise _not_newsml("html") from None
        raise WireParseError(f"Not valid XML: {_syntax_problem(exc)}") from None
    except (etree.LxmlError, ValueError) as exc:
        raise WireParseError(f"Not valid XML: {exc}") from None
    # The byte scan misses a declaration in an encoding it does not know (EBCDIC,
    # say); the parsed document type does not.
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise WireParseError(ENTITY_DECLARATIONS_REFUSED)
    return root


def _syntax_problem(exc: etree.XMLSyntaxError) -> str:
    # libxml2 ends its message with the position, given here first instead.
    line, column = exc.position
    message = _POSITION_SUFFIX.sub("", exc.msg or "malformed")
    return f"line {line}, column {column}: {message}"


def _news_items(root: etree._Element) -> list[etree._Element]:
    name = etree.QName(root).localname
    if name not in ("newsItem", "newsMessage"):
        raise _not_newsml(name)
    if not root.tag.startswith(NAR):
        raise WireParseError(
            f"Not a NewsML-G2 document: root element <{name}> is not in the "
            "NewsML-G2 namespace"
        )
    if name == "newsItem":
        return [root]
    return root.findall(f"{NAR}itemSet/{NAR}newsItem")


def _not_newsml(root_name: str) -> WireParseError:
    return WireParseError(f"Not a NewsML-G2 document: root element is <{root_name}>")


def to_item(news_item: object, position: int) -> ParsedItem:
    if not isinstance(news_item, etree._Element):
        raise InvalidItem(f"Item {position} could not be read")
    guid = clean_text(news_item.get("guid"))
    item_meta = _child(news_item, "itemMeta")
    content_meta = _child(news_item, "contentMeta")
    headline = _text(_preferred(content_meta, "headline", "hld:main"))
    return build_item(
        position,
        guid=guid,
        version=small_int(news_item.get("version"), 0, MAX_VERSION),
        # A slugline names the story for the desk; better than nothing when an
        # item comes without a headline.
        headline=headline or _text(_child(content_meta, "slugline")),
        summary=_text(_preferred(content_meta, "description", "drol:summary")),
        paragraphs=_body(_child(news_item, "contentSet")),
        language=_language(news_item, content_meta),
        byline=_text(_child(content_meta, "by")),
        credit=_credit(news_item, item_meta, content_meta),
        published_at=parse_date(_text(_child(item_meta, "firstCreated"))),
        updated_at=parse_date(_text(_child(item_meta, "versionCreated"))),
        embargoed_until=parse_date(_text(_child(item_meta, "embargoed"))),
        urgency=small_int(_text(_child(content_meta, "urgency")), 1, 9),
        subjects=_subjects(content_meta),
        status=status_from(_attribute(_child(item_meta, "pubStatus"), "qcode")),
    )


def _body(content_set: etree._Element | None) -> list[str]:
    """The paragraphs of the first inline rendition: XHTML (or other XML) in
    inlineXML, else the text of inlineData."""
    if content_set is None:
        return []
    inline_xml = _child(content_set, "inlineXML")
    if inline_xml is not None:
        body = inline_xml.find(f".//{XHTML}body")
        return element_paragraphs(body if body is not None else inline_xml)
    inline_data = _child(content_set, "inlineData")
    if inline_data is None:
        return []
    text = inline_data.text or ""
    if "html" in (inline_data.get("contenttype") or "").lower():
        return html_to_paragraphs(text)
    return text_to_paragraphs(text)


def _language(news_item: etree._Element, content_meta: etree._Element | None) -> str:
    tag = _attribute(_child(content_meta, "language"), "tag")
    return tag or news_item.get(XML_LANG) or ""


def _credit(
    news_item: etree._Element,
    item_meta: etree._Element | None,
    content_meta: etree._Element | None,
) -> str:
    rights_info = _child(news_item, "rightsInfo")
    candidates = (
        _text(_child(content_meta, "creditline")),
        _name(_child(rights_info, "copyrightHolder")),
        _name(_child(item_meta, "provider")),
    )
    return next((credit for credit in candidates if credit), "")


def _subjects(content_meta: etree._Element | None) -> list[str]:
    if content_meta is None:
        return []
    subjects = [_name(subject) for subject in content_meta.iterfind(f"{NAR}subject")]
    keywords = [_text(keyword) for keyword in content_meta.iterfind(f"{NAR}keyword")]
    return subjects + keywords


def _name(element: etree._Element | None) -> str:
    """A concept's name: its <name>, else its literal; "" when only a code."""
    return _text(_child(element, "name")) or _attribute(element, "literal")


def _preferred(
    parent: etree._Element | None, name: str, main_role: str
) -> etree._Element | None:
    """The `name` child with the main role, else the first without a role, else
    the first."""
    if parent is None:
        return None
    candidates = parent.findall(f"{NAR}{name}")
    for wanted in (main_role, None):
        for candidate in candidates:
            if candidate.get("role") == wanted:
                return candidate
    return candidates[0] if candidates else None


def _child(parent: etree._Element | None, name: str) -> etree._Element | None:
    return None if parent is None else parent.find(f"{NAR}{name}")


def _text(element: etree._Element | None) -> str:
    """All the text in an element, inline markup (<span>, <em>) dropped."""
    return "" if element is None else clean_text("".join(element.itertext()))


def _attribute(element: etree._Element | None, name: str) -> str:
    return "" if element is None else element.get(name) or ""

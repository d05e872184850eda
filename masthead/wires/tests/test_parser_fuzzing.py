"""Whatever an agency (or anyone posing as one) sends, the parsers stay in bounds.

Each parser meets arbitrary bytes, then documents built from its own format's
vocabulary with random structure, types and text, whole or cut short. Every
outcome is either a WireParseError or a result whose every field keeps its
type and bound; no other exception, no unexpected failure hidden in an item
error. Large documents are also held to a memory bound.
"""

import json
import re
import tracemalloc
from datetime import datetime, timedelta
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from masthead.wires.parsers import (
    FORMATS,
    MAX_BODY_CHARS,
    MAX_DOCUMENT_BYTES,
    MAX_GUID,
    MAX_HEADLINE,
    MAX_ITEMS,
    MAX_PARAGRAPHS,
    MAX_SUMMARY,
    ItemError,
    ParsedItem,
    ParseResult,
    WireParseError,
    detect_format,
    parse,
)
from masthead.wires.parsers.text import html_to_paragraphs

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"

# Characters no text field may carry: a database refuses NUL, and control
# characters have no place in a headline.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
LANGUAGE = re.compile(r"[a-z]{2,8}")


def parsed_or_refused(data: bytes, format: str) -> ParseResult | None:
    """The result of parsing, checked field by field; None when refused."""
    try:
        result = parse(data, format)
    except WireParseError as refused:
        # A reader's last-resort message means an exception nobody foresaw.
        assert not str(refused).startswith("The document could not be read")
        return None
    assert_within_bounds(result)
    return result


def assert_within_bounds(result: ParseResult) -> None:
    assert isinstance(result, ParseResult)
    assert isinstance(result.items, tuple)
    assert isinstance(result.errors, tuple)
    assert len(result.items) <= MAX_ITEMS
    for item in result.items:
        assert_item_within_bounds(item)
    for error in result.errors:
        assert isinstance(error, ItemError)
        assert isinstance(error.position, int)
        assert 1 <= error.position <= MAX_ITEMS + 1
        assert_text(error.guid, MAX_GUID)
        assert_text(error.message, 500, empty=False)
        assert "unexpected" not in error.message


def assert_item_within_bounds(item: ParsedItem) -> None:
    assert isinstance(item, ParsedItem)
    assert_text(item.guid, MAX_GUID, empty=False)
    assert_text(item.headline, MAX_HEADLINE, empty=False)
    assert_text(item.summary, MAX_SUMMARY)
    assert_text(item.byline, 255)
    assert_text(item.credit, 255)
    assert isinstance(item.paragraphs, tuple)
    assert len(item.paragraphs) <= MAX_PARAGRAPHS
    assert sum(len(paragraph) for paragraph in item.paragraphs) <= MAX_BODY_CHARS
    for paragraph in item.paragraphs:
        assert_text(paragraph, MAX_BODY_CHARS, empty=False)
    assert item.language == "" or LANGUAGE.fullmatch(item.language)
    assert isinstance(item.url, str)
    assert item.url == "" or item.url.lower().startswith(("http://", "https://"))
    assert isinstance(item.subjects, tuple)
    assert len(item.subjects) <= 50
    for subject in item.subjects:
        assert_text(subject, 100, empty=False)
    assert len(set(item.subjects)) == len(item.subjects)
    for moment in (item.published_at, item.updated_at, item.embargoed_until):
        assert moment is None or (
            isinstance(moment, datetime) and moment.utcoffset() == timedelta(0)
        )
    for number in (item.version, item.urgency):
        assert number is None or (type(number) is int and number >= 0)
    assert item.urgency is None or 1 <= item.urgency <= 9
    assert item.status in ("usable", "withheld", "canceled")


def assert_text(value: object, limit: int, empty: bool = True) -> None:
    assert isinstance(value, str)
    assert len(value) <= limit
    assert empty or value
    assert value == value.strip()
    assert not CONTROL.search(value)
    value.encode("utf-8")  # no lone surrogates


# Text as providers send it, and as they should not: any script, markup,
# entities, control characters.
any_text = st.text(max_size=80)
markup_text = st.one_of(
    any_text,
    st.sampled_from(
        [
            "<p>Para one</p><p>Para two</p>",
            "<script>alert('x')</script>",
            "Line<br>line<br/>",
            "&amp; &lt;b&gt; &nbsp; &#0; &#xD800; &bogus;",
            "<div><div><div>deep</div></div></div>",
            "<![CDATA[raw]]>",
            "<!-- c -->",
            "\x00\x01\x1f",
            "2024-05-14T09:30:00Z",
            "Tue, 14 May 2024 09:30:00 GMT",
            "9999-12-31T23:59:59-23:59",
            "http://example.com/a",
            "javascript:alert(1)",
            "stat:canceled",
            "en-GB",
            "ar",
        ]
    ),
)
# Now and then far longer than any field may be, to meet the bounds.
markup_text = markup_text | st.builds(
    lambda text, times: text * times, markup_text, st.integers(10, 400)
)
# Characters lxml accepts in an XML tree.
xml_text = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
    )
    | st.sampled_from("\t\n"),
    max_size=60,
)
xml_text = xml_text | st.builds(
    lambda text, times: text * times, xml_text, st.integers(10, 200)
)


def cut_short(document: bytes, data: st.DataObject) -> bytes:
    """The document, or (as a network cut leaves it) its first bytes."""
    if document and data.draw(st.booleans()):
        return document[: data.draw(st.integers(0, len(document) - 1))]
    return document


# (a) Arbitrary bytes.


@pytest.mark.parametrize("format", FORMATS)
@FUZZ
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_are_parsed_or_refused(format, data):
    parsed_or_refused(data, format)


@pytest.mark.parametrize("format", FORMATS)
@FUZZ
@given(
    data=st.binary(max_size=512).map(
        lambda junk: b'<?xml version="1.0"?><' + junk + b">"
    )
)
def test_bytes_behind_an_xml_prolog_are_parsed_or_refused(format, data):
    parsed_or_refused(data, format)


# (b) Documents built from each format's vocabulary.

NINJS_KEYS = [
    "uri",
    "version",
    "headline",
    "headlines",
    "bodies",
    "body_html",
    "subject",
    "items",
    "value",
    "role",
    "contenttype",
    "name",
]

# Any JSON at all, with ninjs names among the keys.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | markup_text,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(NINJS_KEYS) | any_text, children, max_size=5)
    ),
    max_leaves=15,
)


def usually(well_typed):
    """A field's value: mostly of the right type, sometimes any JSON at all."""
    return st.one_of(well_typed, well_typed, well_typed, json_values)


def ninjs_parts(**fields):
    return st.lists(st.fixed_dictionaries({}, optional=fields), max_size=3)


roles = st.sampled_from(["main", "short", "summary", "body", "ROLE"])
content_types = st.sampled_from(["text/html", "text/plain", "application/xml", "x"])
dates = st.sampled_from(
    ["2024-05-14T09:30:00Z", "2024-05-14", "0001-01-01T00:00:00+01:00", "soon"]
)
part = {
    "value": usually(markup_text),
    "role": usually(roles),
    "contenttype": usually(content_types),
}
# Items shaped like ninjs 1.x and 2.x, any field left out or of the wrong type.
ninjs_fields = st.fixed_dictionaries(
    {},
    optional={
        "uri": usually(markup_text),
        "version": usually(st.integers(-1, 2**40) | st.sampled_from(["3", "x"])),
        "firstcreated": usually(dates),
        "versioncreated": usually(dates),
        "embargoed": usually(dates),
        "pubstatus": usually(st.sampled_from(["usable", "withheld", "canceled", "x"])),
        "urgency": usually(st.integers(-3, 12)),
        "language": usually(st.sampled_from(["en", "ar-EG", "es_ES", "x", ""])),
        "headline": usually(markup_text),
        "headlines": usually(ninjs_parts(**part)),
        "description_text": usually(markup_text),
        "description_html": usually(markup_text),
        "descriptions": usually(ninjs_parts(**part)),
        "body_text": usually(markup_text),
        "body_html": usually(markup_text),
        "body_xml": usually(markup_text),
        "bodies": usually(ninjs_parts(**part)),
        "by": usually(markup_text),
        "byline": usually(markup_text),
        "copyrightholder": usually(markup_text),
        "infosources": usually(ninjs_parts(name=usually(markup_text))),
        "subject": usually(ninjs_parts(name=usually(markup_text))),
        "subjects": usually(ninjs_parts(name=usually(markup_text))),
        "keywords": usually(
            st.lists(markup_text, max_size=4).map(lambda words: words * 20)
        ),
        "links": usually(ninjs_parts(href=usually(markup_text), rel=usually(roles))),
    },
)
# Half of them with a headline of the right type, so that items are made.
ninjs_items = ninjs_fields | st.builds(
    lambda fields, headline: {**fields, "headline": headline}, ninjs_fields, markup_text
)
ninjs_documents = st.one_of(
    ninjs_items,
    st.lists(ninjs_items | json_values, max_size=5),
    st.builds(lambda items: {"items": items}, st.lists(ninjs_items, max_size=5)),
    json_values,
)


@FUZZ
@given(document=ninjs_documents, data=st.data())
def test_generated_ninjs_is_parsed_or_refused(document, data):
    serialised = json.dumps(document).encode()

    result = parsed_or_refused(cut_short(serialised, data), "ninjs")

    if result is not None and isinstance(document, list):
        assert len(result.items) + len(result.errors) == len(document)


def nar(name: str) -> str:
    return f"{{{NAR}}}{name}"


NEWSML_LEAVES = {
    "itemMeta": [
        "pubStatus",
        "embargoed",
        "versionCreated",
        "firstCreated",
        "provider",
    ],
    "contentMeta": [
        "urgency",
        "headline",
        "description",
        "slugline",
        "by",
        "creditline",
        "language",
        "subject",
        "keyword",
    ],
    "rightsInfo": ["copyrightHolder"],
}
XHTML_ELEMENTS = ["p", "br", "div", "script", "style", "li", "b", "head", "title"]
NEWSML_ATTRIBUTES = [
    "qcode",
    "tag",
    "role",
    "literal",
    "contenttype",
    "{http://www.w3.org/XML/1998/namespace}lang",
]
attribute_values = st.sampled_from(
    ["1", "-1", "99999999999", "abc", "stat:withheld", "en", "drol:summary", ""]
) | xml_text.filter(lambda text: "\n" not in text)


@st.composite
def with_text_and_attributes(draw, element):
    for name in draw(st.lists(st.sampled_from(NEWSML_ATTRIBUTES), max_size=2)):
        element.set(name, draw(attribute_values))
    element.text = draw(xml_text)
    if draw(st.integers(0, 3)) == 0:  # a <name> or inline markup inside
        child = etree.SubElement(element, draw(st.sampled_from([nar("name"), "span"])))
        child.text = draw(xml_text)
        child.tail = draw(xml_text)
    return element


@st.composite
def xhtml_trees(draw, depth=0):
    element = etree.Element(f"{{{XHTML}}}{draw(st.sampled_from(XHTML_ELEMENTS))}")
    element.text = draw(xml_text)
    element.tail = draw(xml_text)
    if depth < 3:
        element.extend(draw(st.lists(xhtml_trees(depth=depth + 1), max_size=3)))
    return element


@st.composite
def content_sets(draw):
    content_set = etree.Element(nar("contentSet"))
    if draw(st.booleans()):
        inline = etree.SubElement(content_set, nar("inlineXML"))
        html = etree.SubElement(inline, f"{{{XHTML}}}html")
        body = etree.SubElement(html, f"{{{XHTML}}}body")
        body.extend(draw(st.lists(xhtml_trees(), max_size=4)))
    else:
        inline = etree.SubElement(content_set, nar("inlineData"))
        inline.set("contenttype", draw(content_types))
        inline.text = draw(xml_text | markup_text.map(escape_for_xml))
    return content_set


def escape_for_xml(text: str) -> str:
    return "".join(
        character
        for character in text
        if character in "\t\n" or not CONTROL.match(character)
    )


@st.composite
def news_items(draw):
    item = etree.Element(nar("newsItem"))
    for name in draw(st.lists(st.sampled_from(["guid", "version"]), max_size=2)):
        item.set(name, draw(attribute_values))
    for block in draw(st.permutations(list(NEWSML_LEAVES)))[: draw(st.integers(0, 3))]:
        container = etree.SubElement(item, nar(block))
        for leaf in draw(st.lists(st.sampled_from(NEWSML_LEAVES[block]), max_size=5)):
            container.append(draw(with_text_and_attributes(etree.Element(nar(leaf)))))
    if draw(st.booleans()):
        headline = etree.SubElement(item, nar("contentMeta"))
        etree.SubElement(headline, nar("headline")).text = draw(xml_text)
    if draw(st.booleans()):
        item.append(draw(content_sets()))
    return item


@st.composite
def newsml_documents(draw):
    items = draw(st.lists(news_items(), min_size=1, max_size=3))
    if len(items) == 1 and draw(st.booleans()):
        root = items[0]
    else:
        root = etree.Element(nar("newsMessage"))
        item_set = etree.SubElement(root, nar("itemSet"))
        if draw(st.booleans()):
            etree.SubElement(item_set, nar("packageItem")).text = "ignored"
        item_set.extend(items)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


@FUZZ
@given(document=newsml_documents(), data=st.data())
def test_generated_newsml_is_parsed_or_refused(document, data):
    parsed_or_refused(cut_short(document, data), "newsml")


RSS_ELEMENTS = [
    "title",
    "link",
    "guid",
    "description",
    "content:encoded",
    "dc:creator",
    "dc:date",
    "pubDate",
    "category",
    "author",
    "source",
    "enclosure",
    "comments",
    "media:content",
    "x-unknown",
]
ATOM_ELEMENTS = ["title", "id", "link", "summary", "content", "published", "updated"]


def rss_value(text: str, as_cdata: bool) -> str:
    if as_cdata:
        return "<![CDATA[" + text.replace("]]>", "") + "]]>"
    return escape(text)


@st.composite
def rss_items(draw, names):
    fields = []
    chosen = draw(st.lists(st.sampled_from(names), max_size=5))
    for name in ["title", *chosen] if draw(st.booleans()) else chosen:
        attributes = draw(st.sampled_from(["", ' type="html"', ' href="http://x/1"']))
        value = rss_value(draw(markup_text), draw(st.booleans()))
        fields.append(f"<{name}{attributes}>{value}</{name}>")
    return "".join(fields)


@st.composite
def rss_documents(draw):
    namespaces = (
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:media="http://search.yahoo.com/mrss/"'
    )
    title = escape(draw(any_text))
    if draw(st.booleans()):
        items = draw(st.lists(rss_items(RSS_ELEMENTS), max_size=5))
        body = "".join(f"<item>{item}</item>" for item in items)
        language = quoteattr(draw(any_text))[1:-1]
        document = (
            f'<rss version="2.0" {namespaces}><channel><title>{title}</title>'
            f"<language>{language}</language>{body}</channel></rss>"
        )
    else:
        entries = draw(st.lists(rss_items(ATOM_ELEMENTS), max_size=5))
        body = "".join(f"<entry>{entry}</entry>" for entry in entries)
        document = (
            f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            f"{body}</feed>"
        )
    return document.encode("utf-8", "surrogatepass")


@FUZZ
@given(document=rss_documents(), data=st.data())
def test_generated_feeds_are_parsed_or_refused(document, data):
    parsed_or_refused(cut_short(document, data), "rss")


# The rest of the interface takes anything too.


@FUZZ
@given(format=st.text(max_size=10))
def test_an_unknown_format_is_refused(format):
    if format in FORMATS:
        return
    with pytest.raises(WireParseError):
        parse(b"<rss/>", format)


@FUZZ
@given(filename=st.text(max_size=30), data=st.binary(max_size=512))
def test_detecting_a_format_never_fails(filename, data):
    assert detect_format(filename, data) in (*FORMATS, None)


@FUZZ
@given(html=markup_text | st.text(max_size=300))
def test_html_always_becomes_clean_paragraphs(html):
    for paragraph in html_to_paragraphs(html):
        assert_text(paragraph, len(html) + 1, empty=False)


# (d) Memory. tracemalloc sees Python's allocations only, not libxml2's (lxml
# builds its trees in C), so for NewsML the figure is the Python side alone.
# Measured peaks (Python 3.11, documents of 4.9 MB): NewsML 1.2x the input,
# ninjs 2.2x, RSS 3x (500 items) to 5.5x (one 5 MB body), and 25x for JSON
# made of a million empty objects, the worst shape found: json.loads makes a
# Python object of every value. The bound leaves a margin over that worst case.
MEMORY_FACTOR = 30
MEMORY_OVERHEAD = 10 * 1024 * 1024
PARAGRAPH = (
    "Rescue teams searched the rubble of collapsed buildings for survivors. " * 5
)
NEAR_LIMIT = MAX_DOCUMENT_BYTES - 64 * 1024


def grown_to_limit(make_document) -> bytes:
    """The document made with as many repetitions of its body as fit the limit."""
    empty = len(make_document(0))
    per_repetition = len(make_document(1)) - empty
    return make_document((NEAR_LIMIT - empty) // per_repetition)


def rss_near_limit(items: int) -> bytes:
    def make(repeat):
        body = escape(f"<p>{PARAGRAPH}</p>" * repeat)
        entries = "".join(
            f"<item><title>Story {n}</title><guid>g{n}</guid>"
            f"<description>{body}</description></item>"
            for n in range(items)
        )
        channel = f"<channel><title>W</title>{entries}</channel>"
        return f'<rss version="2.0">{channel}</rss>'.encode()

    return grown_to_limit(make)


def ninjs_near_limit(items: int) -> bytes:
    def make(repeat):
        body = f"<p>{PARAGRAPH}</p>" * repeat
        document = [
            {"uri": f"u{n}", "headline": f"Story {n}", "body_html": body}
            for n in range(items)
        ]
        return json.dumps(document).encode()

    return grown_to_limit(make)


def newsml_near_limit(items: int) -> bytes:
    def make(repeat):
        body = f"<p>{PARAGRAPH}</p>" * repeat
        news_items = "".join(
            f'<newsItem guid="g{n}" version="1"><contentMeta><headline>Story {n}'
            f"</headline></contentMeta><contentSet><inlineXML>"
            f'<html xmlns="{XHTML}"><body>{body}</body></html>'
            "</inlineXML></contentSet></newsItem>"
            for n in range(items)
        )
        return (
            f'<newsMessage xmlns="{NAR}"><itemSet>{news_items}</itemSet></newsMessage>'
        ).encode()

    return grown_to_limit(make)


def empty_json_objects() -> bytes:
    return b"[" + b"{}," * (NEAR_LIMIT // 3) + b"{}]"


@pytest.mark.parametrize(
    ("format", "make_document"),
    [
        ("rss", lambda: rss_near_limit(1)),
        ("rss", lambda: rss_near_limit(MAX_ITEMS)),
        ("ninjs", lambda: ninjs_near_limit(MAX_ITEMS)),
        ("ninjs", empty_json_objects),
        ("newsml", lambda: newsml_near_limit(MAX_ITEMS)),
    ],
    ids=[
        "rss-one-body",
        "rss-500-items",
        "ninjs-500-items",
        "ninjs-empty-objects",
        "newsml-500-items",
    ],
)
def test_a_document_near_the_size_limit_stays_within_the_memory_bound(
    format, make_document
):
    document = make_document()
    assert NEAR_LIMIT - 1024 * 1024 < len(document) <= MAX_DOCUMENT_BYTES

    tracemalloc.start()
    try:
        result = parsed_or_refused(document, format)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert result is not None
    assert peak < MEMORY_FACTOR * len(document) + MEMORY_OVERHEAD

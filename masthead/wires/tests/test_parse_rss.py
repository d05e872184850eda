"""RSS 2.0, RSS 1.0 and Atom feeds read into items; HTML bodies into plain text."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from masthead.wires.parsers import (
    MAX_HEADLINE,
    MAX_ITEMS,
    WireParseError,
    detect_format,
    parse,
)
from masthead.wires.parsers.text import html_to_paragraphs

FIXTURES = Path(__file__).parent / "fixtures"


def parse_fixture(name):
    return parse((FIXTURES / name).read_bytes(), "rss")


def rss(items: str, channel: str = "<title>Wire</title>") -> bytes:
    return f'<rss version="2.0"><channel>{channel}{items}</channel></rss>'.encode()


def test_an_rss_2_item_with_an_html_body_becomes_plain_paragraphs():
    quake, _rates, _storm = parse_fixture("rss-agency.xml").items

    assert quake.guid == "mpa-20240514-0412-turkey-quake"
    assert quake.version is None
    assert (
        quake.headline == "Magnitude 6.1 earthquake strikes eastern Turkey, killing 12"
    )
    assert quake.summary == (
        "A magnitude 6.1 earthquake struck eastern Turkey early on Tuesday, killing "
        "at least 12 people and injuring more than 200."
    )
    assert quake.paragraphs == (
        "ANKARA (MPA) — A magnitude 6.1 earthquake struck eastern Turkey early on "
        "Tuesday, killing at least 12 people and injuring more than 200, the "
        "country’s disaster agency said.",
        "The quake hit at 4:12 a.m. local time near the town of Malatya at a depth "
        "of 10 kilometres, according to AFAD.",
        # The <br> splits the paragraph; the script and the style leave nothing.
        "Interior Minister Ali Yerlikaya said 40 aftershocks had been recorded.",
        "Schools in the province will stay closed for the rest of the week.",
    )
    assert quake.language == "en"
    assert quake.credit == "Meridian Press Agency – World"  # the feed's title
    assert quake.url == (
        "https://wire.meridianpress.example/world/2024/05/14/turkey-earthquake"
    )
    assert quake.published_at == datetime(2024, 5, 14, 2, 40, tzinfo=UTC)  # +0300
    assert quake.updated_at is None
    assert quake.embargoed_until is None
    assert quake.urgency is None
    assert quake.subjects == ("World", "Disasters")
    assert quake.status == "usable"


def test_an_rss_2_item_with_only_a_description_has_it_as_its_body():
    _quake, rates, _storm = parse_fixture("rss-agency.xml").items

    assert rates.guid == "mpa-20240514-0930-rates"
    assert rates.byline == "Hannah Okafor"  # dc:creator
    assert rates.url == ""
    assert rates.summary == ""  # the description is the body, not also its standfirst
    assert len(rates.paragraphs) == 1
    assert rates.paragraphs[0].startswith("The central bank kept its main interest")
    assert rates.published_at == datetime(2024, 5, 14, 9, 30, tzinfo=UTC)


def test_an_rss_2_item_without_a_guid_is_known_by_its_link():
    _quake, _rates, storm = parse_fixture("rss-agency.xml").items

    assert storm.guid == (
        "https://wire.meridianpress.example/world/2024/05/14/adriatic-storm"
    )
    assert storm.credit == "Balkan Partner Newswire"  # its <source>
    assert storm.paragraphs == (
        "Ports from Trieste to Bari were closed on Tuesday as gusts of up to "
        "120 km/h swept the Adriatic.",
        "Ferry services to Croatia and Greece were suspended until Wednesday.",
    )


def test_an_atom_feed_in_spanish_is_read_entry_by_entry():
    result = parse_fixture("atom-agency.xml")

    assert result.errors == ()
    aid, protest = result.items

    assert (
        aid.guid == "tag:agenciameridiano.example,2024:nacional/20240514-sequia-ayudas"
    )
    assert aid.headline == (
        "El Gobierno aprueba 2.000 millones para los agricultores afectados por la "
        "sequía"
    )
    assert aid.summary == (
        "El plan dará prioridad a las pequeñas explotaciones de Andalucía, "
        "Castilla-La Mancha y Extremadura."
    )
    assert len(aid.paragraphs) == 3
    assert aid.paragraphs[0] == (
        "MADRID, 14 may. — El Gobierno aprobó este martes un plan de 2.000 millones "
        "de euros para ayudar a los agricultores afectados por la sequía."
    )
    assert aid.language == "es"
    assert aid.byline == "Lucía Fernández"
    assert aid.credit == "Agencia Meridiano – Nacional"
    assert aid.url == (
        "https://agenciameridiano.example/nacional/2024/05/14/sequia-ayudas"
    )
    assert aid.published_at == datetime(2024, 5, 14, 8, 15, tzinfo=UTC)
    assert aid.updated_at == datetime(2024, 5, 14, 8, 45, tzinfo=UTC)
    assert aid.subjects == ("Economía", "Agricultura")

    # An HTML title loses its markup; an XHTML body keeps its paragraphs.
    assert (
        protest.headline
        == "Miles de agricultores se manifiestan en Sevilla por el agua"
    )
    assert protest.summary == ""  # feedparser's copy of the content is no summary
    assert len(protest.paragraphs) == 2
    assert protest.paragraphs[1] == (
        "Los manifestantes llegaron en tractores desde varias provincias."
    )
    assert protest.published_at is None
    assert protest.updated_at == datetime(2024, 5, 14, 12, 30, tzinfo=UTC)


def test_an_rss_1_feed_is_read():
    data = b"""<?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
             xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://wire.example/rss">
        <title>Wire (RSS 1.0)</title><link>https://wire.example/</link>
        <description>News</description><dc:language>fr</dc:language>
      </channel>
      <item rdf:about="https://wire.example/1">
        <title>Les pluies cessent enfin</title><link>https://wire.example/1</link>
        <dc:date>2024-05-14T09:00:00+02:00</dc:date>
      </item>
    </rdf:RDF>"""

    (item,) = parse(data, "rss").items

    assert item.headline == "Les pluies cessent enfin"
    assert item.url == "https://wire.example/1"
    assert item.language == "fr"
    assert item.credit == "Wire (RSS 1.0)"


def test_an_item_without_a_title_is_an_item_error_and_the_others_stay():
    data = rss(
        "<item><guid>a</guid><description>No title here.</description></item>"
        "<item><guid>b</guid><title>Titled</title></item>"
    )

    result = parse(data, "rss")

    assert [item.guid for item in result.items] == ["b"]
    (error,) = result.errors
    assert (error.position, error.guid, error.message) == (
        1,
        "a",
        "Item 1 has no headline",
    )


def test_a_feed_with_a_minor_fault_is_still_read():
    # An undeclared HTML entity makes it invalid XML; feedparser reads on.
    data = rss("<item><title>Caf&eacute; prices &amp; rents rise</title></item>")

    (item,) = parse(data, "rss").items

    assert item.headline == "Café prices & rents rise"


def test_a_link_that_is_not_a_web_address_is_dropped():
    data = rss(
        "<item><title>A</title><link>javascript:alert(1)</link></item>"
        "<item><title>B</title><link>ftp://files.example/b</link></item>"
    )

    assert [item.url for item in parse(data, "rss").items] == ["", ""]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"hello", "Not a readable feed:"),
        (b"<html><body><p>Maintenance</p></body></html>", "Not an RSS or Atom feed"),
        (b"", "The document is empty"),
        # Given bytes, feedparser would try them as a file name.
        (b"/etc/passwd", "Not a readable feed:"),
    ],
)
def test_an_unreadable_feed_is_refused_with_its_reason(data, message):
    with pytest.raises(WireParseError) as refused:
        parse(data, "rss")

    assert str(refused.value).startswith(message)
    assert "root:" not in str(refused.value)


def test_a_feed_declaring_entities_is_refused():
    data = b"""<?xml version="1.0"?>
    <!DOCTYPE rss [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>
    <rss version="2.0"><channel><title>&passwd;</title>
    <item><title>&passwd;</title></item></channel></rss>"""

    with pytest.raises(WireParseError) as refused:
        parse(data, "rss")

    assert str(refused.value) == "Documents with entity declarations are refused"


def test_a_document_over_the_size_limit_is_refused_whole():
    data = rss("<item><title>Big</title><description>" + "x" * 6_500_000)

    with pytest.raises(WireParseError) as refused:
        parse(data, "rss")

    assert str(refused.value) == "Document is 6.2 MB; the limit is 5 MB"


def test_items_past_the_limit_are_dropped_with_one_error():
    data = rss(
        "".join(
            f"<item><guid>g{n}</guid><title>T{n}</title></item>" for n in range(600)
        )
    )

    result = parse(data, "rss")

    assert len(result.items) == MAX_ITEMS
    assert result.items[-1].guid == "g499"
    (error,) = result.errors
    assert error.position == 501
    assert error.message == "The document has 600 items; only the first 500 were read"


def test_items_past_the_limit_of_an_atom_feed_are_dropped_too():
    entry = (
        "<entry><id>e{n}</id><title>T{n}</title>"
        "<updated>2024-05-14T09:00:00Z</updated></entry>"
    )
    data = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'
        + "".join(entry.format(n=n) for n in range(600))
        + "</feed>"
    ).encode()

    result = parse(data, "rss")

    assert [item.guid for item in result.items[-2:]] == ["e498", "e499"]
    assert result.errors[0].message.startswith("The document has 600 items")


def test_a_megabyte_headline_is_cut_to_the_limit():
    data = rss("<item><title>" + "Storm " * 175_000 + "</title></item>")

    (item,) = parse(data, "rss").items

    assert MAX_HEADLINE - len("Storm …") <= len(item.headline) <= MAX_HEADLINE
    assert set(item.headline.removesuffix("…").split(" ")) == {"Storm"}  # whole words


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rss-agency.xml", "rss"),
        ("atom-agency.xml", "rss"),
        ("not-newsml.xml", None),
    ],
)
def test_the_format_of_a_dropped_feed_is_detected(name, expected):
    assert detect_format(name, (FIXTURES / name).read_bytes()) == expected


def test_a_feed_extension_says_rss_and_a_bare_feed_is_sniffed():
    data = (FIXTURES / "atom-agency.xml").read_bytes()

    assert detect_format("nacional.atom", b"") == "rss"
    assert detect_format("world.rss", b"") == "rss"
    assert detect_format("incoming-0001", data) == "rss"


# HTML to paragraphs, as every format reads bodies.


@pytest.mark.parametrize(
    ("html", "paragraphs"),
    [
        ("<p>One</p><p>Two</p>", ["One", "Two"]),
        ("Line one<br>Line two<br/>", ["Line one", "Line two"]),
        ("<div>Block<div>Nested</div>After</div>", ["Block", "Nested", "After"]),
        ("<ul><li>First</li><li>Second</li></ul>", ["First", "Second"]),
        ("<h2>Heading</h2><blockquote>Quoted</blockquote>", ["Heading", "Quoted"]),
        ("<p>Fish &amp; chips &eacute; &#8212; &#x41;</p>", ["Fish & chips é — A"]),
        ("<p>  spaced \n\t out  </p>", ["spaced out"]),
        ("<p>a <b>bold</b> <em>move</em></p>", ["a bold move"]),
        ("<script>alert(1)</script><p>Safe</p>", ["Safe"]),
        ("<style>p{color:red}</style>Text", ["Text"]),
        (
            "<noscript>Enable JS</noscript><template><p>Hidden</p></template>Shown",
            ["Shown"],
        ),
        ("<p>Before<script>evil()</script>after</p>", ["Beforeafter"]),
        ("<!-- a comment --><p>Kept</p>", ["Kept"]),
        ("<p>Unclosed <b>tags <i>everywhere", ["Unclosed tags everywhere"]),
        (
            "<html><head><title>Page</title></head><body><p>Body</p></body></html>",
            ["Body"],
        ),
        (
            "<p>مرحبا بالعالم</p><p>¡Hola, mundo!</p>",
            ["مرحبا بالعالم", "¡Hola, mundo!"],
        ),
        ("<p>\x00\x07control</p>", ["control"]),
        ("", []),
        ("   ", []),
        ("<p></p><br><br>", []),
    ],
)
def test_html_becomes_plain_paragraphs(html, paragraphs):
    assert html_to_paragraphs(html) == paragraphs


def test_html_nested_beyond_any_sense_does_not_fail():
    html = "<div>" * 100_000 + "deep" + "</div>" * 100_000

    assert html_to_paragraphs(html) in ([], ["deep"])

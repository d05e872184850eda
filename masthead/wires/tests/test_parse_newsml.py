"""IPTC NewsML-G2 items and messages read into items; hostile XML refused."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from masthead.wires.parsers import (
    MAX_ITEMS,
    MAX_PARAGRAPHS,
    WireParseError,
    detect_format,
    newsml,
    parse,
)

FIXTURES = Path(__file__).parent / "fixtures"
NAR = "http://iptc.org/std/nar/2006-10-01/"


def parse_fixture(name):
    return parse((FIXTURES / name).read_bytes(), "newsml")


def news_item(inner: str, attributes: str = 'guid="urn:test:1" version="1"') -> str:
    return f'<newsItem xmlns="{NAR}" {attributes}>{inner}</newsItem>'


def headline(text: str = "A headline") -> str:
    return f"<contentMeta><headline>{text}</headline></contentMeta>"


def test_a_news_item_is_read_field_by_field():
    result = parse_fixture("newsml-item.xml")

    assert result.errors == ()
    (item,) = result.items
    assert item.guid == "urn:newsml:meridianpress.example:20240514:mpa-turkey-quake"
    assert item.version == 2
    assert (
        item.headline == "Magnitude 6.1 earthquake strikes eastern Turkey, killing 12"
    )
    assert item.summary == (
        "A magnitude 6.1 earthquake struck eastern Turkey early on Tuesday, killing "
        "at least 12 people."
    )
    assert item.language == "en"
    assert item.byline == "Selin Aydın"
    assert item.credit == "MPA"  # the creditline before the copyright holder
    assert item.url == ""
    # The XHTML body's paragraphs; the <head> and its <title> are no part of it.
    assert len(item.paragraphs) == 4
    assert item.paragraphs[0] == (
        "ANKARA, May 14 (MPA) — A magnitude 6.1 earthquake struck eastern Turkey "
        "early on Tuesday, killing at least 12 people and injuring more than 200, "
        "the country’s disaster agency said."
    )
    assert item.paragraphs[1].endswith("Management Authority (AFAD).")
    assert item.published_at == datetime(2024, 5, 14, 1, 40, tzinfo=UTC)  # +03:00
    assert item.updated_at == datetime(2024, 5, 14, 2, 10, tzinfo=UTC)
    assert item.embargoed_until == datetime(2024, 5, 14, 6, 0, tzinfo=UTC)
    assert item.urgency == 2
    # Subjects by name (one given only by code is passed over), then keywords.
    assert item.subjects == (
        "disaster, accident and emergency incident",
        "Turkey",
        "earthquake",
        "Malatya",
    )
    assert item.status == "usable"


def test_a_later_version_of_an_item_keeps_its_guid_and_changes_a_paragraph():
    (first,) = parse_fixture("newsml-item.xml").items
    (third,) = parse_fixture("newsml-item-v3.xml").items

    assert third.guid == first.guid
    assert (first.version, third.version) == (2, 3)
    assert third.updated_at == datetime(2024, 5, 14, 4, 25, tzinfo=UTC)
    changed = [
        (before, after)
        for before, after in zip(first.paragraphs, third.paragraphs, strict=True)
        if before != after
    ]
    assert changed == [
        (
            "Interior Minister Ali Yerlikaya said 40 aftershocks had been recorded, "
            "the strongest of magnitude 4.6.",
            "Interior Minister Ali Yerlikaya said 65 aftershocks had been recorded, "
            "and that rescue teams had pulled 31 people alive from the rubble.",
        )
    ]


def test_a_news_message_gives_its_news_items_and_passes_over_packages():
    result = parse_fixture("newsml-message.xml")

    assert result.errors == ()
    storm, drought, rescue = result.items

    assert storm.guid == "urn:newsml:meridianpress.example:20240514:mpa-adriatic-storm"
    assert storm.language == "en"  # from the item's xml:lang
    assert storm.credit == "Meridian Press Agency"  # the provider's literal
    assert storm.subjects == ("weather",)
    assert len(storm.paragraphs) == 2

    assert drought.language == "es"  # language/@tag "es-ES"
    assert drought.headline == (
        "El Gobierno aprueba 2.000 millones para los agricultores afectados por la "
        "sequía"
    )
    assert drought.credit == "Agencia Meridiano"  # the copyright holder's literal
    assert drought.byline == "Lucía Fernández"
    assert (
        drought.paragraphs[2]
        == "Las organizaciones agrarias calificaron el plan de insuficiente."
    )
    assert drought.subjects == ("economía, negocios y finanzas", "sequía")
    assert drought.published_at == datetime(2024, 5, 14, 8, 15, tzinfo=UTC)

    assert rescue.status == "withheld"
    assert rescue.version == 5
    assert rescue.credit == "Meridian Press Agency"  # the provider's <name>
    # inlineData is plain text, split at its blank line.
    assert rescue.paragraphs == (
        "JOHANNESBURG, May 14 (MPA) - Eleven miners trapped for 40 hours were "
        "brought to the surface on Tuesday, the operator said.",
        "All were taken to hospital for checks.",
    )


@pytest.mark.parametrize(
    ("qcode", "status"),
    [
        ("stat:usable", "usable"),
        ("stat:withheld", "withheld"),
        ("stat:canceled", "canceled"),
        ("stat:cancelled", "canceled"),
        ("stat:unheard-of", "usable"),
    ],
)
def test_the_publication_status_comes_from_its_qcode(qcode, status):
    data = news_item(f'<itemMeta><pubStatus qcode="{qcode}"/></itemMeta>' + headline())

    (item,) = parse(data.encode(), "newsml").items

    assert item.status == status


def test_an_item_without_a_headline_uses_its_slugline_or_is_an_error():
    message = f"""<newsMessage xmlns="{NAR}"><itemSet>
      {news_item("<contentMeta><slugline>QUAKE/</slugline></contentMeta>")}
      {news_item("<contentMeta/>", 'guid="urn:test:2"')}
      {news_item(headline("Third"), 'guid="urn:test:3" version="lots"')}
    </itemSet></newsMessage>"""

    result = parse(message.encode(), "newsml")

    assert [item.headline for item in result.items] == ["QUAKE/", "Third"]
    assert result.items[1].version is None  # not a number
    (error,) = result.errors
    assert (error.position, error.guid, error.message) == (
        2,
        "urn:test:2",
        "Item 2 has no headline",
    )


def test_inline_markup_in_a_headline_is_dropped():
    data = news_item(headline("Rates <span>held</span> at <b>5.25%</b>"))

    (item,) = parse(data.encode(), "newsml").items

    assert item.headline == "Rates held at 5.25%"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "broken.xml",
            "Not valid XML: line 37, column 3: Premature end of data in tag "
            "contentMeta line 26",
        ),
        ("not-newsml.xml", "Not a NewsML-G2 document: root element is <html>"),
    ],
)
def test_a_malformed_fixture_is_refused_with_its_reason(name, message):
    with pytest.raises(WireParseError) as refused:
        parse_fixture(name)

    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<feed/>", "Not a NewsML-G2 document: root element is <feed>"),
        (
            b"<newsItem guid='x'/>",
            "Not a NewsML-G2 document: root element <newsItem> is not in the "
            "NewsML-G2 namespace",
        ),
        (b"<newsItem>&nbsp;</newsItem>", "Not valid XML: line 1, column 17:"),
        (b"{}", "Not valid XML: line 1, column 1: Start tag expected"),
    ],
)
def test_other_unreadable_documents_are_refused(data, message):
    with pytest.raises(WireParseError) as refused:
        parse(data, "newsml")

    assert str(refused.value).startswith(message)


BILLION_LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE newsItem [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
{news_item(headline("&lol9;"))}""".encode()

EXTERNAL_FILE = f"""<?xml version="1.0"?>
<!DOCTYPE newsItem [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>
{news_item(headline("Leak: &passwd;"))}""".encode()

PASSWD_CONTENT = "root:"  # the first account of every /etc/passwd


@pytest.mark.parametrize("attack", [BILLION_LAUGHS, EXTERNAL_FILE], ids=["lol", "xxe"])
@pytest.mark.parametrize("format", ["newsml", "rss"])
def test_documents_declaring_entities_are_refused(attack, format):
    with pytest.raises(WireParseError) as refused:
        parse(attack, format)

    assert str(refused.value) == "Documents with entity declarations are refused"
    assert PASSWD_CONTENT not in str(refused.value)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_entity_declarations_are_found_in_any_encoding(encoding):
    attack = EXTERNAL_FILE.decode().replace(
        '<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding}"?>'
    )

    with pytest.raises(WireParseError) as refused:
        parse(attack.encode(encoding), "newsml")

    assert str(refused.value) == "Documents with entity declarations are refused"


@pytest.mark.parametrize("attack", [BILLION_LAUGHS, EXTERNAL_FILE], ids=["lol", "xxe"])
def test_the_xml_parser_alone_neither_expands_nor_reads_entities(attack):
    # The second line of defence, should a declaration slip past the byte scan.
    with pytest.raises(WireParseError) as refused:
        newsml._xml_root(attack)

    assert PASSWD_CONTENT not in str(refused.value)
    assert "lollollol" not in str(refused.value)


def test_items_past_the_limit_are_dropped_with_one_error():
    items = "".join(
        news_item(headline(f"Story {n}"), f'guid="urn:test:{n}"') for n in range(600)
    )
    data = f'<newsMessage xmlns="{NAR}"><itemSet>{items}</itemSet></newsMessage>'

    result = parse(data.encode(), "newsml")

    assert len(result.items) == MAX_ITEMS
    (error,) = result.errors
    assert (error.position, error.message) == (
        501,
        "The document has 600 items; only the first 500 were read",
    )


def test_a_megabyte_headline_and_a_long_body_are_bounded():
    body = "".join(f"<p>Paragraph {n}.</p>" for n in range(2000))
    content = (
        '<contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        f"{body}</body></html></inlineXML></contentSet>"
    )
    data = news_item(headline("Long " * 200_000) + content)

    (item,) = parse(data.encode(), "newsml").items

    assert len(item.headline) <= 255
    assert len(item.paragraphs) == MAX_PARAGRAPHS
    assert item.paragraphs[-1] == f"Paragraph {MAX_PARAGRAPHS - 1}."


def test_a_document_over_the_size_limit_is_refused_whole():
    data = news_item(headline("x" * (7 * 1024 * 1024 + 300_000))).encode()

    with pytest.raises(WireParseError) as refused:
        parse(data, "newsml")

    assert str(refused.value) == "Document is 7.3 MB; the limit is 5 MB"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("newsml-item.xml", "newsml"),
        ("newsml-item-v3.xml", "newsml"),
        ("newsml-message.xml", "newsml"),
        ("broken.xml", "newsml"),  # its first bytes are a newsItem's
        ("not-newsml.xml", None),
    ],
)
def test_the_format_of_a_dropped_newsml_file_is_detected(name, expected):
    assert detect_format(name, (FIXTURES / name).read_bytes()) == expected


def test_a_newsml_file_without_an_extension_is_sniffed():
    data = (FIXTURES / "newsml-message.xml").read_bytes()

    assert detect_format("MPA_0117", data) == "newsml"
    assert detect_format("MPA_0117", data.decode().encode("utf-16")) == "newsml"

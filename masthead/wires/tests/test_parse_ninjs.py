"""IPTC ninjs 1.x and 2.x documents read into items, bad fields and items set aside."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from masthead.wires.parsers import (
    MAX_DOCUMENT_BYTES,
    MAX_HEADLINE,
    MAX_ITEMS,
    WireParseError,
    detect_format,
    parse,
)

FIXTURES = Path(__file__).parent / "fixtures"


def parse_fixture(name):
    return parse((FIXTURES / name).read_bytes(), "ninjs")


def ninjs(document) -> bytes:
    return json.dumps(document).encode()


def test_a_ninjs_1_item_is_read_field_by_field():
    result = parse_fixture("ninjs-1.json")

    assert result.errors == ()
    (item,) = result.items
    assert item.guid == "urn:newsml:meridianpress.example:20240514:mpa-rates-0930"
    assert item.version == 3  # given as the string "3"
    assert (
        item.headline == "Central bank holds rates at 5.25% for third meeting running"
    )
    assert item.summary.startswith("The central bank kept its main interest rate")
    assert item.language == "en"
    assert item.byline == "Hannah Okafor"
    assert item.credit == "Meridian Press Agency"
    assert item.url == ""  # ninjs "uri" is an identifier, not a link
    assert len(item.paragraphs) == 4
    assert item.paragraphs[0] == (
        "LONDON, May 14 (MPA) – The central bank kept its main interest rate at "
        "5.25% on Tuesday, as most economists had expected."
    )
    assert item.paragraphs[2].startswith("“Inflation is falling")  # entities decoded
    assert item.published_at == datetime(2024, 5, 14, 9, 30, tzinfo=UTC)
    assert item.updated_at == datetime(2024, 5, 14, 9, 52, tzinfo=UTC)
    assert item.embargoed_until == datetime(2024, 5, 14, 11, 0, tzinfo=UTC)
    assert item.urgency == 3
    assert item.subjects == (
        "economy, business and finance",
        "interest rates",
        "central bank",
        "inflation",
    )
    assert item.status == "usable"


def test_a_ninjs_2_list_gives_each_item_in_order():
    result = parse_fixture("ninjs-2-list.json")

    assert result.errors == ()
    arabic, storm, canceled = result.items

    assert arabic.guid == "urn:newsml:meridianpress.example:20240514:mpa-ar-cbe-rates"
    assert arabic.version == 1
    assert arabic.language == "ar"
    # The headline with the main role, not the short one.
    assert (
        arabic.headline == "المركزي المصري يثبت أسعار الفائدة للمرة الثالثة على التوالي"
    )
    assert (
        arabic.summary == "أبقى البنك المركزي المصري سعر عائد الإيداع عند 27.25 بالمئة."
    )
    assert len(arabic.paragraphs) == 2
    assert arabic.paragraphs[0].startswith("القاهرة، 14 مايو – قرر البنك المركزي")
    assert arabic.byline == "منى عبد الله"
    assert arabic.credit == "وكالة ميريديان للأنباء"
    assert arabic.subjects == ("اقتصاد وأعمال ومال",)
    assert arabic.published_at == datetime(2024, 5, 14, 11, 5, tzinfo=UTC)  # +03:00

    assert storm.headline == "Storm closes ports along the Adriatic coast"
    assert storm.status == "usable"  # no pubstatus: usable
    assert storm.credit == "Meridian Press Agency"  # from its infosources
    assert storm.urgency == 5
    assert storm.subjects == ("weather", "storm", "Adriatic", "ferries")
    # A plain-text body is split at its blank lines.
    assert storm.paragraphs == (
        "TRIESTE, May 14 (MPA) - Ports from Trieste to Bari were closed on Tuesday "
        "as gusts of up to 120 km/h swept the Adriatic.",
        "Ferry services to Croatia and Greece were suspended until Wednesday, "
        "operators said.",
        "The Italian civil protection agency issued a red alert for the coast of "
        "Apulia.",
    )

    assert canceled.status == "canceled"
    assert canceled.version == 4
    assert canceled.language == "en"  # from en-US


def test_an_object_holding_items_is_read_like_a_list():
    document = {"items": [{"uri": "urn:1", "headline": "One"}, {"headline": "Two"}]}

    result = parse(ninjs(document), "ninjs")

    assert [item.headline for item in result.items] == ["One", "Two"]


def test_bad_types_cost_a_field_or_an_item_never_the_document():
    result = parse_fixture("ninjs-bad-types.json")

    (good,) = result.items
    assert good.headline == "Rail strike called off after overnight talks"
    assert good.paragraphs == (
        "The national rail strike planned for Wednesday was called off after "
        "overnight talks.",
    )
    # "high", a bare string of subjects and a number for a date are ignored.
    assert (good.urgency, good.subjects, good.embargoed_until) == (None, (), None)

    headline_a_number, bare_string = result.errors
    assert headline_a_number.position == 2
    assert headline_a_number.guid == "urn:newsml:meridianpress.example:20240514:mpa-bad"
    assert headline_a_number.message == (
        "Item 2 has a headline that is a number, not text"
    )
    assert bare_string.position == 3
    assert bare_string.guid == ""
    assert bare_string.message == "Item 3 is a string, not a ninjs object"


def test_an_item_without_a_headline_is_an_item_error():
    document = [
        {"uri": "urn:1", "body_text": "Text but no headline."},
        {"headline": "Fine"},
    ]

    result = parse(ninjs(document), "ninjs")

    assert [item.headline for item in result.items] == ["Fine"]
    (error,) = result.errors
    assert (error.position, error.guid, error.message) == (
        1,
        "urn:1",
        "Item 1 has no headline",
    )


def test_an_item_without_an_id_gets_one_from_its_text():
    document = {"headline": "Floods cut off villages", "body_text": "Rivers rose."}

    (first,) = parse(ninjs(document), "ninjs").items
    (again,) = parse(ninjs(document), "ninjs").items

    assert first.guid.startswith("sha256:")
    assert first.guid == again.guid


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-14T09:30:00+02:00", datetime(2024, 5, 14, 7, 30, tzinfo=UTC)),
        ("2024-05-14T09:30:00", datetime(2024, 5, 14, 9, 30, tzinfo=UTC)),  # naive
        ("2024-05-14", datetime(2024, 5, 14, tzinfo=UTC)),
        ("Tue, 14 May 2024 09:30:00 GMT", datetime(2024, 5, 14, 9, 30, tzinfo=UTC)),
        ("yesterday", None),
        ("0001-01-01T00:00:00+05:00", None),  # before year 1 in UTC
        (1715680800, None),
    ],
)
def test_dates_are_aware_utc_or_none(value, expected):
    document = {"headline": "Dated", "firstcreated": value}

    (item,) = parse(ninjs(document), "ninjs").items

    assert item.published_at == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'{"headline": "Cut off',
            "Not valid JSON: line 1 column 14: Unterminated string",
        ),
        (b"<html></html>", "Not valid JSON: line 1 column 1: Expecting value"),
        (
            b'"just a string"',
            "Not a ninjs document: the JSON is a string, not an object",
        ),
        (b"42", "Not a ninjs document: the JSON is a number, not an object"),
        (b"\xff\xfe\xfa", "Not valid JSON: the text is not UTF-8"),
        (b"[" * 100_000, "Not valid JSON: it is nested too deeply"),
        (b"   ", "The document is empty"),
    ],
)
def test_an_unreadable_document_is_refused_with_its_reason(data, message):
    with pytest.raises(WireParseError) as refused:
        parse(data, "ninjs")

    assert str(refused.value).startswith(message)


def test_a_document_over_the_size_limit_is_refused_whole():
    headline = "x" * (6 * 1024 * 1024)

    with pytest.raises(WireParseError) as refused:
        parse(ninjs({"headline": headline}), "ninjs")

    assert str(refused.value) == "Document is 6 MB; the limit is 5 MB"
    assert MAX_DOCUMENT_BYTES == 5 * 1024 * 1024


def test_items_past_the_limit_are_dropped_with_one_error():
    document = [{"uri": f"urn:{n}", "headline": f"Story {n}"} for n in range(1, 601)]

    result = parse(ninjs(document), "ninjs")

    assert len(result.items) == MAX_ITEMS == 500
    assert result.items[-1].guid == "urn:500"
    (error,) = result.errors
    assert error.position == 501
    assert error.message == "The document has 600 items; only the first 500 were read"


def test_a_megabyte_headline_is_cut_to_the_limit_at_a_word():
    headline = "Floods " * 150_000  # about 1 MB

    (item,) = parse(ninjs({"headline": headline}), "ninjs").items

    assert len(item.headline) <= MAX_HEADLINE == 255
    assert item.headline.endswith("Floods…")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ninjs-1.json", "ninjs"),
        ("ninjs-2-list.json", "ninjs"),
        ("ninjs-bad-types.json", "ninjs"),
    ],
)
def test_the_format_of_a_dropped_ninjs_file_is_detected(name, expected):
    assert detect_format(name, (FIXTURES / name).read_bytes()) == expected


def test_json_without_an_extension_is_sniffed_as_ninjs():
    data = (FIXTURES / "ninjs-1.json").read_bytes()

    assert detect_format("AP-20240514-0930", data) == "ninjs"
    assert detect_format("notes.txt", b"Dear desk,") is None

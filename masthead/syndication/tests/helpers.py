"""Reading what the syndication views write, as a crawler or feed reader would."""

from pathlib import Path
from urllib.parse import urlsplit

import feedparser
from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
_schemas: dict[str, etree.XMLSchema] = {}


def schema(name: str) -> etree.XMLSchema:
    if name not in _schemas:
        _schemas[name] = etree.XMLSchema(etree.parse(str(SCHEMAS / name)))
    return _schemas[name]


def body_of(response) -> bytes:
    assert response.status_code == 200, response.status_code
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def valid_xml(response, schema_name: str):
    """The response parsed, after checking it against the named XSD."""
    document = etree.fromstring(body_of(response))
    validator = schema(schema_name)
    assert validator.validate(document), validator.error_log
    return document


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def parsed_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


def locs(document, element="sm:url") -> list[str]:
    return document.xpath(f"//{element}/sm:loc/text()", namespaces=NS)

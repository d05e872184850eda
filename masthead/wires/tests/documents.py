"""Small wire documents written for one case each."""

import json
from xml.sax.saxutils import escape

BODY = (
    "Rescue teams reached the flooded villages north of the capital on Tuesday, "
    "officials said, after two days of heavy rain cut the main road.",
    "About 3,000 people spent the night in schools and mosques turned into "
    "shelters, the civil defence agency said in a statement.",
    "Forecasters expect the rain to ease by Thursday.",
)

# BODY lightly rewritten, as a second agency would send it.
REWRITE = (
    "Rescue teams reached the flooded villages north of the capital on Tuesday, "
    "officials said, after two days of heavy rain cut the main road north.",
    "About 3,000 people spent the night in schools and mosques turned into "
    "shelters, the civil defence agency said in a statement on Tuesday.",
    "Forecasters expect the rain to ease by Thursday.",
)
OTHER_STORY = (
    "The central bank left its main interest rate unchanged on Wednesday and "
    "said inflation was slowing faster than it had expected in the spring.",
    "Markets had priced in a cut; the currency rose half a percent.",
)


def ninjs_item(
    guid="urn:agency:1",
    headline="Floods cut off villages north of the capital",
    paragraphs=BODY,
    version=None,
    language="en",
    status=None,
    summary="",
    **extra,
) -> dict:
    item = {
        "uri": guid,
        "headline": headline,
        "body_html": "".join(f"<p>{escape(text)}</p>" for text in paragraphs),
        "language": language,
        "copyrightholder": "Agency Press",
        **extra,
    }
    if version is not None:
        item["version"] = str(version)
    if status is not None:
        item["pubstatus"] = status
    if summary:
        item["description_text"] = summary
    return item


def ninjs(*items: dict) -> bytes:
    return json.dumps(list(items) or [ninjs_item()]).encode()


def rss(*entries: tuple[str, str, str]) -> bytes:
    """An RSS 2.0 feed of (guid, title, description) entries."""
    items = "".join(
        f"<item><guid>{escape(guid)}</guid><title>{escape(title)}</title>"
        f"<description>{escape(text)}</description></item>"
        for guid, title, text in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Agency feed</title><link>https://wires.example.com/</link>"
        f"<description>Test feed</description><language>en</language>{items}"
        "</channel></rss>"
    ).encode()

"""IPTC ninjs, "News in JSON", versions 1.x and 2.x (https://iptc.org/std/ninjs/).

A document is one item object, a list of them, or an object holding them in
"items". 1.x names fields singly (headline, body_html, subject); 2.x uses lists
of objects with roles (headlines, bodies, subjects). Both are read, and a field
of the wrong type counts as absent: a provider's slip in one field costs that
field, not the item.
"""

import json

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
    clean_text,
    html_to_paragraphs,
    html_to_text,
    parse_date,
    small_int,
    text_to_paragraphs,
)

# Roles of the headline, description or body meant for publication.
_MAIN_ROLES = ("", "main", "summary", "body")


def read_entries(data: bytes) -> tuple[list[object], int]:
    document = _json(data)
    if isinstance(document, list):
        entries = document
    elif isinstance(document, dict):
        items = document.get("items")
        entries = items if isinstance(items, list) else [document]
    else:
        raise WireParseError(
            f"Not a ninjs document: the JSON is {_kind(document)}, "
            "not an object or a list of objects"
        )
    return entries[:MAX_ITEMS], len(entries)


def _json(data: bytes) -> object:
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise WireParseError("Not valid JSON: the text is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise WireParseError(
            f"Not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise WireParseError("Not valid JSON: it is nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise WireParseError(f"Not valid JSON: {exc}") from None


def to_item(entry: object, position: int) -> ParsedItem:
    if not isinstance(entry, dict):
        raise InvalidItem(f"Item {position} is {_kind(entry)}, not a ninjs object")
    guid = clean_text(entry.get("uri"))
    if "headline" in entry and not isinstance(entry["headline"], str):
        raise InvalidItem(
            f"Item {position} has a headline that is {_kind(entry['headline'])}, "
            "not text",
            guid,
        )
    return build_item(
        position,
        guid=guid,
        version=small_int(entry.get("version"), 0, MAX_VERSION),
        headline=_headline(entry),
        summary=_summary(entry),
        paragraphs=_body(entry),
        language=entry.get("language"),
        byline=_first_text(entry, "by", "byline"),
        credit=_credit(entry),
        url=_link(entry),
        published_at=parse_date(entry.get("firstcreated")),
        updated_at=parse_date(entry.get("versioncreated")),
        embargoed_until=parse_date(entry.get("embargoed")),
        urgency=small_int(entry.get("urgency"), 1, 9),
        subjects=_subjects(entry),
        status=status_from(entry.get("pubstatus")),
    )


def _headline(entry: dict) -> str:
    headline = _main(_objects(entry, "headlines"))
    if headline is not None:
        return _as_text(headline)
    return _first_text(entry, "headline")


def _summary(entry: dict) -> str:
    description = _main(_objects(entry, "descriptions"))
    if description is not None:
        return _as_text(description)
    if isinstance(entry.get("description_text"), str):
        return entry["description_text"]
    return html_to_text(entry.get("description_html"))


def _body(entry: dict) -> list[str]:
    bodies = _objects(entry, "bodies")
    # A provider sending the body both as HTML and as text: HTML keeps the
    # paragraphs apart more reliably.
    body = _main([body for body in bodies if _is_html(body)]) or _main(bodies)
    if body is not None:
        return _as_paragraphs(body)
    for key in ("body_html", "body_xml"):
        if isinstance(entry.get(key), str):
            return html_to_paragraphs(entry[key])
    return text_to_paragraphs(entry.get("body_text"))


def _credit(entry: dict) -> str:
    holder = _first_text(entry, "copyrightholder")
    if holder:
        return holder
    names = (source.get("name") for source in _objects(entry, "infosources"))
    return next((name for name in names if isinstance(name, str) and name), "")


def _link(entry: dict) -> str:
    # "uri" identifies the item and need not be an address anyone can open.
    for link in _objects(entry, "links"):
        if link.get("rel") in (None, "canonical", "alternate"):
            href = link.get("href")
            if isinstance(href, str):
                return href
    return ""


def _subjects(entry: dict) -> list[object]:
    subjects = _objects(entry, "subjects") + _objects(entry, "subject")
    keywords = entry.get("keywords")
    return [subject.get("name") for subject in subjects] + (
        keywords if isinstance(keywords, list) else []
    )


def _objects(entry: dict, key: str) -> list[dict]:
    """The objects in the list `entry[key]`; anything else in it is ignored."""
    value = entry.get(key)
    if not isinstance(value, list):
        return []
    return [element for element in value if isinstance(element, dict)]


def _main(objects: list[dict]) -> dict | None:
    """The object meant for publication: the first with a main role (or none),
    else the first with a text value."""
    with_value = [obj for obj in objects if isinstance(obj.get("value"), str)]
    for obj in with_value:
        role = obj.get("role")
        if role is None or (isinstance(role, str) and role.lower() in _MAIN_ROLES):
            return obj
    return with_value[0] if with_value else None


def _is_html(obj: dict) -> bool:
    contenttype = obj.get("contenttype")
    return isinstance(contenttype, str) and "html" in contenttype.lower()


def _as_text(obj: dict) -> str:
    return html_to_text(obj["value"]) if _is_html(obj) else obj["value"]


def _as_paragraphs(obj: dict) -> list[str]:
    if _is_html(obj) or "xml" in str(obj.get("contenttype")).lower():
        return html_to_paragraphs(obj["value"])
    return text_to_paragraphs(obj["value"])


def _first_text(entry: dict, *keys: str) -> str:
    for key in keys:
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _kind(value: object) -> str:
    """What a JSON value is, in words an operator reads."""
    kinds = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return kinds.get(type(value), type(value).__name__)

"""The little rich text an entry may hold, cleaned whoever writes it.

The admin's editor keeps to the features below, but `post_entry` also takes text
from other code (the breaking-news desk, imports), so the stored HTML is cleaned
to the same elements whatever its source.
"""

from bs4 import Tag
from django.utils.html import escape, linebreaks
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule
from wagtail.whitelist import check_url as allowed_url

ENTRY_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# Elements whose content is code or chrome, not words: dropped with their content.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template"}


def _digits_only(value: str) -> str | None:
    return value if value.isascii() and value.isdigit() else None


def _page_link_type(value: str) -> str | None:
    return value if value == "page" else None


class EntryWhitelister(Whitelister):
    element_rules = {
        "[document]": allow_without_attributes,
        "p": allow_without_attributes,
        "br": allow_without_attributes,
        "b": allow_without_attributes,
        "strong": allow_without_attributes,
        "i": allow_without_attributes,
        "em": allow_without_attributes,
        "ul": allow_without_attributes,
        "ol": allow_without_attributes,
        "li": allow_without_attributes,
        # Wagtail's stored form of links: external (href) or to a page (id).
        "a": attribute_rule(
            {"href": allowed_url, "linktype": _page_link_type, "id": _digits_only}
        ),
    }

    def clean_tag_node(self, doc, tag: Tag):
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


def clean_entry_html(text: str) -> str:
    """Stored rich text from HTML, or from plain text (one paragraph per blank
    line) when `text` does not start with a tag."""
    text = text.strip()
    if not text:
        return ""
    if not text.startswith("<"):
        return linebreaks(escape(text))
    return EntryWhitelister().clean(text).strip()

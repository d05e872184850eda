"""The normalised copy of an article's text that the search index keeps."""

import html

from django.utils.html import strip_tags

from masthead.common.normalise import normalise


def article_text(page) -> str:
    """Headline, standfirst and the body's words, without markup.

    Reads the body's stored form, so indexing costs no query for the pictures or
    linked stories a body refers to.
    """
    texts = [page.title, page.standfirst]
    for block in page.body.raw_data:
        value = block["value"]
        if block["type"] == "paragraph":
            texts.append(html.unescape(strip_tags(value)))
        elif block["type"] == "subheading":
            texts.append(value)
        elif block["type"] == "quote":
            texts.extend([value.get("text", ""), value.get("attribution", "")])
    return " ".join(text for text in texts if text)


def normalised_article_text(page) -> str:
    return normalise(article_text(page))

"""Newsroom operations on live blogs.

The admin's form, the breaking-news desk and the demo all post through
`post_entry`, so an entry is cleaned, validated and recorded the same way whoever
posts it; the signal handlers then refresh the page and its feed.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .models import LiveBlogEntry, LiveBlogPage
from .rich_text import clean_entry_html


def post_entry(
    blog: LiveBlogPage,
    *,
    body: str,
    headline: str = "",
    author=None,
    is_key_event: bool = False,
    image=None,
    image_alt: str = "",
    embed_url: str = "",
    posted_at: datetime | None = None,
    user=None,
) -> LiveBlogEntry:
    """Publish an update on the blog at once: open pages offer it within seconds.

    `body` is rich text (HTML, cleaned to the entry's few elements) or plain text
    (a paragraph per blank line). Raises ValidationError, saving nothing, when the
    entry is empty, its picture undescribed or its link not one we accept.
    """
    entry = LiveBlogEntry(
        blog=blog,
        body=clean_entry_html(body),
        headline=headline.strip(),
        author=author,
        is_key_event=is_key_event,
        image=image,
        image_alt=image_alt.strip(),
        embed_url=embed_url.strip(),
        posted_at=posted_at or timezone.now(),
    )
    entry.full_clean()
    with transaction.atomic():
        entry.save()
        log(instance=entry, action="wagtail.create", user=user)
    return entry

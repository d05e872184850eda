"""Newsroom operations on breaking news.

The admin views, the demo loader and (later) the API all publish, edit and withdraw
through these functions, so each operation validates, records who did it in the
history and refreshes the tickers the same way whoever calls it.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Locale

from masthead.articles.models import ArticlePage
from masthead.live.actions import post_entry
from masthead.live.models import LiveBlogPage

from .models import BreakingItem
from .ticker import forget_tickers

WITHDRAW_LOG_ACTION = "breaking.withdraw"


def publish_breaking_item(
    *,
    locale: Locale,
    text: str,
    attribution: str = "",
    story: ArticlePage | None = None,
    user=None,
    published_at: datetime | None = None,
    expires_at: datetime | None = None,
    live_blog: LiveBlogPage | None = None,
) -> BreakingItem:
    """Put a new line on the edition's ticker at once, and on `live_blog` as a key
    event when one is given: both or neither.

    Raises ValidationError (nothing is saved) when the line breaks a rule: too long,
    empty, or expiring before it is published.
    """
    item = BreakingItem(
        locale=locale,
        text=text,
        attribution=attribution,
        story=story,
        published_at=published_at or timezone.now(),
        expires_at=expires_at,
        published_by=user,
    )
    item.full_clean()
    with transaction.atomic():
        item.save()
        log(instance=item, action="wagtail.create", user=user)
        if live_blog is not None:
            post_entry(
                live_blog,
                body=item.text,
                is_key_event=True,
                posted_at=item.published_at,
                user=user,
            )
        transaction.on_commit(forget_tickers)
    return item


def save_breaking_item_changes(item: BreakingItem, *, user=None) -> BreakingItem:
    """Save an editor's corrections to a line (text, attribution, story, expiry)."""
    item.full_clean()
    with transaction.atomic():
        item.save()
        log(instance=item, action="wagtail.edit", user=user)
        # Every edition: the correction may have moved the line to another one.
        transaction.on_commit(forget_tickers)
    return item


def withdraw_breaking_item(
    item: BreakingItem, *, user=None, at: datetime | None = None
) -> BreakingItem:
    """Take a line off the ticker. Withdrawing twice changes nothing."""
    if item.withdrawn_at is not None:
        return item
    item.withdrawn_at = at or timezone.now()
    item.withdrawn_by = user
    with transaction.atomic():
        item.save(update_fields=["withdrawn_at", "withdrawn_by"])
        log(instance=item, action=WITHDRAW_LOG_ACTION, user=user)
        transaction.on_commit(forget_tickers)
    return item

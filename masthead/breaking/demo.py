"""Breaking news for the demo newsroom, from `demo/content/<language>/breaking.json`."""

from collections.abc import Callable, Iterable
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from masthead.articles.models import ArticlePage

from .actions import publish_breaking_item
from .models import BreakingItem


def load_breaking_items(
    locale: Locale,
    entries: Iterable[dict],
    find_article: Callable[[str], ArticlePage | None],
) -> list[BreakingItem]:
    """Publish the entries not yet in the edition; return the ones created.

    An entry is {"attribution", "text", "minutes_ago", "link": article slug or
    null}. A line already in the edition (same text) is left alone, so loading
    twice adds nothing.
    """
    now = timezone.now()
    existing = set(
        BreakingItem.objects.filter(locale=locale).values_list("text", flat=True)
    )
    created = []
    for entry in entries:
        if entry["text"] in existing:
            continue
        created.append(
            publish_breaking_item(
                locale=locale,
                text=entry["text"],
                attribution=entry.get("attribution") or "",
                story=find_article(entry["link"]) if entry.get("link") else None,
                published_at=now - timedelta(minutes=entry["minutes_ago"]),
            )
        )
        existing.add(entry["text"])
    return created

"""The live ticker of one edition: built in one query, kept in the cache.

Every public page shows the ticker and every open page polls it, so the list is
built once and served from the cache as ready-made JSON with its ETag. Publishing,
editing and withdrawing invalidate it (see `actions.py`). The cache entry also lives
no longer than the next expiry among its items, and never longer than
`MASTHEAD_TICKER_CACHE_SECONDS`: that bound is what keeps a per-process cache (the
default, one per server worker) and the links to stories that get unpublished
correct within the delivery target.
"""

import hashlib
import json
import math
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.utils import dateformat, timezone

from masthead.editions.formatting import formats_for

from .models import BreakingItem

TICKER_LENGTH = 10
CACHE_KEY = "breaking:ticker:{language_code}"
# Defaults for the settings of the same names; docs/decisions/0003 explains them.
DEFAULT_CACHE_SECONDS = 1
DEFAULT_POLL_SECONDS = 2


def cache_seconds() -> float:
    return float(
        getattr(settings, "MASTHEAD_TICKER_CACHE_SECONDS", DEFAULT_CACHE_SECONDS)
    )


def poll_seconds() -> float:
    return float(
        getattr(settings, "MASTHEAD_TICKER_POLL_SECONDS", DEFAULT_POLL_SECONDS)
    )


@dataclass(frozen=True)
class Ticker:
    """What pages and the JSON endpoint show: plain data, no model instances."""

    items: tuple[dict, ...]
    json: bytes
    etag: str
    # Seconds until the first of these items expires (None: nothing to expire).
    expires_in: float | None


def build_ticker(language_code: str, now: datetime | None = None) -> Ticker:
    """The edition's latest live items, newest first, in one query."""
    now = now or timezone.now()
    rows = list(
        BreakingItem.objects.live(now)
        .for_edition(language_code)
        .select_related("story", "story__locale")
        .order_by("-published_at", "-pk")[:TICKER_LENGTH]
    )
    formats = formats_for(language_code)
    items = tuple(_item_data(row, formats) for row in rows)
    body = json.dumps(
        {"edition": language_code, "items": items},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    expires_in = None
    if rows:
        expires_in = (min(row.expires_at for row in rows) - now).total_seconds()
    return Ticker(items=items, json=body, etag=_etag(body), expires_in=expires_in)


def _item_data(item: BreakingItem, formats) -> dict:
    # In the edition's own time zone and digits, whoever's request built it.
    published = timezone.localtime(item.published_at, ZoneInfo(formats.time_zone))
    story = item.story
    return {
        "id": item.pk,
        "attribution": item.attribution,
        "text": item.text,
        "url": story.get_url() if story is not None and story.live else None,
        "published_at": published.isoformat(timespec="seconds"),
        "time": formats.localise_digits(
            dateformat.format(published, formats.time_format)
        ),
    }


def _etag(body: bytes) -> str:
    return f'"{hashlib.blake2b(body, digest_size=10).hexdigest()}"'


def cache_timeout(ticker: Ticker) -> int:
    """Whole seconds to keep a ticker: until its first expiry, within the bound."""
    timeout = cache_seconds()
    if ticker.expires_in is not None:
        timeout = min(timeout, ticker.expires_in)
    # Cache back ends count in whole seconds; 0 would mean "keep forever" to some.
    return max(1, math.ceil(timeout))


def live_ticker(language_code: str) -> Ticker:
    """The edition's ticker, from the cache when it is there (no query at all)."""
    key = CACHE_KEY.format(language_code=language_code)
    ticker = cache.get(key)
    if ticker is None:
        ticker = build_ticker(language_code)
        cache.set(key, ticker, cache_timeout(ticker))
    return ticker


def forget_tickers() -> None:
    """Drop every edition's cached ticker; the next reader rebuilds it."""
    cache.delete_many(
        [CACHE_KEY.format(language_code=code) for code, _name in settings.LANGUAGES]
    )

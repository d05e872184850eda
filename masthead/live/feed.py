"""The JSON that open live blogs poll: the entries posted since the reader's last.

A blog's latest entries are rendered once per cache lifetime (one second, like the
breaking ticker's) as the same HTML the page shows, so that the page and the feed
share one template. Each poll filters that snapshot by its `since` and answers a
bodiless 304 when the reader already has the result.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .editions import in_edition
from .entries import ENTRIES_SHOWN, attach_author_urls, entries_of
from .models import LiveBlogPage

CACHE_KEY = "live:feed:{blog_id}"
CACHE_SECONDS = 1
MAX_SINCE_LENGTH = 40


class BadSince(ValueError):
    """The `since` parameter is neither an entry id nor an ISO 8601 time."""


def parse_since(value: str) -> int | datetime | None:
    """An entry id, an aware time, or None for "everything recent"."""
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_SINCE_LENGTH:
        raise BadSince(_("since is too long."))
    if value.isascii() and value.isdigit():
        return int(value)
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise BadSince(_("since must be an entry id or an ISO 8601 date and time."))
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=UTC)
    return moment


@dataclass(frozen=True)
class FeedEntry:
    id: int
    posted_at: datetime
    data: dict


@dataclass(frozen=True)
class Snapshot:
    blog_id: int
    language_code: str
    status: str
    ended_at: datetime | None
    ended_notice: str
    entries: tuple[FeedEntry, ...]  # newest first

    @property
    def latest_id(self) -> int:
        return max((entry.id for entry in self.entries), default=0)


def build_snapshot(blog: LiveBlogPage, request=None) -> Snapshot:
    language_code = blog.locale.language_code
    with in_edition(language_code):
        entries = attach_author_urls(list(entries_of(blog)[:ENTRIES_SHOWN]), request)
        rendered = tuple(
            FeedEntry(entry.pk, entry.posted_at, _entry_data(entry, blog, request))
            for entry in entries
        )
        notice = "" if blog.is_live else str(_("This live blog has ended."))
    return Snapshot(
        blog_id=blog.pk,
        language_code=language_code,
        status=blog.status,
        ended_at=blog.ended_at,
        ended_notice=notice,
        entries=rendered,
    )


def _entry_data(entry, blog, request) -> dict:
    context = {"entry": entry, "page": blog}
    data = {
        "id": entry.pk,
        "posted_at": entry.posted_at.isoformat(timespec="seconds"),
        "key_event": entry.is_key_event,
        "html": render_to_string("live/_entry.html", context, request).strip(),
    }
    if entry.is_key_event:
        data["key_event_html"] = render_to_string(
            "live/_key_event.html", {"event": entry, "anchor": f"#{entry.anchor}"}
        ).strip()
    return data


def blog_snapshot(blog_id: int, request=None) -> Snapshot | None:
    """The blog's snapshot from the cache, else built; None for no live blog."""
    key = CACHE_KEY.format(blog_id=blog_id)
    snapshot = cache.get(key)
    if snapshot is None:
        blog = (
            LiveBlogPage.objects.live()
            .filter(pk=blog_id)
            .select_related("locale")
            .first()
        )
        if blog is None:
            return None
        snapshot = build_snapshot(blog, request)
        cache.set(key, snapshot, CACHE_SECONDS)
    return snapshot


def forget_snapshot(blog_id: int) -> None:
    cache.delete(CACHE_KEY.format(blog_id=blog_id))


def feed_body(snapshot: Snapshot, since: int | datetime | None) -> bytes:
    """The entries newer than `since`, as the poller's JSON."""
    if since is None:
        entries = snapshot.entries
    elif isinstance(since, int):
        entries = tuple(entry for entry in snapshot.entries if entry.id > since)
    else:
        entries = tuple(e for e in snapshot.entries if e.posted_at > since)
    count = len(entries)
    with in_edition(snapshot.language_code) as formats:
        label = ngettext("%(count)s new update", "%(count)s new updates", count) % {
            "count": formats.localise_digits(str(count))
        }
    payload = {
        "status": snapshot.status,
        "ended_at": (
            snapshot.ended_at.isoformat(timespec="seconds")
            if snapshot.ended_at
            else None
        ),
        "ended_notice": snapshot.ended_notice,
        "latest": snapshot.latest_id,
        "count": count,
        "label": label if count else "",
        "entries": [entry.data for entry in entries],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def etag_for(body: bytes) -> str:
    return f'"{hashlib.blake2b(body, digest_size=10).hexdigest()}"'

"""Where cached pages live: the database by default, Redis when REDIS_URL is set.

Both stores keep, per page, the response and the surrogate keys it carries, and
purge by key exactly. Both also remember when each key was last purged: a page whose
render began before a purge of one of its keys is dropped instead of kept, so a
render racing a publish cannot leave the old version behind.
"""

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection, transaction


@dataclass
class Entry:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    body_gzip: bytes
    body_br: bytes
    expires_at: float

    @property
    def fresh(self) -> bool:
        return self.expires_at > time.time()


class DatabaseStore:
    def get(self, cache_key: str) -> Entry | None:
        from .models import CachedResponse

        table = CachedResponse._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT status, headers, body, body_gzip, body_br, expires_at "  # noqa: S608
                f"FROM {table} WHERE cache_key = %s",
                [cache_key],
            )
            row = cursor.fetchone()
        if row is None:
            return None
        status, headers, body, body_gzip, body_br, expires_at = row
        if isinstance(headers, str):
            headers = json.loads(headers)
        if isinstance(expires_at, str):
            expires_at = datetime.fromisoformat(expires_at)
        if expires_at.tzinfo is None:
            expires_at = expires_at.replace(tzinfo=UTC)
        return Entry(
            status,
            [tuple(header) for header in headers],
            bytes(body),
            bytes(body_gzip),
            bytes(body_br),
            expires_at.timestamp(),
        )

    def generation(self):
        """Changes whenever anything is purged (the time of the latest purge)."""
        from .models import PurgedKey

        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MAX(purged_at) FROM {PurgedKey._meta.db_table}")  # noqa: S608
            return cursor.fetchone()[0]

    def put(self, cache_key, url, entry: Entry, keys: set[str], started: float) -> bool:
        from .models import CachedResponse, CachedResponseKey, PurgedKey

        with transaction.atomic():
            CachedResponse.objects.filter(cache_key=cache_key).delete()
            if PurgedKey.objects.filter(key__in=keys, purged_at__gte=started).exists():
                return False  # purged while rendering: this render may be stale
            response = CachedResponse.objects.create(
                cache_key=cache_key,
                url=url,
                status=entry.status,
                headers=entry.headers,
                body=entry.body,
                body_gzip=entry.body_gzip,
                body_br=entry.body_br,
                stored_at=datetime.now(UTC),
                expires_at=datetime.fromtimestamp(entry.expires_at, UTC),
            )
            CachedResponseKey.objects.bulk_create(
                [CachedResponseKey(response=response, key=key) for key in keys]
            )
        # A purge committed while this transaction ran could not see the new row.
        if PurgedKey.objects.filter(key__in=keys, purged_at__gte=started).exists():
            CachedResponse.objects.filter(cache_key=cache_key).delete()
            return False
        return True

    def purge(self, keys: set[str]) -> int:
        from .models import CachedResponse, PurgedKey

        now = time.time()
        with transaction.atomic():
            for key in keys:
                PurgedKey.objects.update_or_create(key=key, defaults={"purged_at": now})
            _deleted, by_model = CachedResponse.objects.filter(
                keys__key__in=keys
            ).delete()
        return by_model.get(CachedResponse._meta.label, 0)

    def clear(self) -> None:
        from .models import CachedResponse, PurgedKey

        CachedResponse.objects.all().delete()
        PurgedKey.objects.all().delete()

    def prune(self) -> int:
        from .models import CachedResponse, PurgedKey

        now = datetime.now(UTC)
        deleted, _ = CachedResponse.objects.filter(expires_at__lt=now).delete()
        # Keep the newest purge: its time is the cache's generation.
        newest = PurgedKey.objects.order_by("-purged_at").first()
        PurgedKey.objects.filter(
            purged_at__lt=time.time() - settings.PAGE_CACHE_SECONDS
        ).exclude(pk=getattr(newest, "pk", None)).delete()
        return deleted


class RedisStore:
    PREFIX = "masthead:pages:"

    def __init__(self, url: str):
        import redis

        self.redis = redis.Redis.from_url(url)

    def _page(self, cache_key):
        return f"{self.PREFIX}page:{cache_key}"

    def _members(self, key):
        return f"{self.PREFIX}key:{key}"

    def _purged(self, key):
        return f"{self.PREFIX}purged:{key}"

    def generation(self):
        return self.redis.get(f"{self.PREFIX}generation")

    def get(self, cache_key: str) -> Entry | None:
        values = self.redis.hmget(
            self._page(cache_key),
            ["status", "headers", "body", "body_gzip", "body_br", "expires_at"],
        )
        if values[0] is None:
            return None
        status, headers, body, body_gzip, body_br, expires_at = values
        return Entry(
            int(status),
            [tuple(header) for header in json.loads(headers)],
            body,
            body_gzip,
            body_br,
            float(expires_at),
        )

    def put(self, cache_key, url, entry: Entry, keys: set[str], started: float) -> bool:
        ttl = max(1, int(entry.expires_at - time.time()) + 60)
        page = self._page(cache_key)
        pipe = self.redis.pipeline()
        pipe.hset(
            page,
            mapping={
                "url": url,
                "status": entry.status,
                "headers": json.dumps(entry.headers),
                "body": entry.body,
                "body_gzip": entry.body_gzip,
                "body_br": entry.body_br,
                "expires_at": entry.expires_at,
            },
        )
        pipe.expire(page, ttl)
        for key in keys:
            pipe.sadd(self._members(key), cache_key)
            pipe.expire(self._members(key), ttl)
        pipe.execute()
        # Checked after storing: a purge that ran meanwhile has either deleted this
        # entry already or left its time here for us to see.
        purged = self.redis.mget([self._purged(key) for key in keys]) if keys else []
        if any(value is not None and float(value) >= started for value in purged):
            self.redis.delete(page)
            return False
        return True

    def purge(self, keys: set[str]) -> int:
        now = time.time()
        pipe = self.redis.pipeline()
        pipe.incr(f"{self.PREFIX}generation")
        for key in keys:
            pipe.set(self._purged(key), now, ex=settings.PAGE_CACHE_SECONDS + 60)
            pipe.smembers(self._members(key))
            pipe.delete(self._members(key))
        results = pipe.execute()[1:]
        pages = {member for members in results[1::3] for member in members}
        if pages:
            self.redis.delete(*(self._page(member.decode()) for member in pages))
        return len(pages)

    def clear(self) -> None:
        for name in self.redis.scan_iter(f"{self.PREFIX}*"):
            self.redis.delete(name)

    def prune(self) -> int:
        return 0  # Redis expires entries itself


_store = None


def get_store():
    global _store
    if _store is None:
        _store = (
            RedisStore(settings.REDIS_URL) if settings.REDIS_URL else DatabaseStore()
        )
    return _store


def reset_store() -> None:
    global _store
    _store = None

"""The Redis store keeps and purges pages exactly as the database store does."""

import time

import pytest

from masthead.caching.store import Entry

pytestmark = pytest.mark.django_db


def entry(body=b"<p>page</p>"):
    return Entry(
        200, [("Content-Type", "text/html")], body, b"gz", b"br", time.time() + 60
    )


def test_put_get_and_purge_by_key(redis_store):
    redis_store.put(
        "a", "http://x/a", entry(b"A"), {"page:1", "listing:9"}, time.time()
    )
    redis_store.put(
        "b", "http://x/b", entry(b"B"), {"page:2", "listing:9"}, time.time()
    )
    redis_store.put("c", "http://x/c", entry(b"C"), {"page:3"}, time.time())

    assert redis_store.get("a").body == b"A"
    assert redis_store.purge({"listing:9"}) == 2

    assert redis_store.get("a") is None
    assert redis_store.get("b") is None
    assert redis_store.get("c").body == b"C"


def test_a_render_older_than_a_purge_is_dropped(redis_store):
    started = time.time()
    redis_store.purge({"page:1"})

    assert not redis_store.put("a", "http://x/a", entry(), {"page:1"}, started - 1)
    assert redis_store.get("a") is None


def test_pages_served_through_redis(redis_store, client, article):
    from django.test import Client

    Client().get(article.url)

    assert redis_store.purge({f"page:{article.pk}"}) == 1

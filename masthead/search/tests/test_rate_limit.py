"""One client may search only so often; others are not held back by it."""

import pytest
from django.core.cache import cache

from masthead.common import ratelimit

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch, settings):
    settings.SEARCH_RATE_LIMIT = (3, 60)
    now = {"time": 1_800_000_000.0}  # the start of a window
    monkeypatch.setattr(ratelimit, "clock", lambda: now["time"])
    return now


def search(client, address="198.51.100.7", **headers):
    return client.get("/search/", {"q": "budget"}, REMOTE_ADDR=address, **headers)


def test_the_request_over_the_limit_gets_a_friendly_429(client, home, clock):
    statuses = [search(client).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    refused = search(client)
    assert "Too many searches" in refused.content.decode()
    assert int(refused["Retry-After"]) == 60


def test_searching_works_again_in_the_next_window(client, home, clock):
    for _ in range(4):
        search(client)

    clock["time"] += 60

    assert search(client).status_code == 200


def test_each_client_has_its_own_budget(client, home, clock):
    for _ in range(4):
        search(client, "198.51.100.7")

    assert search(client, "198.51.100.8").status_code == 200


def test_behind_a_proxy_the_address_it_appended_counts(client, home, clock, settings):
    settings.CLIENT_ADDRESS_HEADER = "X-Forwarded-For"
    for number in range(4):
        # The client forges the left-hand entries; the proxy appends the real one.
        search(
            client, "10.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}, 192.0.2.9"
        )

    assert (
        search(client, "10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.9").status_code == 429
    )
    assert (
        search(client, "10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 200
    )


def test_no_raw_address_is_stored(client, home, clock, settings):
    # A local-memory cache, whatever the environment uses, so its keys can be read.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "rate-limit-test",
        }
    }
    search(client, "198.51.100.7")

    keys = list(cache._cache.keys())
    assert any("rate:search:" in key for key in keys)
    assert not any("198.51.100.7" in key for key in keys)

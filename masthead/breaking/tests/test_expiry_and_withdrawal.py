"""Lines leave the ticker when they expire or are withdrawn, and not before."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from masthead.breaking.actions import withdraw_breaking_item
from masthead.breaking.models import BreakingItem
from masthead.breaking.tests.factories import BreakingItemFactory
from masthead.breaking.ticker import build_ticker, cache_timeout, live_ticker

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def live_texts(now):
    return list(BreakingItem.objects.live(now).values_list("text", flat=True))


def ticker_texts():
    return [item["text"] for item in live_ticker("en").items]


def test_an_item_is_live_until_its_expiry(home):
    BreakingItemFactory(text="Ceasefire talks resume", published_at=NOW)

    assert live_texts(NOW + timedelta(hours=23, minutes=59)) == [
        "Ceasefire talks resume"
    ]
    assert live_texts(NOW + timedelta(hours=24)) == []


def test_an_editor_can_shorten_the_life_of_an_item(home):
    BreakingItemFactory(
        text="Storm warning", published_at=NOW, expires_at=NOW + timedelta(hours=1)
    )

    assert live_texts(NOW + timedelta(minutes=59)) == ["Storm warning"]
    assert live_texts(NOW + timedelta(minutes=61)) == []


def test_an_expired_item_is_not_on_the_ticker(home):
    BreakingItemFactory(text="Yesterday's line", published_at=NOW - timedelta(hours=25))
    BreakingItemFactory(text="Today's line")

    assert ticker_texts() == ["Today's line"]


def test_the_cache_keeps_a_ticker_no_longer_than_its_first_expiry(home, settings):
    settings.MASTHEAD_TICKER_CACHE_SECONDS = 300
    BreakingItemFactory(published_at=NOW, expires_at=NOW + timedelta(seconds=40))
    BreakingItemFactory(published_at=NOW, expires_at=NOW + timedelta(hours=3))

    ticker = build_ticker("en", now=NOW + timedelta(seconds=30.5))

    assert cache_timeout(ticker) == 10


def test_the_cache_keeps_a_ticker_no_longer_than_the_setting(home, settings):
    settings.MASTHEAD_TICKER_CACHE_SECONDS = 3
    BreakingItemFactory(published_at=NOW)

    assert cache_timeout(build_ticker("en", now=NOW)) == 3


def test_withdrawing_takes_the_line_off_the_ticker_at_once(
    home, desk_editor, long_cache, django_capture_on_commit_callbacks
):
    item = BreakingItemFactory(text="Unconfirmed report")
    BreakingItemFactory(text="Confirmed report")
    assert ticker_texts() == ["Confirmed report", "Unconfirmed report"]

    with django_capture_on_commit_callbacks(execute=True):
        withdraw_breaking_item(item, user=desk_editor)

    assert ticker_texts() == ["Confirmed report"]
    item.refresh_from_db()
    assert item.withdrawn_by == desk_editor
    assert item.status() == BreakingItem.Status.WITHDRAWN
    assert ModelLogEntry.objects.filter(
        action="breaking.withdraw", object_id=str(item.pk), user=desk_editor
    ).exists()


def test_withdrawing_twice_keeps_the_first_withdrawal(home, desk_editor):
    item = BreakingItemFactory()
    withdraw_breaking_item(item, user=desk_editor, at=NOW)

    withdraw_breaking_item(item, user=None, at=NOW + timedelta(minutes=5))

    item.refresh_from_db()
    assert (item.withdrawn_at, item.withdrawn_by) == (NOW, desk_editor)
    assert ModelLogEntry.objects.filter(action="breaking.withdraw").count() == 1

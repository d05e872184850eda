"""The rules every breaking item keeps, whoever writes it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale

from masthead.breaking.actions import publish_breaking_item
from masthead.breaking.models import BreakingItem

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def publish(**fields):
    return publish_breaking_item(locale=Locale.get_default(), **fields)


def test_a_line_of_280_characters_is_accepted():
    item = publish(text="x" * 280)

    assert BreakingItem.objects.get().text == item.text


def test_a_line_of_281_characters_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as refused:
        publish(text="x" * 281)

    assert refused.value.message_dict["text"] == [
        "Keep breaking news to 280 characters; this has 281."
    ]
    assert not BreakingItem.objects.exists()


def test_a_line_needs_text():
    with pytest.raises(ValidationError) as refused:
        publish(text="   ", attribution="Israeli media")

    assert "text" in refused.value.message_dict
    assert not BreakingItem.objects.exists()


def test_expiry_defaults_to_24_hours_after_publication():
    item = publish(text="Airport reopens", published_at=NOW - timedelta(hours=2))

    assert item.expires_at == NOW + timedelta(hours=22)


def test_expiry_must_follow_publication():
    with pytest.raises(ValidationError) as refused:
        publish(text="Airport reopens", published_at=NOW, expires_at=NOW)

    assert refused.value.message_dict["expires_at"] == [
        "The expiry must come after the publication time."
    ]


def test_the_attribution_comes_first_in_the_headline():
    with_source = BreakingItem(attribution="Israeli media", text="Three drones")
    without = BreakingItem(text="Brent crude rises above $85")

    assert with_source.headline == "Israeli media: Three drones"
    assert without.headline == "Brent crude rises above $85"


def test_status_follows_expiry_and_withdrawal():
    item = BreakingItem(published_at=NOW, expires_at=NOW + timedelta(hours=1))

    assert item.status(NOW) == BreakingItem.Status.LIVE
    assert item.status(NOW + timedelta(hours=1)) == BreakingItem.Status.EXPIRED
    item.withdrawn_at = NOW
    assert item.status(NOW) == BreakingItem.Status.WITHDRAWN

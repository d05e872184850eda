"""The demo newsroom's breaking news."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from masthead.breaking.demo import load_breaking_items
from masthead.breaking.models import BreakingItem
from masthead.demo.loader import read_json

pytestmark = pytest.mark.django_db

ENTRIES = [
    {"attribution": "Israeli media", "text": "Three drones launched",
     "minutes_ago": 5, "link": "ministers-affirm-partnership"},
    {"attribution": "", "text": "Brent crude rises above $85",
     "minutes_ago": 90, "link": None},
    {"attribution": "Agencies", "text": "Earthquake off northern Chile",
     "minutes_ago": 30, "link": "no-such-story"},
]  # fmt: skip


def find_in(articles):
    return lambda slug: articles.get(slug)


def test_lines_are_published_with_their_age_and_story(article):
    locale = Locale.get_default()
    before = timezone.now()
    created = load_breaking_items(locale, ENTRIES, find_in({article.slug: article}))
    after = timezone.now()

    assert [item.text for item in created] == [entry["text"] for entry in ENTRIES]
    drones, crude, quake = created
    assert drones.story == article
    assert (crude.story, quake.story) == (None, None)
    assert drones.attribution == "Israeli media"
    five_minutes = timedelta(minutes=5)
    assert before - five_minutes <= drones.published_at <= after - five_minutes
    assert all(item.is_live for item in created)


def test_loading_twice_adds_nothing(home):
    locale = Locale.get_default()
    load_breaking_items(locale, ENTRIES, find_in({}))

    again = load_breaking_items(locale, ENTRIES, find_in({}))

    assert again == []
    assert BreakingItem.objects.count() == len(ENTRIES)


@pytest.mark.parametrize("language", ["en", "ar", "es"])
def test_every_editions_demo_file_loads(home, language):
    locale, _ = Locale.objects.get_or_create(language_code=language)

    created = load_breaking_items(locale, read_json(language, "breaking"), find_in({}))

    assert len(created) == 10
    assert BreakingItem.objects.live().for_edition(language).count() == 10

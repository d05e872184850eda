"""The demo newsroom ends with Read Next computed and a week of views."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from masthead.articles.models import ArticlePage
from masthead.common.bulk import bulk_load
from masthead.demo.loader import load_demo_newsroom
from masthead.discovery.demo import load_discovery_demo
from masthead.discovery.models import ArticleViewCount, ReadNextRecommendation
from masthead.discovery.ranking import MOST_READ_SIZE, ranked_ids

from .conftest import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(politics):
    return [
        make_story(politics, title=f"Story {n}", tags=["Iran"], age=timedelta(hours=h))
        for n, h in enumerate((2, 9, 20, 40, 70, 120, 400))
    ]


def load(language="en") -> dict[str, int]:
    created: dict[str, int] = {}

    def count(kind):
        created[kind] = created.get(kind, 0) + 1

    load_discovery_demo(Locale.objects.get(language_code=language), count)
    return created


def test_every_story_gets_read_next_and_the_week_gets_views(newsroom):
    created = load()

    for story in newsroom:
        assert ReadNextRecommendation.objects.filter(article=story).exists()
    assert created["Read Next lists"] == len(newsroom)
    assert created["hourly view counts"] == ArticleViewCount.objects.count() > 100
    oldest_hour = ArticleViewCount.objects.order_by("hour").first().hour
    assert timezone.now() - oldest_hour < timedelta(days=7)
    # Stories published within the week are read; the month-old one is not.
    viewed = set(ArticleViewCount.objects.values_list("article_id", flat=True))
    assert viewed == {story.pk for story in newsroom[:-1]}
    assert len(ranked_ids("en", timezone.now(), MOST_READ_SIZE)) >= 4


def test_loading_again_adds_nothing(newsroom):
    load()
    counts = ArticleViewCount.objects.count(), ReadNextRecommendation.objects.count()

    assert load() == {}
    assert (
        ArticleViewCount.objects.count(),
        ReadNextRecommendation.objects.count(),
    ) == (counts)


def test_the_demo_loader_ends_with_discovery(home):
    # As the demo command loads it: pictures and Read Next left to the loader.
    with bulk_load():
        report = load_demo_newsroom("en", render_images=False)

    live = ArticlePage.objects.live().filter(locale__language_code="en")
    assert live.count() >= 60
    assert not live.filter(read_next_recommendations__isnull=True).exists()
    assert report.created["hourly view counts"] > 0
    assert len(ranked_ids("en", timezone.now(), MOST_READ_SIZE)) >= MOST_READ_SIZE

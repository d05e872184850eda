"""Hourly counters: atomic increments, hour buckets and pruning."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.utils import timezone

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.discovery.counting import count_view, hour_bucket, prune_view_counts
from masthead.discovery.models import ArticleViewCount
from masthead.front.setup import ensure_edition_home
from masthead.sections.tests.factories import SectionPageFactory

from .conftest import add_views


def test_an_hour_bucket_is_the_start_of_the_utc_hour():
    moment = datetime(2026, 3, 8, 14, 59, 59, 999_999, tzinfo=UTC)

    assert hour_bucket(moment) == datetime(2026, 3, 8, 14, tzinfo=UTC)
    plus_two = moment.astimezone(timezone.get_fixed_timezone(120))
    assert hour_bucket(plus_two) == datetime(2026, 3, 8, 14, tzinfo=UTC)


@pytest.mark.django_db
def test_counting_adds_to_the_hours_row(article):
    now = timezone.now()

    assert count_view(article.pk, now)
    assert count_view(article.pk, now)
    assert not count_view(article.pk + 1000, now)

    assert list(ArticleViewCount.objects.values_list("article_id", "views")) == [
        (article.pk, 2)
    ]


@pytest.mark.django_db
def test_pruning_keeps_eight_days(article):
    now = timezone.now()
    old = add_views(article, 3, hours_ago=8 * 24 + 1)
    recent = add_views(article, 4, hours_ago=8 * 24 - 1)

    assert prune_view_counts(now) == 1
    assert list(ArticleViewCount.objects.all()) == [recent]
    assert not ArticleViewCount.objects.filter(pk=old.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_views_are_all_counted_in_one_row():
    home = ensure_edition_home("en")
    story = ArticlePageFactory(parent=SectionPageFactory(parent=home))
    now = timezone.now()

    # Four workers share the counter: none may lose a view or add a second row.
    def read_many(_worker):
        try:
            for _ in range(25):
                count_view(story.pk, now)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(read_many, range(4)))

    assert list(ArticleViewCount.objects.values_list("hour", "views")) == [
        (hour_bucket(now), 100)
    ]

"""Most Read and Read Next for the demo newsroom.

Read Next is recomputed for every story once all are loaded (each story was
computed when published, before the later ones existed), and a week of hourly
view counts is made up so that Most Read ranks something. Running it again adds
nothing: unchanged lists are left alone and counts are made only for an edition
that has none.
"""

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.models import Locale

from masthead.articles.models import ArticlePage

from .counting import hour_bucket
from .models import ArticleViewCount
from .ranking import FALLBACK_WINDOW
from .read_next import store_read_next

HOUR = timedelta(hours=1)
# A story is read most in its first hours, then by a trickle of late readers.
FIRST_HOUR_VIEWS = (40, 400)
READERSHIP_HALF_LIFE_HOURS = 12
LATE_READERS = 0.03


def load_discovery_demo(
    locale: Locale, count: Callable[[str], None] = lambda kind: None
) -> None:
    """Compute Read Next for the edition's stories and give it a week of views;
    `count(kind)` is called for each list or counter written."""
    now = timezone.now()
    articles = list(
        ArticlePage.objects.live().filter(locale=locale).order_by("first_published_at")
    )
    for article in articles:
        if store_read_next(article, now):
            count("Read Next lists")
    for _row in _invent_views(locale, articles, now):
        count("hourly view counts")


def _invent_views(
    locale: Locale, articles: list[ArticlePage], now: datetime
) -> list[ArticleViewCount]:
    this_hour = hour_bucket(now)
    first_hour = this_hour - FALLBACK_WINDOW + HOUR
    if ArticleViewCount.objects.filter(
        article__locale=locale, hour__gte=first_hour
    ).exists():
        return []
    rows = []
    # Only the week's stories are read: older ones would add thousands of rows of
    # trickle that Most Read never shows.
    for article in (a for a in articles if a.first_published_at >= first_hour):
        # Seeded by the slug, so every load of the demo tells the same story.
        chance = random.Random(article.slug)  # noqa: S311 (demo figures, not secrets)
        first_hour_views = chance.randint(*FIRST_HOUR_VIEWS)
        hour = hour_bucket(article.first_published_at)
        while hour <= this_hour:
            age_hours = (hour - article.first_published_at) / HOUR
            fading = 0.5 ** (max(age_hours, 0) / READERSHIP_HALF_LIFE_HOURS)
            views = round(
                first_hour_views * (fading + LATE_READERS) * chance.uniform(0.7, 1.3)
            )
            if views:
                rows.append(ArticleViewCount(article=article, hour=hour, views=views))
            hour += HOUR
    return ArticleViewCount.objects.bulk_create(rows, batch_size=500)

"""Most Read: an edition's most viewed stories over a recent window.

The last 24 hours when the edition has enough traffic to rank; the last seven
days when it has not; padded with the latest stories when even a week is short.
"""

from datetime import datetime, timedelta

from django.db.models import Sum

from masthead.articles.models import ArticlePage
from masthead.common.listings import attach_sections, published_stories

from .counting import hour_bucket
from .models import ArticleViewCount

MOST_READ_SIZE = 5
RECENT_WINDOW = timedelta(hours=24)
FALLBACK_WINDOW = timedelta(days=7)
# With views on fewer stories than this in 24 hours, a day's ranking is noise.
THIN_TRAFFIC = 4
# Ids ranked beyond the size asked for, so that a story in a private section
# (dropped when the stories are fetched) still leaves a full list.
SPARE_IDS = 5


def most_viewed_ids(language: str, since: datetime, limit: int) -> list[int]:
    """Ids of the edition's live articles with the most views since `since`."""
    return list(
        ArticleViewCount.objects.filter(
            hour__gte=since,
            article__live=True,
            article__locale__language_code=language,
        )
        .values("article_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "-article__first_published_at", "-article_id")
        .values_list("article_id", flat=True)[:limit]
    )


def ranked_ids(language: str, now: datetime, size: int) -> list[int]:
    # Windows are whole hours ending with the current one: 24 buckets for a day.
    this_hour = hour_bucket(now)
    ranked = most_viewed_ids(
        language, this_hour - RECENT_WINDOW + timedelta(hours=1), size + SPARE_IDS
    )
    if len(ranked) < THIN_TRAFFIC:
        ranked = most_viewed_ids(
            language, this_hour - FALLBACK_WINDOW + timedelta(hours=1), size + SPARE_IDS
        )
    return ranked


def most_read_stories(
    language: str, now: datetime, size: int = MOST_READ_SIZE
) -> list[ArticlePage]:
    """The edition's Most Read stories, with their sections attached, in at most
    eight queries whatever the size."""
    ids = ranked_ids(language, now, size)
    published = published_stories()
    found = {story.pk: story for story in published.filter(pk__in=ids)}
    stories = [found[pk] for pk in ids if pk in found][:size]
    if len(stories) < size:
        stories += published.filter(locale__language_code=language).exclude(
            pk__in=[story.pk for story in stories]
        )[: size - len(stories)]
    return attach_sections(stories)

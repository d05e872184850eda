"""Hourly view counters: the only thing the Most Read beacon writes.

A view adds one to the (article, hour) row with a single INSERT … ON CONFLICT DO
UPDATE statement, which SQLite and PostgreSQL both run atomically: concurrent
beacons never lose a view or create a second row, and a flood only makes the
counter bigger. Rows older than the longest ranking window are pruned.
"""

from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.db import connection
from wagtail.models import Page

from masthead.articles.models import ArticlePage

from .models import ArticleViewCount

# The longest ranking window is seven days; one more day of margin lets an hour
# straddling the boundary finish before it goes.
RETENTION = timedelta(days=8)


def hour_bucket(moment: datetime) -> datetime:
    """The start of the UTC hour `moment` falls in."""
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def _upsert_sql() -> str:
    quote = connection.ops.quote_name
    counts = quote(ArticleViewCount._meta.db_table)
    articles = quote(ArticlePage._meta.db_table)
    pages = quote(Page._meta.db_table)
    # The SELECT yields a row only for a live article, so unknown ids, other page
    # types and unpublished stories insert nothing. (SQLite needs the WHERE clause
    # to tell the SELECT from the ON CONFLICT clause.)
    article_id, hour, views = (quote(name) for name in ("article_id", "hour", "views"))
    # Only quoted identifiers are formatted in; the values are query parameters.
    return (
        f"INSERT INTO {counts} ({article_id}, {hour}, {views}) "  # noqa: S608
        f"SELECT {articles}.page_ptr_id, %s, 1 FROM {articles} "
        f"INNER JOIN {pages} ON {pages}.id = {articles}.page_ptr_id "
        f"WHERE {articles}.page_ptr_id = %s AND {pages}.live "
        f"ON CONFLICT ({article_id}, {hour}) "
        f"DO UPDATE SET {views} = {counts}.{views} + 1"
    )


def count_view(article_id: int, moment: datetime) -> bool:
    """Add one view of the article in `moment`'s hour; False if it is not a live
    article (nothing is written then)."""
    hour = connection.ops.adapt_datetimefield_value(hour_bucket(moment))
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(), [hour, article_id])
        return cursor.rowcount > 0


def prune_view_counts(moment: datetime) -> int:
    """Delete the counters older than RETENTION; return how many went."""
    cutoff = hour_bucket(moment) - RETENTION
    deleted, _ = ArticleViewCount.objects.filter(hour__lt=cutoff).delete()
    return deleted


def prune_once_per_hour(moment: datetime) -> None:
    """Prune on the first counted view of each hour, so storage stays bounded
    without a scheduler; the shared cache makes the other workers skip it."""
    key = f"discovery:pruned:{hour_bucket(moment):%Y%m%d%H}"
    if cache.add(key, True, timeout=int(timedelta(hours=1).total_seconds())):
        prune_view_counts(moment)

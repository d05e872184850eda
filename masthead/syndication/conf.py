"""Limits of the machine-readable files; Django settings override the defaults."""

from django.conf import settings

# The sitemap protocol allows 50,000 URLs per file; tests use a small number to
# exercise the split.
DEFAULT_SITEMAP_PAGE_SIZE = 50_000
# Google News reads at most 1,000 stories from the last two days per sitemap.
NEWS_SITEMAP_HOURS = 48
NEWS_SITEMAP_MAX_URLS = 1_000
DEFAULT_FEED_ITEMS = 50


def sitemap_page_size() -> int:
    return int(
        getattr(settings, "SYNDICATION_SITEMAP_PAGE_SIZE", DEFAULT_SITEMAP_PAGE_SIZE)
    )


def feed_items() -> int:
    return int(getattr(settings, "SYNDICATION_FEED_ITEMS", DEFAULT_FEED_ITEMS))

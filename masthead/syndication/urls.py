"""Files for crawlers and feed readers, at the root of the site.

Feeds, sitemaps and the OpenSearch document of an edition carry its language in
the path (/feeds/ar/…), since these addresses sit outside the language prefixes.
"""

from django.urls import path, register_converter

from . import feeds, podcasts, views
from .converters import EditionConverter

register_converter(EditionConverter, "edition")

app_name = "syndication"


def feed_routes(route: str, feed_class, name: str) -> list:
    """The RSS and Atom versions of one feed: <route>.rss and <route>.atom."""
    return [
        path(
            f"feeds/<edition:language>/{route}.{format_name}",
            # Kept and purged by key like every page (masthead.caching).
            feed_class(format_name),
            name=f"{name}-{format_name}",
        )
        for format_name in ("rss", "atom")
    ]


urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap-index"),
    path(
        "sitemaps/<edition:language>/pages.xml",
        views.sitemap_pages,
        name="sitemap-pages",
    ),
    path(
        "sitemaps/<edition:language>/articles-<int:number>.xml",
        views.sitemap_articles,
        name="sitemap-articles",
    ),
    path(
        "sitemaps/<edition:language>/news.xml",
        views.sitemap_news,
        name="sitemap-news",
    ),
    path(
        "sitemaps/<edition:language>/videos.xml",
        views.sitemap_videos,
        name="sitemap-videos",
    ),
    path("opensearch/<edition:language>.xml", views.opensearch, name="opensearch"),
    *feed_routes("latest", feeds.LatestFeed, "feed-latest"),
    *feed_routes("sections/<path:section_path>", feeds.SectionFeed, "feed-section"),
    *feed_routes("tags/<str:slug>", feeds.TagFeed, "feed-tag"),
    *feed_routes("regions/<str:slug>", feeds.RegionFeed, "feed-region"),
    *feed_routes("authors/<str:slug>", feeds.AuthorFeed, "feed-author"),
    *feed_routes("coverage/<str:slug>", feeds.CoverageFeed, "feed-coverage"),
    # Podcasts are RSS only: the format podcast apps read.
    path(
        "feeds/<edition:language>/podcast.rss",
        podcasts.EditionPodcast(),
        name="podcast",
    ),
    path(
        "feeds/<edition:language>/podcast/sections/<path:section_path>.rss",
        podcasts.SectionPodcast(),
        name="podcast-section",
    ),
]

"""The video sitemap of an edition: each playable video with its thumbnail,
title, description, duration and the file or player to play it."""

from collections.abc import Iterator
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

from masthead.video.models import VideoPage
from masthead.video.sitemaps import video_sitemap_entries

from .editions import Edition
from .sitemaps import SITEMAP_NS, _in_chunks, w3c_datetime

VIDEO_NS = "http://www.google.com/schemas/sitemap-video/1.1"
MAX_VIDEOS = 50_000  # the protocol's limit for one file


def edition_videos(edition: Edition):
    return VideoPage.objects.live().public().descendant_of(edition.home)


def has_videos(edition: Edition) -> bool:
    return edition_videos(edition).exists()


def _video_xml(entry: dict) -> str:
    parts = [
        f"<url><loc>{escape(entry['page_url'])}</loc><video:video>",
        f"<video:thumbnail_loc>{escape(entry['thumbnail_url'])}</video:thumbnail_loc>",
        f"<video:title>{escape(entry['title'])}</video:title>",
        f"<video:description>{escape(entry['description'] or entry['title'])}"
        "</video:description>",
    ]
    if entry["content_url"]:
        parts.append(
            f"<video:content_loc>{escape(entry['content_url'])}</video:content_loc>"
        )
    else:
        parts.append(
            f"<video:player_loc>{escape(entry['player_url'])}</video:player_loc>"
        )
    if entry["duration"]:
        parts.append(f"<video:duration>{int(entry['duration'])}</video:duration>")
    if entry["publication_date"]:
        parts.append(
            "<video:publication_date>"
            f"{w3c_datetime(entry['publication_date'])}</video:publication_date>"
        )
    parts.append("</video:video></url>\n")
    return "".join(parts)


def write_video_urlset(edition: Edition) -> Iterator[str]:
    namespaces = f"xmlns={quoteattr(SITEMAP_NS)} xmlns:video={quoteattr(VIDEO_NS)}"
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {namespaces}>\n'
    entries = islice(video_sitemap_entries(edition_videos(edition)), MAX_VIDEOS)
    yield from _in_chunks(_video_xml(entry) for entry in entries)
    yield "</urlset>\n"


def with_video_files(editions) -> Iterator:
    """The index's files: each edition's own, then its video file if it has any."""
    from .sitemaps import SitemapFile, sitemap_files, sitemap_url

    editions = list(editions)
    yield from sitemap_files(editions)
    for edition in editions:
        newest = (
            edition_videos(edition)
            .order_by("-last_published_at")
            .values_list("last_published_at", flat=True)
            .first()
        )
        if newest is not None:
            language = edition.language_code
            yield SitemapFile(sitemap_url("sitemap-videos", language=language), newest)

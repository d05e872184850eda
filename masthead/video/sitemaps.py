"""What a Google video sitemap entry needs for each video page."""

from collections.abc import Iterator

from masthead.common.absolute import absolute_url

from .models import VideoPage, attach_encodings

SITEMAP_THUMBNAIL_SPEC = "fill-1200x675|format-jpeg"
DESCRIPTION_MAX_LENGTH = 2048  # Google's limit for <video:description>


def video_sitemap_entries(queryset) -> Iterator[dict]:
    """One entry per playable video page of `queryset` with a poster: its page,
    thumbnail, title, description, duration, and the file or stream
    (`content_url`) or the provider's player (`player_url`).

    Videos still being prepared, or without a poster, are left out: Google
    requires both a thumbnail and something to play.
    """
    if queryset.model is not VideoPage:  # a queryset of plain pages
        queryset = VideoPage.objects.filter(pk__in=queryset.values("pk"))
    pages = attach_encodings(
        queryset.select_related("lead_image").prefetch_related("lead_image__renditions")
    )
    for page in pages:
        poster = page.poster
        if poster is None or not page.is_ready:
            continue
        entry = {
            "page_url": absolute_url(page.get_url()),
            "thumbnail_url": absolute_url(
                poster.get_rendition(SITEMAP_THUMBNAIL_SPEC).url
            ),
            "title": page.title,
            "description": page.summary[:DESCRIPTION_MAX_LENGTH],
            "content_url": "",
            "player_url": "",
            "duration": page.running_seconds,
            "publication_date": page.first_published_at,
        }
        if page.embedded:
            entry["player_url"] = page.embedded.embed_url
        else:
            entry["content_url"] = absolute_url(page.media_url)
        yield entry

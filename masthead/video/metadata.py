"""What machines read about videos and series: schema.org JSON-LD."""

from django.utils.translation import get_language

from masthead.common.absolute import absolute_url
from masthead.common.structured_data import publisher
from masthead.media.renditions import SOCIAL_SPECS

SERIES_TYPES = {"tv": "TVSeries", "digital": "CreativeWorkSeries"}
SEASON_TYPES = {"tv": "TVSeason", "digital": "CreativeWorkSeason"}
EPISODE_TYPES = {"tv": "TVEpisode", "digital": "Episode"}


def iso_duration(seconds: int | float | None) -> str | None:
    """An ISO 8601 duration: 90 seconds is "PT1M30S"."""
    if seconds is None:
        return None
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if secs or text == "PT":
        text += f"{secs}S"
    return text


def thumbnail_urls(image) -> list[str]:
    """16:9, 4:3 and square crops of the poster, as search engines ask."""
    if image is None:
        return []
    renditions = image.get_renditions(*SOCIAL_SPECS)
    return [absolute_url(renditions[spec].url) for spec in SOCIAL_SPECS]


def without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def player_urls(page) -> dict:
    """Where the video itself is: the file or stream, or the provider's player."""
    if page.embedded:
        return {"embedUrl": page.embedded.embed_url}
    if page.media_url:
        return {"contentUrl": absolute_url(page.media_url)}
    return {}


def video_object(page, request, home) -> dict:
    canonical = absolute_url(page.get_url(request))
    published = page.first_published_at
    return without_empty(
        {
            "@context": "https://schema.org",
            "@type": "VideoObject",
            "@id": f"{canonical}#video",
            "name": page.title,
            "description": page.summary,
            "thumbnailUrl": thumbnail_urls(page.poster),
            "uploadDate": published.isoformat() if published else None,
            "duration": iso_duration(page.running_seconds),
            **player_urls(page),
            "url": canonical,
            "inLanguage": get_language(),
            "publisher": publisher(home),
        }
    )


def video_json_ld(page, request, *, home, series) -> list[dict]:
    blocks = [video_object(page, request, home)]
    if series is not None and page.episode_number is not None:
        canonical = absolute_url(page.get_url(request))
        blocks.append(
            {
                "@context": "https://schema.org",
                "@type": EPISODE_TYPES.get(series.kind, "Episode"),
                "@id": f"{canonical}#episode",
                "name": page.title,
                "url": canonical,
                "episodeNumber": page.episode_number,
                "partOfSeason": {
                    "@type": SEASON_TYPES.get(series.kind, "CreativeWorkSeason"),
                    "seasonNumber": page.season_number,
                },
                "partOfSeries": {
                    "@type": SERIES_TYPES.get(series.kind, "CreativeWorkSeries"),
                    "name": series.title,
                    "url": absolute_url(series.get_url(request)),
                },
                "video": {"@id": f"{canonical}#video"},
                "inLanguage": get_language(),
            }
        )
    return blocks


def series_json_ld(series, request, *, home, episodes) -> list[dict]:
    canonical = absolute_url(series.get_url(request))
    data = {
        "@context": "https://schema.org",
        "@type": SERIES_TYPES.get(series.kind, "CreativeWorkSeries"),
        "name": series.title,
        "description": series.summary,
        "url": canonical,
        "image": thumbnail_urls(series.lead_image),
        "inLanguage": get_language(),
        "publisher": publisher(home),
        "hasPart": [
            {
                "@type": EPISODE_TYPES.get(series.kind, "Episode"),
                "name": episode.title,
                "url": absolute_url(episode.get_url(request)),
                "episodeNumber": episode.episode_number,
            }
            for episode in episodes
        ],
    }
    if series.kind == "tv":
        data["numberOfEpisodes"] = len(episodes)
        data["numberOfSeasons"] = len({episode.season_number for episode in episodes})
    return [without_empty(data)]

"""What machines read about live coverage: schema.org LiveBlogPosting and the
channel's VideoObject with its BroadcastEvent."""

from masthead.common.absolute import absolute_url
from masthead.media.renditions import SOCIAL_SPECS

HEADLINE_LENGTH = 110


def _image_urls(image) -> list[str]:
    if not image:
        return []
    renditions = image.get_renditions(*SOCIAL_SPECS)
    return [absolute_url(renditions[spec].url) for spec in SOCIAL_SPECS]


def _entry_image_url(image) -> str | None:
    # One 16:9 size per entry picture: the page can show fifty of them.
    if not image:
        return None
    return absolute_url(image.get_rendition(SOCIAL_SPECS[0]).url)


def _author(entry) -> dict | None:
    author = entry.author
    if author is None:
        return None
    data = {
        "@type": "Organization" if author.is_desk else "Person",
        "name": author.name,
    }
    if getattr(entry, "author_url", ""):
        data["url"] = absolute_url(entry.author_url)
    return data


def _publisher(home) -> dict | None:
    if home is None:
        return None
    return {"@type": "Organization", "name": home.site_name}


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def blog_json_ld(blog, entries: list, request, *, home) -> dict:
    """The blog with its latest entries (`entries`, newest first, at most 50)."""
    canonical = absolute_url(blog.get_url(request))
    updates = [
        _without_empty(
            {
                "@type": "BlogPosting",
                "headline": entry.label[:HEADLINE_LENGTH],
                "articleBody": entry.text,
                "datePublished": entry.posted_at.isoformat(),
                "author": _author(entry),
                "url": f"{canonical}#{entry.anchor}",
                "image": _entry_image_url(entry.image),
            }
        )
        for entry in entries
    ]
    started = blog.first_published_at
    modified = entries[0].posted_at if entries else blog.last_published_at
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "LiveBlogPosting",
            "headline": blog.title[:HEADLINE_LENGTH],
            "description": blog.summary,
            "url": canonical,
            "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
            "image": _image_urls(blog.lead_image),
            "datePublished": started.isoformat() if started else None,
            "dateModified": modified.isoformat() if modified else None,
            "coverageStartTime": started.isoformat() if started else None,
            "coverageEndTime": (
                blog.ended_at.isoformat()
                if not blog.is_live and blog.ended_at
                else None
            ),
            "inLanguage": blog.locale.language_code,
            "publisher": _publisher(home),
            "liveBlogUpdate": updates,
        }
    )


def channel_json_ld(channel, request, *, current, home) -> dict:
    """The channel as a VideoObject broadcast live, naming what is on air."""
    canonical = absolute_url(channel.get_url(request))
    broadcast = {"@type": "BroadcastEvent", "isLiveBroadcast": True}
    if current is not None:
        broadcast.update(
            name=current.title,
            description=current.description or None,
            startDate=current.start_at.isoformat(),
            endDate=current.end_at.isoformat(),
        )
    published = channel.first_published_at
    return _without_empty(
        {
            "@context": "https://schema.org",
            "@type": "VideoObject",
            "name": channel.title,
            "description": channel.intro or channel.title,
            "url": canonical,
            "embedUrl": canonical,
            "contentUrl": absolute_url(channel.stream_url),
            "encodingFormat": "application/vnd.apple.mpegurl",
            "thumbnailUrl": _image_urls(channel.lead_image),
            "uploadDate": published.isoformat() if published else None,
            "inLanguage": channel.locale.language_code,
            "publisher": _publisher(home),
            "publication": _without_empty(broadcast),
        }
    )

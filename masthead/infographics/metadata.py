"""What machines read about an infographic: an ImageObject of the original file,
with the text version as its text."""

from django.utils.translation import get_language

from masthead.common.absolute import absolute_url
from masthead.common.structured_data import publisher

MEDIA_TYPES = {
    "avif": "image/avif",
    "gif": "image/gif",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}


def media_type(image) -> str:
    return MEDIA_TYPES.get(image.file.name.rsplit(".", 1)[-1].lower(), "")


def infographic_json_ld(page, request, home) -> list[dict]:
    graphic = page.graphic
    published, modified = page.first_published_at, page.last_published_at
    data = {
        "@context": "https://schema.org",
        "@type": "ImageObject",
        "name": page.title,
        "description": page.standfirst,
        "text": page.text_plain,
        "caption": page.shown_caption,
        "creditText": page.shown_credit,
        "contentUrl": absolute_url(graphic.file.url) if graphic else None,
        "encodingFormat": media_type(graphic) if graphic else None,
        "width": graphic.width if graphic else None,
        "height": graphic.height if graphic else None,
        "url": absolute_url(page.get_url(request)),
        "datePublished": published.isoformat() if published else None,
        "dateModified": modified.isoformat() if modified else None,
        "inLanguage": get_language(),
        "publisher": publisher(home),
    }
    return [{key: value for key, value in data.items() if value not in ("", None)}]

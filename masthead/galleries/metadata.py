"""What machines read about a gallery: an ImageGallery of ImageObjects, and one
ImageObject on each picture's own page."""

from django.utils.translation import get_language

from masthead.common.absolute import absolute_url
from masthead.common.structured_data import publisher
from masthead.media.renditions import SOCIAL_SPECS

from .renditions import STRUCTURED_DATA_SPEC


def bylines(context) -> list[dict]:
    return [
        {
            "@type": "Organization" if author.is_desk else "Person",
            "name": author.name,
            **(
                {"url": absolute_url(context["author_urls"][author.pk])}
                if context["author_urls"].get(author.pk)
                else {}
            ),
        }
        for author in context["authors"]
    ]


def image_object(slide) -> dict:
    picture = slide.picture
    rendition = picture.image.get_rendition(STRUCTURED_DATA_SPEC)
    data = {
        "@type": "ImageObject",
        "contentUrl": absolute_url(rendition.url),
        "url": absolute_url(slide.url),
        "width": rendition.width,
        "height": rendition.height,
        "caption": picture.shown_caption,
        "creditText": picture.shown_credit,
        "description": picture.alt,
        "position": slide.number,
    }
    return {key: value for key, value in data.items() if value not in ("", None)}


def dates(page) -> dict:
    published, modified = page.first_published_at, page.last_published_at
    return {
        "datePublished": published.isoformat() if published else None,
        "dateModified": modified.isoformat() if modified else None,
    }


def gallery_json_ld(page, context, slides) -> list[dict]:
    request = context["request"]
    cover = None
    if page.lead_image:
        cover = absolute_url(page.lead_image.get_rendition(SOCIAL_SPECS[0]).url)
    gallery = {
        "@context": "https://schema.org",
        "@type": "ImageGallery",
        "name": page.title,
        "headline": page.title[:110],
        "description": page.standfirst,
        "url": absolute_url(page.get_url(request)),
        **dates(page),
        "inLanguage": get_language(),
        "author": bylines(context),
        "publisher": publisher(context["home"]),
        "image": cover,
        "associatedMedia": [image_object(slide) for slide in slides],
    }
    return [{key: value for key, value in gallery.items() if value not in (None, [])}]


def picture_json_ld(page, context, slide) -> list[dict]:
    request = context["request"]
    picture = {
        "@context": "https://schema.org",
        **image_object(slide),
        **dates(page),
        "inLanguage": get_language(),
        "author": bylines(context),
        "publisher": publisher(context["home"]),
        "isPartOf": {
            "@type": "ImageGallery",
            "name": page.title,
            "url": absolute_url(page.get_url(request)),
        },
    }
    return [{key: value for key, value in picture.items() if value not in (None, [])}]

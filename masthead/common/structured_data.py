"""Pieces of schema.org data that every page type's JSON-LD shares."""

from django.templatetags.static import static

from .absolute import absolute_url


def publisher(home) -> dict:
    """The edition as the publisher of a page: its name and the site's logo."""
    return {
        "@type": "Organization",
        "name": home.site_name if home else "",
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(static("img/logo.png")),
            "width": 600,
            "height": 60,
        },
    }

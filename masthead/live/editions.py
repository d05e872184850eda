"""Rendering as the edition of a page, whoever's request does it."""

from contextlib import contextmanager

from django.utils import timezone, translation

from masthead.editions.formatting import active_formats, formats_for


@contextmanager
def in_edition(language_code: str):
    """The edition's language, time zone and formats, for code that renders one
    page's fragments outside that page's own request (the feed, the admin)."""
    formats = formats_for(language_code)
    token = active_formats.set(formats)
    try:
        with translation.override(language_code), timezone.override(formats.time_zone):
            yield formats
    finally:
        active_formats.reset(token)

"""Strips of pictures (the latest videos, galleries, live blogs) on the front page
and on sections.

A page type joins the strips by inheriting `StripPage` and naming its strip's
heading; home and section pages find every such type through Django's app
registry, so they import none of the apps that define them.
"""

from dataclasses import dataclass

from django.apps import apps
from wagtail.models import Page

from masthead.caching import keys as surrogate_keys

STRIP_LENGTH = 6


class StripPage:
    """A page type shown in a strip of its own: `strip_heading` (translatable) and
    `strip_order` (smaller first)."""

    strip_heading = ""
    strip_order = 100


@dataclass
class Strip:
    heading: str
    pages: list
    model: type


def strip_page_models() -> list[type]:
    return sorted(
        (
            model
            for model in apps.get_models()
            if issubclass(model, StripPage) and issubclass(model, Page)
        ),
        key=lambda model: (model.strip_order, model._meta.label),
    )


def strips_below(root: Page, length: int = STRIP_LENGTH) -> list[Strip]:
    """The newest live pages of each strip type below `root`; two queries per type
    (the pages, their pictures' renditions), and only types that have pages show."""
    strips = []
    for model in strip_page_models():
        pages = list(
            model.objects.live()
            .public()
            .descendant_of(root)
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-first_published_at", "-pk")[:length]
        )
        if pages:
            surrogate_keys.add(*(surrogate_keys.page(page.pk) for page in pages))
            strips.append(Strip(str(model.strip_heading), pages, model))
    return strips

"""Strips of pictures (the latest videos, galleries, live blogs) on the front page
and on sections.

A page type joins the strips by inheriting `StripPage` and naming its strip's
heading; home and section pages find every such type through Django's app
registry, so they import none of the apps that define them.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Window
from django.db.models.functions import RowNumber
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
    """The newest live, public pages of each strip type below `root`, and only the
    types that have some: two queries for the newest of every type together, then
    two for each type shown (its pages, their pictures' renditions)."""
    models = strip_page_models()
    if not models:
        return []
    content_types = ContentType.objects.get_for_models(*models)
    model_of = {content_types[model].pk: model for model in models}
    newest = (
        Page.objects.live()
        .public()
        .descendant_of(root)
        .filter(content_type_id__in=model_of)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("content_type_id"),
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=length)
        .values_list("content_type_id", "pk")
    )
    ids: dict[int, list[int]] = {}
    for content_type_id, pk in newest:
        ids.setdefault(content_type_id, []).append(pk)
    strips = []
    for model in models:
        wanted = ids.get(content_types[model].pk)
        if not wanted:
            continue
        pages = (
            model.objects.filter(pk__in=wanted)
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-first_published_at", "-pk")
        )
        pages = list(pages)
        surrogate_keys.add(*(surrogate_keys.page(page.pk) for page in pages))
        strips.append(Strip(str(model.strip_heading), pages))
    return strips

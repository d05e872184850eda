from django import template
from django.utils import translation

from ..ticker import live_ticker, poll_seconds

register = template.Library()


@register.simple_tag
def breaking_ticker():
    """The current edition's live ticker: from the cache, or built in one query."""
    return live_ticker(translation.get_language())


@register.simple_tag
def breaking_poll_seconds() -> str:
    return f"{poll_seconds():g}"

"""`{% most_read %}` and `{% read_next article %}`: each component in one line."""

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from ..ranking import MOST_READ_SIZE, most_read_stories
from ..read_next import read_next_stories

register = template.Library()

# Every reader of an edition sees the same Most Read, so the rendered list is
# kept for a minute: pages then pay nothing for it, and counts that arrive in
# the meantime show on the next rendering.
MOST_READ_CACHE_SECONDS = 60


def most_read_cache_key(language: str, size: int, host: str) -> str:
    # The host is part of the key because links to another site's pages are
    # absolute; ALLOWED_HOSTS keeps the number of hosts small.
    return f"discovery:most-read:{language}:{size}:{host}"


@register.simple_tag(takes_context=True)
def most_read(context, size: int = MOST_READ_SIZE):
    """The current edition's Most Read box (nothing when the edition is empty)."""
    request = context.get("request")
    language = translation.get_language()
    key = most_read_cache_key(language, size, request.get_host() if request else "")
    html = cache.get(key)
    if html is None:
        stories = most_read_stories(language, timezone.now(), size)
        html = render_to_string(
            "discovery/most_read.html", {"stories": stories, "request": request}
        )
        cache.set(key, html, MOST_READ_CACHE_SECONDS)
    # Our own template's output, escaped when it was rendered.
    return mark_safe(html)  # noqa: S308


@register.inclusion_tag("discovery/read_next.html", takes_context=True)
def read_next(context, article):
    """The Read Next box for `article`: the editors' picks, then the stored
    recommendations."""
    return {"request": context.get("request"), "stories": read_next_stories(article)}

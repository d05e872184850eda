from django import template
from wagtail.models import Page

from masthead.common.homes import HOME_DEPTH

register = template.Library()


@register.simple_tag
def breadcrumb_trail(page) -> list[Page]:
    """The pages from the edition's home down to `page`'s parent, in one query."""
    if not isinstance(page, Page) or page.depth <= HOME_DEPTH:
        return []
    return list(
        page.get_ancestors()
        .filter(depth__gte=HOME_DEPTH)
        .only("id", "title", "url_path", "depth", "path", "locale_id")
    )

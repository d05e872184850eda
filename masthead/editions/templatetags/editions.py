from django import template
from wagtail.models import Page

from ..chrome import build_chrome, edition_home
from ..models import HomePage

HOME_DEPTH = 2  # the tree's root is depth 1; each edition's home sits under it

register = template.Library()


@register.simple_tag(takes_context=True)
def edition_chrome(context):
    """The edition's masthead, menu and footer, computed once per request."""
    request = context.get("request")
    cached = getattr(request, "_masthead_chrome", None)
    if cached is not None:
        return cached
    page = context.get("page")
    home = None
    if isinstance(page, HomePage):
        home = page
    elif isinstance(page, Page) and page.depth > HOME_DEPTH:
        home = HomePage.objects.filter(
            path=page.path[: Page.steplen * HOME_DEPTH]
        ).first()
    if home is None:
        home = edition_home()
    chrome = build_chrome(home)
    if request is not None:
        request._masthead_chrome = chrome
    return chrome

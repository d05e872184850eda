from django import template

from ..chrome import chrome_for

register = template.Library()


@register.simple_tag(takes_context=True)
def edition_chrome(context):
    """The edition's masthead, menu and footer, computed once per request."""
    return chrome_for(context.get("request"), context.get("page"))

from django import template

from ..chrome import chrome_for

register = template.Library()


@register.simple_tag(takes_context=True)
def edition_chrome(context):
    """The edition's masthead, menu and footer, computed once per request."""
    return chrome_for(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def edition_switcher(context):
    """Links to the other editions: the same story when translated, else the
    edition's front page."""
    from ..translations import edition_links

    return edition_links(context.get("request"), context.get("page"))

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def edition_switcher(context):
    """Links to the other editions: the same story when translated, else the
    edition's front page."""
    from ..translations import edition_links

    return edition_links(context.get("request"), context.get("page"))

from django import template

from ..highlight import highlight

register = template.Library()


@register.filter
def highlight_terms(text, terms):
    """`text`, escaped, with the words matching `terms` wrapped in <mark>."""
    return highlight(str(text), terms)

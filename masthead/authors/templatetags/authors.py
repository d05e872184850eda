from django import template

from ..links import author_page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def author_url(context, author) -> str:
    return author_page_url(author, context.get("request"))

from django import template

from ..models import AuthorIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def author_url(context, author) -> str:
    """The address of an author's page; one query per edition per request."""
    request = context.get("request")
    indexes = getattr(request, "_author_indexes", None)
    if indexes is None:
        indexes = {}
        if request is not None:
            request._author_indexes = indexes
    if author.locale_id not in indexes:
        indexes[author.locale_id] = (
            AuthorIndexPage.objects.live().filter(locale_id=author.locale_id).first()
        )
    index = indexes[author.locale_id]
    return index.url_for_author(author, request) if index else ""

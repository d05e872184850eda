"""Addresses of author pages, which live under each edition's Authors directory."""

from .models import AuthorIndexPage


def author_page_url(author, request=None) -> str:
    """The author's page address, or "" without a directory; one query per edition
    per request."""
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

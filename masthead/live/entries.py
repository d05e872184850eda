"""Which of a blog's entries a reader sees, fetched in a fixed number of queries."""

from masthead.authors.links import author_page_url

# Entries on one page of a blog, in its feed and in its structured data.
ENTRIES_SHOWN = 50


def entries_of(blog):
    """Newest first, with what an entry shows: its author and its picture."""
    return (
        blog.entries.select_related("author", "image")
        .prefetch_related("image__renditions")
        .order_by("-posted_at", "-pk")
    )


def attach_author_urls(entries: list, request=None) -> list:
    """Each entry's author page address, as `author_url`: one query per edition
    whatever the number of entries."""
    for entry in entries:
        entry.author_url = (
            author_page_url(entry.author, request) if entry.author else ""
        )
    return entries

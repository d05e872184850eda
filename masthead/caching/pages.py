"""How a page type joins the page cache: by declaring its keys.

A page type lists the surrogate keys its responses carry (`cache_keys`, added as
it is served) and the keys a change to it makes stale (`purge_keys`, purged when it
is published, unpublished, moved or deleted). The cache reads only these methods,
so a new page type joins it by declaring them, never by an edit to `caching`.
"""

from wagtail.models import Page

from . import keys

MENU_DEPTH = 3  # the root, an edition's home, and the pages directly under it


def default_purge_keys(page: Page) -> set[str]:
    """What any page's change makes stale: its own responses, the listings of
    its ancestors, the sitemaps, and the menu when it is in it."""
    found = {keys.page(page.pk), keys.SITEMAP}
    found.update(
        keys.listing(pk) for pk in page.get_ancestors().values_list("pk", flat=True)
    )
    if page.depth <= MENU_DEPTH:
        # The pages directly under a home make the menu and the footer.
        found.add(keys.menu(page.locale.language_code))
    return found


class CachedPage:
    """The declarations a page type may override; the defaults fit most pages."""

    def cache_keys(self) -> set[str]:
        return {keys.page(self.pk)}

    def purge_keys(self) -> set[str]:
        return default_purge_keys(self)


def cache_keys_for(page: Page) -> set[str]:
    if isinstance(page, CachedPage):
        return page.cache_keys()
    return {keys.page(page.pk)}


def purge_keys_for(page: Page) -> set[str]:
    page = page.specific
    if isinstance(page, CachedPage):
        return page.purge_keys()
    return default_purge_keys(page)

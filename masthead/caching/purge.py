"""What to purge when something changes, and purging it: in the local store now,
in the front cache (Varnish, a CDN) through a background task that retries."""

import logging

from django.db import transaction
from wagtail.models import Page

from . import keys
from .pages import purge_keys_for

logger = logging.getLogger(__name__)


def keys_for_page(page) -> set[str]:
    """Every key whose responses a change to `page` can make stale."""
    return purge_keys_for(page)


def listing_keys(parent) -> set[str]:
    """The listings a story below `parent` appears in: it and its ancestors."""
    return {keys.listing(parent.pk)} | {
        keys.listing(pk) for pk in parent.get_ancestors().values_list("pk", flat=True)
    }


def keys_for_tree(page) -> set[str]:
    """A page and everything below it (a move changes all their addresses)."""
    found = keys_for_page(page)
    found.update(
        keys.page(pk)
        for pk in Page.objects.descendant_of(page).values_list("pk", flat=True)
    )
    return found


def purge(found: set[str]) -> None:
    """Purge these keys once the current transaction commits."""
    if not found:
        return
    transaction.on_commit(lambda: purge_now(found))


def purge_now(found: set[str]) -> None:
    from .store import get_store
    from .tasks import purge_front_cache

    try:
        count = get_store().purge(found)
        logger.debug("Purged %s cached pages for %s", count, sorted(found))
    except Exception:
        logger.exception("Could not purge the page cache for %s", sorted(found))
    from django.conf import settings

    if settings.FRONT_CACHE_PURGE_URLS:
        purge_front_cache.enqueue(sorted(found))

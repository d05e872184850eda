"""Purge exactly what a change makes stale.

Pages say what their change makes stale (`caching.pages`); the apps that own
snippets (authors, regions) and tags purge the keys those show on.
"""

from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .purge import keys_for_page, keys_for_tree, listing_keys, purge


def page_changed(sender, instance, **kwargs):
    purge(keys_for_page(instance))


def page_deleted(sender, instance, **kwargs):
    # Collected before the rows go: afterwards its tags and ancestors are unknown.
    if isinstance(instance, Page):
        purge(keys_for_tree(instance))


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    found = keys_for_tree(instance)
    found.update(listing_keys(parent_page_before))
    purge(found)


def register_signal_handlers():
    page_published.connect(page_changed, dispatch_uid="cache-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="cache-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="cache-page-moved")
    pre_delete.connect(page_deleted, dispatch_uid="cache-page-deleted")

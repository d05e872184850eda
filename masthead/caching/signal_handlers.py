"""Purge exactly what a change makes stale."""

from django.db.models.signals import post_save, pre_delete
from taggit.models import Tag
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import keys
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


def author_changed(sender, instance, **kwargs):
    from masthead.articles.models import ArticleAuthor

    found = {keys.author(instance.pk), keys.authors(instance.locale.language_code)}
    found.update(
        keys.page(pk)
        for pk in ArticleAuthor.objects.filter(author=instance).values_list(
            "page_id", flat=True
        )
    )
    purge(found)


def region_changed(sender, instance, **kwargs):
    # Regions are listed in the edition's menu, on every page.
    purge({keys.region(instance.pk), keys.menu(instance.locale.language_code)})


def tag_changed(sender, instance, **kwargs):
    from masthead.articles.models import ArticlePageTag

    found = {keys.tag(instance.pk)}
    found.update(
        keys.page(pk)
        for pk in ArticlePageTag.objects.filter(tag=instance).values_list(
            "content_object_id", flat=True
        )
    )
    purge(found)


def register_signal_handlers():
    from masthead.authors.models import Author
    from masthead.regions.models import Region

    page_published.connect(page_changed, dispatch_uid="cache-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="cache-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="cache-page-moved")
    pre_delete.connect(page_deleted, dispatch_uid="cache-page-deleted")
    post_save.connect(author_changed, sender=Author, dispatch_uid="cache-author")
    post_save.connect(region_changed, sender=Region, dispatch_uid="cache-region")
    pre_delete.connect(region_changed, sender=Region, dispatch_uid="cache-region-gone")
    post_save.connect(tag_changed, sender=Tag, dispatch_uid="cache-tag")

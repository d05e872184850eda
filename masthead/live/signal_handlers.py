"""Whatever changes an entry (posting, an edit in the shell, a deletion) makes the
blog's cached page and feed stale."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from masthead.caching.purge import purge

from .feed import forget_snapshot
from .models import LiveBlogEntry, LiveBlogPage


def entry_changed(sender, instance: LiveBlogEntry, **kwargs) -> None:
    blog = LiveBlogPage.objects.filter(pk=instance.blog_id).first()
    if blog is None:  # the blog itself is being deleted
        return
    purge(blog.cache_keys())
    transaction.on_commit(lambda: forget_snapshot(blog.pk))


def connect() -> None:
    post_save.connect(entry_changed, sender=LiveBlogEntry, dispatch_uid="live_entry")
    post_delete.connect(
        entry_changed, sender=LiveBlogEntry, dispatch_uid="live_entry_deleted"
    )

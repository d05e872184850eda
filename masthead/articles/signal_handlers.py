from django.db import transaction
from django.db.models.signals import post_save
from taggit.models import Tag
from wagtail.signals import page_published

from masthead.authors.models import Author
from masthead.caching import keys
from masthead.caching.purge import purge
from masthead.common.bulk import bulk_load_under_way

from .models import ArticleAuthor, ArticlePage, ArticlePageTag
from .tasks import prerender_article_images


def queue_image_renditions(sender, instance, **kwargs):
    if not bulk_load_under_way():  # a bulk load renders its pictures itself
        transaction.on_commit(lambda: prerender_article_images.enqueue(instance.pk))


def purge_tagged_stories(sender, instance, **kwargs):
    """A renamed tag changes its listing and every story that shows it."""
    found = {keys.tag(instance.pk)}
    found.update(
        keys.page(pk)
        for pk in ArticlePageTag.objects.filter(tag=instance).values_list(
            "content_object_id", flat=True
        )
    )
    purge(found)


def purge_bylined_stories(sender, instance, **kwargs):
    """Every story shows its authors' names and links."""
    purge(
        {
            keys.page(pk)
            for pk in ArticleAuthor.objects.filter(author=instance).values_list(
                "page_id", flat=True
            )
        }
    )


def register_signal_handlers():
    page_published.connect(
        queue_image_renditions, sender=ArticlePage, dispatch_uid="article-renditions"
    )
    post_save.connect(purge_tagged_stories, sender=Tag, dispatch_uid="cache-tag")
    post_save.connect(
        purge_bylined_stories, sender=Author, dispatch_uid="cache-bylined-stories"
    )

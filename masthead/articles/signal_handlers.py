from django.db import transaction
from wagtail.signals import page_published

from masthead.common.bulk import bulk_load_under_way

from .models import ArticlePage
from .tasks import prerender_article_images


def queue_image_renditions(sender, instance, **kwargs):
    if not bulk_load_under_way():  # a bulk load renders its pictures itself
        transaction.on_commit(lambda: prerender_article_images.enqueue(instance.pk))


def register_signal_handlers():
    page_published.connect(
        queue_image_renditions, sender=ArticlePage, dispatch_uid="article-renditions"
    )

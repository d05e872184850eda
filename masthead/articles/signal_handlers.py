from django.db import transaction
from wagtail.signals import page_published

from .models import ArticlePage
from .tasks import prerender_article_images


def queue_image_renditions(sender, instance, **kwargs):
    transaction.on_commit(lambda: prerender_article_images.enqueue(instance.pk))


def register_signal_handlers():
    page_published.connect(
        queue_image_renditions, sender=ArticlePage, dispatch_uid="article-renditions"
    )

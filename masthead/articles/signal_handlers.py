from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from wagtail.signals import page_published

from .models import ArticlePage
from .tasks import prerender_article_images

# Off while a bulk load (the demo newsroom) makes the renditions itself, on
# another thread, instead of one article at a time as each is published.
_queue_on_publish: ContextVar[bool] = ContextVar("queue_on_publish", default=True)


@contextmanager
def renditions_made_by_caller():
    token = _queue_on_publish.set(False)
    try:
        yield
    finally:
        _queue_on_publish.reset(token)


def queue_image_renditions(sender, instance, **kwargs):
    if _queue_on_publish.get():
        transaction.on_commit(lambda: prerender_article_images.enqueue(instance.pk))


def register_signal_handlers():
    page_published.connect(
        queue_image_renditions, sender=ArticlePage, dispatch_uid="article-renditions"
    )

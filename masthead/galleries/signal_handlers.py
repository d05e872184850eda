from django.db import transaction
from wagtail.signals import page_published

from masthead.common.bulk import bulk_load_under_way

from .models import GalleryPage
from .tasks import prerender_gallery_images


def queue_gallery_renditions(sender, instance, **kwargs):
    if not bulk_load_under_way():  # a bulk load renders its pictures itself
        transaction.on_commit(lambda: prerender_gallery_images.enqueue(instance.pk))


def register_signal_handlers():
    page_published.connect(
        queue_gallery_renditions, sender=GalleryPage, dispatch_uid="gallery-renditions"
    )

from django.db import transaction
from wagtail.signals import page_published

from masthead.common.bulk import bulk_load_under_way

from .models import InfographicPage
from .tasks import prerender_infographic_images


def queue_infographic_renditions(sender, instance, **kwargs):
    if not bulk_load_under_way():  # a bulk load renders its pictures itself
        transaction.on_commit(lambda: prerender_infographic_images.enqueue(instance.pk))


def register_signal_handlers():
    page_published.connect(
        queue_infographic_renditions,
        sender=InfographicPage,
        dispatch_uid="infographic-renditions",
    )

from django.db import transaction
from wagtail.signals import page_published

from masthead.articles.models import ArticlePage
from masthead.common.bulk import bulk_load_under_way

from .tasks import update_read_next


def queue_read_next(sender, instance, **kwargs):
    if bulk_load_under_way():
        return  # the load computes every story's list once it is all in
    # After the commit, so that the worker sees the published page and its links.
    transaction.on_commit(lambda: update_read_next.enqueue(instance.pk))


def register_signal_handlers():
    page_published.connect(
        queue_read_next, sender=ArticlePage, dispatch_uid="discovery-read-next"
    )

from django.db.models.signals import post_save

from masthead.caching import keys
from masthead.caching.purge import purge

from .models import Author


def purge_author_pages(sender, instance, **kwargs):
    """The author's page and the edition's directory show the author."""
    purge({keys.author(instance.pk), keys.authors(instance.locale.language_code)})


def register_signal_handlers():
    post_save.connect(purge_author_pages, sender=Author, dispatch_uid="cache-author")

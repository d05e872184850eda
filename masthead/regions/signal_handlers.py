from django.db.models.signals import post_save, pre_delete

from masthead.caching import keys
from masthead.caching.purge import purge

from .models import Region


def purge_region_pages(sender, instance, **kwargs):
    # Regions are listed in the edition's menu, on every page.
    purge({keys.region(instance.pk), keys.menu(instance.locale.language_code)})


def register_signal_handlers():
    post_save.connect(purge_region_pages, sender=Region, dispatch_uid="cache-region")
    pre_delete.connect(
        purge_region_pages, sender=Region, dispatch_uid="cache-region-gone"
    )

from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from masthead.wires.models import WireUse

from .embargo import embargo_in_force, refuse_early_publication, set_embargo


def page_about_to_save(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        refuse_early_publication(instance)


def wire_used(sender, instance: WireUse, created: bool, **kwargs) -> None:
    """A draft made from an embargoed wire is embargoed until the agency's time:
    the embargo travels with the text."""
    until = instance.item.embargoed_until
    if not created or until is None or until <= timezone.now():
        return
    if embargo_in_force(instance.page_id) is None:
        set_embargo(
            instance.page,
            until,
            instance.used_by,
            _("Agency embargo (%(source)s)") % {"source": instance.item.source.name},
        )


def connect() -> None:
    # Every page type: the guard must hold for types added later too.
    pre_save.connect(page_about_to_save, dispatch_uid="newsroom_embargo_guard")
    post_save.connect(wire_used, sender=WireUse, dispatch_uid="newsroom_wire_embargo")

from django.db.models.signals import pre_save
from wagtail.models import Page

from .embargo import refuse_early_publication


def page_about_to_save(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        refuse_early_publication(instance)


def connect() -> None:
    # Every page type: the guard must hold for types added later too.
    pre_save.connect(page_about_to_save, dispatch_uid="newsroom_embargo_guard")

import factory
from django.utils import timezone
from wagtail.models import Locale

from masthead.wires.fingerprint import fingerprint
from masthead.wires.models import WireItem, WireSource

from .documents import BODY


class WireSourceFactory(factory.django.DjangoModelFactory):
    """A drop-folder source of the default edition."""

    class Meta:
        model = WireSource

    name = factory.Sequence(lambda n: f"Agency feed {n}")
    format = "ninjs"
    transport = "folder"
    folder = factory.Sequence(lambda n: f"agency-{n}")
    credit = "Agency Press"
    locale = factory.LazyFunction(Locale.get_default)


class WireItemFactory(factory.django.DjangoModelFactory):
    """A usable English item with its first version stored."""

    class Meta:
        model = WireItem
        skip_postgeneration_save = True

    source = factory.SubFactory(WireSourceFactory)
    guid = factory.Sequence(lambda n: f"urn:agency:{n}")
    headline = factory.Sequence(lambda n: f"Floods cut off villages, report {n}")
    summary = ""
    body = "\n\n".join(BODY)
    language = "en"
    credit = "Agency Press"
    received_at = factory.LazyFunction(timezone.now)
    updated_at = factory.LazyAttribute(lambda item: item.received_at)
    fingerprint = factory.LazyAttribute(
        lambda item: fingerprint(f"{item.headline} {item.body}")
    )

    @factory.post_generation
    def first_version(self, create, extracted, **kwargs):
        if create:
            self.keep_version(received_at=self.received_at)


def new_version(item: WireItem, **changes) -> WireItem:
    """The item as if the agency had sent its next version with `changes`."""
    for name, value in changes.items():
        setattr(item, name, value)
    item.version += 1
    item.updated_at = timezone.now()
    item.save()
    item.keep_version()
    return item

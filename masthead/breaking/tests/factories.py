import factory
from django.utils import timezone
from wagtail.models import Locale

from masthead.breaking.models import BreakingItem


class BreakingItemFactory(factory.django.DjangoModelFactory):
    """A live item of the default edition, published now, expiring in 24 hours."""

    class Meta:
        model = BreakingItem

    locale = factory.LazyFunction(Locale.get_default)
    attribution = ""
    text = factory.Sequence(
        lambda n: f"Power restored to parts of the capital after an outage ({n})"
    )
    published_at = factory.LazyFunction(timezone.now)

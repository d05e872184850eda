import factory
from wagtail.models import Locale

from masthead.regions.models import Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    locale = factory.LazyFunction(Locale.get_default)

import factory
from wagtail.models import Locale

from masthead.authors.models import Author


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    role = "Correspondent"
    bio = "Covers the region for the newsroom."
    locale = factory.LazyFunction(Locale.get_default)

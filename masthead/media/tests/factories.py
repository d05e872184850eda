import factory
import wagtail_factories

from masthead.media.models import CustomImage


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage

    title = factory.Sequence(lambda n: f"Picture {n}")
    description = "A street in the city centre at dusk"
    credit = "Staff photographer / The Masthead"
    default_caption = "The city centre at dusk."
    file = factory.django.ImageField(width=1600, height=1200, color="teal")

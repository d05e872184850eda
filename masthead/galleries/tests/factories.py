import factory
import wagtail_factories

from masthead.galleries.models import GalleryPage, GalleryPicture
from masthead.media.tests.factories import ImageFactory


class SmallImageFactory(ImageFactory):
    # Small files keep rendering dozens of renditions quick.
    file = factory.django.ImageField(width=320, height=240, color="olive")


class GalleryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GalleryPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Gallery {n}")
    standfirst = "Scenes from the harbour as the fishing fleet returns after the storm."
    lead_image = factory.SubFactory(SmallImageFactory)
    lead_image_alt = "Fishing boats moored in the harbour"

    @factory.post_generation
    def pictures(self, create, count, **kwargs):
        """`pictures=N` adds N pictures, each with its own image."""
        for number in range(count or 0):
            GalleryPicture.objects.create(
                page=self,
                image=SmallImageFactory(),
                sort_order=number,
                caption=f"Caption of picture {number + 1}.",
            )

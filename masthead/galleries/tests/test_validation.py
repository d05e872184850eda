"""What an editor cannot save: an undescribed picture, a vector drawing, a gallery
without a cover."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from masthead.galleries.models import GalleryPage, GalleryPicture
from masthead.galleries.tests.factories import GalleryPageFactory, SmallImageFactory
from masthead.media.models import CustomImage, CustomRendition

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'


def picture(**fields):
    fields.setdefault("image", SmallImageFactory())
    return GalleryPicture(page=GalleryPage(), **fields)


def errors_of(instance) -> dict:
    with pytest.raises(ValidationError) as raised:
        instance.full_clean(exclude=["page"])
    return raised.value.message_dict


def test_a_picture_needs_alt_text_when_the_library_has_no_description():
    undescribed = SmallImageFactory(description="")

    assert "alt_text" in errors_of(picture(image=undescribed))
    picture(image=undescribed, alt_text="Boats in the harbour").full_clean(
        exclude=["page"]
    )
    picture().full_clean(exclude=["page"])  # the library describes it


@pytest.mark.parametrize("name", ["drawing.svg", "drawing.png"])
def test_a_vector_drawing_cannot_be_a_gallery_picture(name):
    drawing = SmallImageFactory()
    # Stored behind the upload form's back, as an import or an old upload would.
    drawing.file.save(name, ContentFile(SVG), save=False)
    CustomImage.objects.filter(pk=drawing.pk).update(file=drawing.file.name)
    drawing.refresh_from_db()

    errors = errors_of(picture(image=drawing, alt_text="A drawing"))

    assert "photographs only" in errors["image"][0]


def test_a_gallery_needs_a_cover(news):
    page = GalleryPageFactory.build(lead_image=None)

    with pytest.raises(ValidationError) as raised:
        news.add_child(instance=page)

    assert "lead_image" in raised.value.message_dict


def test_publishing_makes_the_renditions_the_pages_use(
    news, django_capture_on_commit_callbacks
):
    page = GalleryPageFactory(parent=news, pictures=1)
    image = page.pictures.get().image

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish(skip_permission_checks=True)

    specs = set(
        CustomRendition.objects.filter(image=image).values_list(
            "filter_spec", flat=True
        )
    )
    assert "fill-400x300|format-avif" in specs
    assert "max-1600x1600|format-jpeg" in specs
    assert "max-960x960|format-webp" in specs

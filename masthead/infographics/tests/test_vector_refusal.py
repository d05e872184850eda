"""SVG files are refused: by the image library's upload form, and by the
infographic for one that reached the library some other way."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.forms import get_image_form

from masthead.infographics.tests.factories import GraphicFactory, InfographicPageFactory
from masthead.media.models import CustomImage

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)


def upload(name: str, content: bytes):
    form_class = get_image_form(CustomImage)
    return form_class(
        data={"title": "Chart", "collection": 1},
        files={"file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "error"),
    [
        (
            "chart.svg",
            "Not a supported image format. Supported formats: AVIF, GIF, JPG, "
            "JPEG, PNG, WEBP.",
        ),
        (
            "chart.png",
            "Not a valid .png image. The extension does not match the file format "
            "(svg)",
        ),
    ],
)
def test_the_upload_form_refuses_an_svg_with_a_clear_error(name, error):
    form = upload(name, SVG)

    assert not form.is_valid()
    assert form.errors["file"] == [error]
    assert CustomImage.objects.count() == 0


def test_the_upload_form_accepts_a_png():
    png = GraphicFactory.build().file
    form = upload("chart.png", png.read())

    assert form.is_valid(), form.errors


@pytest.mark.parametrize("name", ["drawing.svg", "drawing.png"])
def test_an_infographic_cannot_use_a_vector_drawing(news, name):
    drawing = GraphicFactory()
    # Stored behind the upload form's back, as an import or an old upload would.
    drawing.file.save(name, ContentFile(SVG), save=False)
    CustomImage.objects.filter(pk=drawing.pk).update(file=drawing.file.name)
    drawing.refresh_from_db()

    with pytest.raises(ValidationError) as raised:
        InfographicPageFactory(parent=news, graphic=drawing)

    assert "SVG" in raised.value.message_dict["graphic"][0]


def test_an_infographic_needs_a_graphic_and_a_text_version(news):
    with pytest.raises(ValidationError) as raised:
        InfographicPageFactory(parent=news, graphic=None)
    assert "graphic" in raised.value.message_dict

    with pytest.raises(ValidationError) as raised:
        InfographicPageFactory(parent=news, text_alternative="<p> </p>")
    assert "text_alternative" in raised.value.message_dict

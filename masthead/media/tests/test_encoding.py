"""AVIF renditions are encoded at the configured encoder speed."""

import pytest
from PIL import AvifImagePlugin, Image

from .factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def avif_speeds(monkeypatch):
    """The speed Pillow's AVIF encoder is given on each save (it still encodes)."""
    seen = []
    encode = AvifImagePlugin._save

    def watching(image, fp, filename):
        seen.append(image.encoderinfo.get("speed"))
        return encode(image, fp, filename)

    monkeypatch.setattr(AvifImagePlugin, "_save", watching)
    return seen


@pytest.mark.parametrize("speed", [8, 3])
def test_avif_renditions_use_the_configured_speed(settings, avif_speeds, speed):
    settings.IMAGE_AVIF_SPEED = speed
    image = ImageFactory()

    rendition = image.get_rendition("fill-320x180|format-avif")

    assert avif_speeds == [speed]
    with rendition.file.open("rb") as handle, Image.open(handle) as picture:
        assert (picture.format, picture.size) == ("AVIF", (320, 180))


def test_other_formats_are_left_as_they_were(avif_speeds):
    ImageFactory().get_rendition("fill-320x180|format-webp")

    assert avif_speeds == []

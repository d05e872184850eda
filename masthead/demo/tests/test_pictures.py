"""The demo's generated pictures: right size and format, reproducible, photographic."""

import io

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat

from masthead.demo.images import MOTIFS, draw_picture, draw_portrait

EXPECTED_MOTIFS = {
    "skyline", "crowd", "field", "sea", "mountains", "chart",
    "stadium", "podium", "lab", "desert", "forest", "market",
}  # fmt: skip


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    return image


def textured_share(image: Image.Image) -> float:
    """How much of the picture has fine detail: grain, texture, soft edges.

    A flat vector drawing is smooth almost everywhere; a photograph almost nowhere.
    """
    grey = image.convert("L")
    detail = ImageChops.difference(grey, grey.filter(ImageFilter.GaussianBlur(1.5)))
    return ImageStat.Stat(detail.point(lambda v: 255 if v >= 2 else 0)).mean[0] / 255


def assert_photographic(image: Image.Image, colours: int):
    image = image.convert("RGB")
    card = image.resize((400, 300))
    assert len(card.getcolors(400 * 300)) >= colours  # gradients, not flat fills
    assert min(ImageStat.Stat(image).stddev) >= 10  # light and shade, not one tone
    assert textured_share(image) >= 0.25


def test_the_motifs_are_the_ones_the_content_names():
    assert set(MOTIFS) == EXPECTED_MOTIFS


@pytest.mark.parametrize("motif", sorted(EXPECTED_MOTIFS))
def test_each_motif_is_a_photographic_4_3_jpeg(motif):
    image = opened(draw_picture(f"test-{motif}", motif))
    assert image.size == (1600, 1200)
    assert_photographic(image, colours=9000)


def test_the_same_seed_gives_the_same_bytes_and_another_seed_another_picture():
    first = draw_picture("a-story", "crowd")
    assert draw_picture("a-story", "crowd") == first
    other = opened(draw_picture("another-story", "crowd")).convert("L")
    difference = ImageChops.difference(opened(first).convert("L"), other)
    assert ImageStat.Stat(difference).mean[0] > 10


def test_an_unknown_motif_falls_back_to_the_skyline():
    assert draw_picture("a-story", "volcano") == draw_picture("a-story", "skyline")


def test_portraits_are_square_reproducible_photographs():
    data = draw_portrait("an-author", "AA")
    image = opened(data)
    assert image.size == (480, 480)
    assert draw_portrait("an-author", "AA") == data
    assert draw_portrait("another-author", "AA") != data
    grey = image.convert("L")
    assert min(ImageStat.Stat(image.convert("RGB")).stddev) >= 10
    assert textured_share(grey) >= 0.25

"""Which stored pictures a page can show as a picture: raster images only."""

from django.conf import settings
from PIL import Image, UnidentifiedImageError

# Pillow's names for the formats WAGTAILIMAGES_EXTENSIONS admits.
RASTER_FORMATS = {"AVIF", "GIF", "JPEG", "PNG", "WEBP"}


def is_raster(image) -> bool:
    """Whether the stored file is a raster picture, whatever its name says.

    An SVG can carry scripts and cannot be resized into AVIF, WebP or JPEG; the
    upload form refuses one by its extension, and this catches one renamed or
    stored by other means.
    """
    extension = image.file.name.rsplit(".", 1)[-1].lower()
    if extension not in settings.WAGTAILIMAGES_EXTENSIONS:
        return False
    try:
        with image.open_file() as handle, Image.open(handle) as picture:
            return picture.format in RASTER_FORMATS
    except (OSError, UnidentifiedImageError, ValueError):
        return False

"""The rendition sizes the gallery templates ask for, so they can be made ahead of
readers. Keep these in step with the `{% picture %}` and `{% image %}` tags in
templates/galleries/."""

from masthead.media.renditions import with_formats

THUMBNAIL = ("fill-400x300", "fill-800x600")
LARGE = ("max-960x960", "max-1600x1600")

THUMBNAIL_SPECS = with_formats(THUMBNAIL)
LARGE_SPECS = with_formats(LARGE)
# The viewer swaps one <img> in place, so it takes a single format every browser
# that runs it can show.
VIEWER_SPECS = [f"{size}|format-webp" for size in LARGE]
# Structured data names one large JPEG per picture.
STRUCTURED_DATA_SPEC = "max-1600x1600|format-jpeg"

# What the gallery page itself shows of each picture.
GRID_SPECS = [*THUMBNAIL_SPECS, *VIEWER_SPECS, STRUCTURED_DATA_SPEC]
PICTURE_SPECS = [*THUMBNAIL_SPECS, *LARGE_SPECS]

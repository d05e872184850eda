"""The rendition sizes the templates ask for, so they can be made ahead of readers.

Keep these in step with the `{% picture %}` tags in the templates: a test renders
each page type and checks that no rendition outside these sets is requested.
"""

from itertools import product

FORMATS = ("avif", "webp", "jpeg")

LEAD = ("fill-640x360", "fill-960x540", "fill-1280x720")
CARD = ("fill-400x225", "fill-800x450")
BODY = ("width-640", "width-960", "width-1280")
PORTRAIT = ("fill-96x96|format-webp", "fill-160x160|format-webp")


def with_formats(sizes: tuple[str, ...]) -> list[str]:
    return [f"{size}|format-{fmt}" for size, fmt in product(sizes, FORMATS)]


# Social cards and structured data: 16:9, 4:3 and 1:1, at least 1,200 px wide.
SOCIAL_SPECS = [
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
]

ARTICLE_LEAD_SPECS = with_formats(LEAD) + with_formats(CARD) + SOCIAL_SPECS
BODY_IMAGE_SPECS = with_formats(BODY)


def prerender(image, specs: list[str]) -> None:
    """Create any missing renditions of `image` for `specs` now."""
    image.get_renditions(*specs)

"""Photograph-like pictures for the demo newsroom, made locally with Pillow.

Each story's slug seeds its own `random.Random`, so every story gets its own
picture and the same story always gets the same bytes. A scene paints a half-size
canvas and returns it with the light it was "photographed" in; `photo.finish` adds
the lens and the film and encodes the JPEG.
"""

import random
from collections.abc import Callable

from . import city, desert, indoors, market, nature, sport
from .people import portrait
from .photo import finish

MOTIFS: dict[str, Callable] = {
    "skyline": city.skyline,
    "crowd": city.crowd,
    "field": nature.field,
    "sea": nature.sea,
    "mountains": nature.mountains,
    "chart": indoors.chart,
    "stadium": sport.stadium,
    "podium": indoors.podium,
    "lab": indoors.lab,
    "desert": desert.desert,
    "forest": nature.forest,
    "market": market.market,
}


def draw_picture(seed: str, motif: str) -> bytes:
    """A 1600×1200 JPEG of `motif` (a skyline if unknown), the same for the same seed.

    4:3 so that every crop the site makes (16:9 cards, 1:1 and 4:3 social images
    at 1,200 px) can be cut from it without enlarging.
    """
    rng = random.Random(seed)
    picture, light = MOTIFS.get(motif, city.skyline)(rng)
    return finish(picture, rng, light)


def draw_portrait(seed: str, initials: str) -> bytes:
    """A square 480 px portrait JPEG for an author, the same for the same seed.

    `initials` is accepted for the callers' sake; a photograph has none to show.
    """
    return portrait(seed)

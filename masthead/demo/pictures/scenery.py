"""Scenery for the outdoor pictures: skies, ridges, ground seen in perspective,
and the haze and focus that put distance into a scene."""

import itertools

from PIL import Image, ImageChops, ImageDraw

from .photo import (
    BLACK,
    SIZE,
    WHITE,
    H,
    Light,
    W,
    blur,
    fractal,
    levels,
    lit,
    mix,
    place,
    radial,
    ramp,
    relief,
    solid,
    tinted,
)


def ridge(rng, base, height, roughness=0.55, steps=7, start=0.0, end=W):
    """An organic skyline (a hill crest, a tree line) by midpoint displacement."""
    levels_ = [rng.uniform(-1, 1), rng.uniform(-1, 1)]
    scale = 1.0
    for _ in range(steps):
        scale *= roughness
        finer = []
        for a, b in itertools.pairwise(levels_):
            finer += [a, (a + b) / 2 + rng.uniform(-scale, scale)]
        levels_ = [*finer, levels_[-1]]
    step = (end - start) / (len(levels_) - 1)
    return [(start + i * step, base - height * v) for i, v in enumerate(levels_)]


def land(outline, size=SIZE) -> Image.Image:
    """The mask below an outline, down to the bottom of the picture."""
    mask = Image.new("L", size, 0)
    points = [(-2, size[1]), *outline, (size[0] + 2, size[1])]
    ImageDraw.Draw(mask).polygon(points, fill=255)
    return mask


def _project(texture, horizon, vanish_x, near):
    width, height = texture.size
    across, far = width * near / W, height * near  # u = across·(x−vx)/(y−h) + w/2
    coefficients = [
        across / -horizon,
        width / 2 / -horizon,
        (-across * vanish_x - width / 2 * horizon) / -horizon,
        0,
        0,
        far / -horizon,
        0,
        -1 / horizon,
    ]
    return texture.transform(
        SIZE,
        Image.Transform.PERSPECTIVE,
        coefficients,
        Image.Resampling.BICUBIC,
        fillcolor=128,
    )


def ground(texture: Image.Image, horizon: float, vanish_x=W / 2, near=3.0, bands=2):
    """Lay a flat, top-down grey `texture` on the ground plane below `horizon`.

    One projection cannot resolve both the far distance and the foreground, so the
    texture is laid again at finer scales nearer the camera and the bands blended.
    """
    result = _project(texture, horizon, vanish_x, near)
    for _ in range(1, bands):
        near *= 8
        nearer = _project(texture, horizon, vanish_x, near)
        start, end = (horizon + near * 1.2) / H, (horizon + near * 2.5) / H
        if start >= 1:
            break
        blend = ramp(
            [(0, BLACK), (start, BLACK), (min(1, end), (255,) * 3), (1, (255,) * 3)]
        )
        result = Image.composite(nearer, result, blend.convert("L"))
    return result


def scatter(rng, count, horizon, nearest=None, farthest=4.0):
    """Spots on the ground spread evenly over its area, far ones first.

    Yields (x, y, scale): `y` is the spot's row and `scale` is how many pixels one
    unit of height measures there (its distance below the horizon, as a fraction).
    """
    nearest = nearest or (H - horizon)
    spots = []
    for _ in range(count):
        depth = (rng.uniform(1 / nearest**2, 1 / farthest**2)) ** -0.5
        spots.append((rng.uniform(-20, W + 20), horizon + depth, depth / (H - horizon)))
    return sorted(spots, key=lambda spot: spot[1])


def below(y: float, soft: float = 0.0) -> Image.Image:
    """A mask that is white below row `y`, fading in over `soft` of the height."""
    start = min(1.0, max(0.0, y / H))
    return ramp(
        [(0, 0), (start, 0), (min(1, start + soft + 0.001), 255), (1, 255)], mode="L"
    )


def distance_haze(picture, horizon, colour, reach=0.3, strength=0.85):
    """Air between the camera and the ground: thickest at the horizon."""
    haze = ImageChops.invert(below(horizon, reach)).point(lambda v: round(v * strength))
    return Image.composite(solid(colour), picture, haze)


def defocus_foreground(picture, start, radius):
    """Shallow depth of field: the ground nearest the camera is out of focus."""
    return Image.composite(blur(picture, radius), picture, below(start, 0.25))


def sky(rng, light: Light, horizon: float, sun_x=None, clouds=None) -> Image.Image:
    """A sky gradient with the sun's glow and, by chance, clouds lit from above."""
    picture = ramp(
        [
            (0, light.zenith),
            (horizon / H * 0.75, mix(light.zenith, light.horizon, 0.6)),
            (horizon / H, light.horizon),
            (1, light.horizon),
        ]
    )
    sun_x = rng.uniform(0.2, 0.8) * W if sun_x is None else sun_x
    sun_y = horizon - light.sun_height * horizon * 0.9
    if light.glare:  # the sun: a wide halo, a bright aureole and the disc, as one light
        sun = (sun_x, sun_y)
        halo = radial(sun, W * 0.9).point(lambda v: round(v * 0.55 * light.glare))
        aureole = radial(sun, W * 0.12, power=1.5)
        aureole = aureole.point(lambda v: round(v * light.glare))
        disc = radial(sun, 18, power=0.6).point(lambda v: round(v * light.glare))
        rays = ImageChops.add(ImageChops.add(halo, aureole), disc)
        picture = ImageChops.screen(picture, tinted(rays, mix(light.sun, WHITE, 0.2)))
    cover = rng.uniform(0.0, 0.7) if clouds is None else clouds
    if cover > 0.05:
        cloud = fractal(rng, (W // 2, H // 2), cells=3, stretch=2.2, roughness=0.66)
        threshold = round(215 - cover * 120)
        cloud = levels(cloud, threshold, threshold + 60).resize(
            SIZE, Image.Resampling.BICUBIC
        )
        cloud = ImageChops.multiply(
            cloud,
            ImageChops.invert(
                ramp(
                    [
                        (0, BLACK),
                        (horizon / H * 0.5, BLACK),
                        (horizon / H, (255,) * 3),
                        (1, (255,) * 3),
                    ]
                ).convert("L")
            ),
        )
        bright = mix(light.horizon, (255, 255, 255), 0.0 if light.night else 0.6)
        # Tops catch the light; the thick middles and undersides are greyer.
        body = lit(solid(mix(bright, light.sun, 0.25)), relief(cloud, 10, (0, -1), 175))
        place(picture, body, cloud)
    return picture

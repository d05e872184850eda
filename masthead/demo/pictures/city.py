"""Places with people: a city skyline, a crowd, a market, a stadium."""

import math

from PIL import Image, ImageChops, ImageDraw

from .people import bust, rounded
from .photo import (
    BLACK,
    DAYLIGHTS,
    NIGHT,
    SIZE,
    H,
    W,
    bloom,
    blur,
    bokeh,
    dimmed,
    fractal,
    glow,
    jitter,
    levels,
    lit,
    mix,
    noise,
    place,
    ragged,
    ramp,
    scaled,
    solid,
)
from .scenery import (
    below,
    ground,
    land,
    ridge,
    sky,
)

FACADES = [
    (172, 166, 156),
    (140, 140, 138),
    (104, 114, 124),
    (190, 182, 170),
    (84, 92, 102),
    (160, 150, 140),
    (124, 110, 100),
    (70, 88, 106),
]


WARM_LIGHTS = [(255, 196, 120), (255, 220, 170), (255, 170, 90), (255, 240, 210)]


def building(rng, paint, shape, x, width, top, base, light, sun_left):
    """A block with a lit face, a shaded side and some clutter on the roof."""
    face = jitter(rng, rng.choice(FACADES), 12)
    if light.night:
        face = scaled(face, 0.16)
    side = round(width * rng.uniform(0.15, 0.3))
    lit_face = face if light.night else mix(face, light.sun, 0.15)
    shade = mix(face, light.shade, 0.45)
    split = x + width - side if sun_left else x + side
    shape.rectangle([x, top, x + width, base], fill=255)
    paint.rectangle([x, top, x + width, base], fill=lit_face)
    paint.rectangle(
        [split, top + 2, x + width, base] if sun_left else [x, top + 2, split, base],
        fill=shade,
    )
    if rng.random() < 0.4:  # a rooftop plant room, or a mast on a tall block
        w = width * rng.uniform(0.2, 0.5)
        box = [x + width * 0.2, top - w * 0.4, x + width * 0.2 + w, top + 1]
    elif rng.random() < 0.3 and base - top > H * 0.25:
        box = [x + width / 2 - 1, top - H * 0.06, x + width / 2 + 1, top + 1]
    else:
        return
    shape.rectangle(box, fill=255)
    paint.rectangle(box, fill=shade)


def windows(rng, bay: int, storey: int, lit_share: float) -> Image.Image:
    """A grid of window panes over the whole frame, some bright and some dark.

    Buildings are cut from it by their masks; its values say how lit each pane is.
    """
    columns = bytes(255 if x % bay < bay * 0.6 else 0 for x in range(W))
    rows = bytes(255 if y % storey < storey * 0.55 else 0 for y in range(H))
    panes = ImageChops.multiply(
        Image.frombytes("L", (W, 1), columns).resize(SIZE, Image.Resampling.NEAREST),
        Image.frombytes("L", (1, H), rows).resize(SIZE, Image.Resampling.NEAREST),
    )
    grid = (W // bay + 1, H // storey + 1)
    glow_ = noise(rng, grid).resize(
        (grid[0] * bay, grid[1] * storey), Image.Resampling.NEAREST
    )
    cut = round(255 * (1 - lit_share))
    return ImageChops.multiply(panes, levels(glow_.crop((0, 0, W, H)), cut - 60, 255))


def skyline(rng):
    light = NIGHT if rng.random() < 0.35 else rng.choice(DAYLIGHTS)
    waterfront = rng.random() < 0.6  # seen across a river, or from a height
    horizon = H * (rng.uniform(0.56, 0.64) if waterfront else rng.uniform(0.72, 0.8))
    picture = sky(rng, light, horizon)
    if light.night:  # the city's own light glows on the haze above it
        picture = glow(picture, (W / 2, horizon), W * 0.8, (150, 100, 70), 0.8, 1.5)
    sun_left = rng.random() < 0.5
    layers = 3
    for layer in range(layers):
        nearness = layer / (layers - 1)
        colours, mask = Image.new("RGB", SIZE), Image.new("L", SIZE, 0)
        paint, shape = ImageDraw.Draw(colours), ImageDraw.Draw(mask)
        x = rng.uniform(-60, 0)
        while x < W:
            width = rng.uniform(40, 110) * (1 + nearness * 0.6)
            tall = rng.uniform(0.08, 0.42) * (1 - nearness * 0.5) * H
            if layer == 0 and abs(x - W / 2) < W * 0.3 and rng.random() < 0.5:
                tall *= 1.5  # the towers of the business district
            if waterfront:
                top, base = horizon - tall, horizon + 2
            else:
                top = horizon - tall + nearness * (H - horizon) * 0.8
                base = H + 10
            building(rng, paint, shape, x, width, top, base, light, sun_left)
            x += width + rng.uniform(-12, 10)
        panes = windows(rng, 4 + 4 * layer, 5 + 5 * layer, 0.45 if light.night else 0.6)
        if light.night:
            warm = lit(solid(rng.choice(WARM_LIGHTS)), fractal(rng, cells=4, octaves=2))
            colours = ImageChops.screen(colours, lit(warm, panes))
        else:
            glass = mix(light.zenith, (30, 40, 50), 0.5)
            colours = Image.composite(
                Image.blend(colours, solid(glass), 0.55),
                colours,
                panes.point(lambda v: v * 3 // 4),
            )
        colours = lit(
            colours,
            ramp([(0, (255,) * 3), (horizon / H, (185,) * 3), (1, (160,) * 3)]).convert(
                "L"
            ),
        )
        haze = 0.6 * (1 - nearness) ** 1.3 + 0.1
        air = mix(light.horizon, BLACK, 0.6) if light.night else light.horizon
        place(
            picture, Image.blend(colours, solid(air), haze), mask, 0.9 - nearness * 0.5
        )
    if waterfront:  # the river mirrors the city, smeared by ripples
        band = round(H - horizon)
        above = picture.crop((0, round(horizon) - band, W, round(horizon)))
        mirror = above.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        mirror = mirror.resize((W, max(1, band // 12))).resize((W, band))
        water = mix(light.zenith, (20, 40, 50), 0.5)
        mirror = Image.blend(mirror, solid(water, mirror.size), 0.35)
        ripples = ground(fractal(rng, (512, 512), cells=24, stretch=2), horizon, W / 2)
        ripples = ripples.crop((0, round(horizon), W, H)).point(
            lambda v: 150 + v * 105 // 255
        )
        picture.paste(lit(mirror, ripples), (0, round(horizon)))
        # The embankment: trees and a promenade along the water's edge.
        bank = ridge(rng, horizon + 3, H * 0.02, roughness=0.8, steps=8)
        bank_mask = ImageChops.multiply(
            land(bank), ImageChops.invert(below(horizon + 6))
        )
        bank_mask = ragged(rng, bank_mask, 1, 120)
        place(picture, mix((30, 36, 30), light.horizon, 0.25), bank_mask, 0.6)
        if light.night:
            picture = ImageChops.screen(
                picture,
                bokeh(
                    rng,
                    30,
                    WARM_LIGHTS,
                    (2, 5),
                    (0, horizon - 2, W, horizon + 4),
                    1,
                    220,
                ),
            )
    if light.night:
        if not waterfront:
            picture = ImageChops.screen(
                picture,
                bokeh(
                    rng,
                    40,
                    [(255, 70, 50), (255, 230, 200), (255, 180, 90)],
                    (6, 18),
                    (0, H * 0.85, W, H * 1.05),
                    2,
                    200,
                ),
            )
        picture = bloom(picture, 170, 10, 0.9)
    return picture, light


def flag(rng, paint, shape, x, y, size):
    """A flag on a pole, its cloth rippling: slices shaded by the folds."""
    bands = rng.choice(
        [
            [(200, 30, 40), (240, 240, 236), (30, 120, 60)],
            [(20, 20, 24), (240, 240, 236), (30, 120, 60)],
            [(30, 70, 160), (250, 210, 40)],
            [(200, 30, 40), (240, 240, 236)],
        ]
    )
    paint.line(
        [(x, y), (x, y + size * 2.4)], fill=(90, 80, 70), width=max(2, round(size / 14))
    )
    shape.line([(x, y), (x, y + size * 2.4)], fill=255, width=max(2, round(size / 14)))
    width, height, slices = size * 1.6, size * 1.0, 12
    phase = rng.uniform(0, 6)
    for i in range(slices):
        x0, x1 = x + width * i / slices, x + width * (i + 1) / slices
        wave0 = math.sin(phase + i * 0.7) * size * 0.08 * i / slices
        wave1 = math.sin(phase + (i + 1) * 0.7) * size * 0.08 * (i + 1) / slices
        tone = 0.78 + 0.22 * math.cos(phase + i * 0.7)
        for b, colour in enumerate(bands):
            t0, t1 = height * b / len(bands), height * (b + 1) / len(bands)
            quad = [
                (x0, y + wave0 + t0),
                (x1, y + wave1 + t0),
                (x1, y + wave1 + t1),
                (x0, y + wave0 + t1),
            ]
            paint.polygon(quad, fill=scaled(colour, tone))
            shape.polygon(quad, fill=255)


def crowd(rng):
    evening = rng.random() < 0.3
    light = NIGHT if evening else rng.choice(DAYLIGHTS)
    # Behind the crowd: a street of buildings, far out of focus.
    picture = sky(rng, light, H * 0.3, clouds=0)
    colours, mask = Image.new("RGB", SIZE), Image.new("L", SIZE, 0)
    paint, shape = ImageDraw.Draw(colours), ImageDraw.Draw(mask)
    x = -20.0
    while x < W:
        width = rng.uniform(80, 200)
        building(
            rng, paint, shape, x, width, H * rng.uniform(-0.1, 0.2), H, light, True
        )
        x += width
    panes = windows(rng, 14, 18, 0.4 if evening else 0.6)
    colours = (
        ImageChops.screen(colours, lit(solid(rng.choice(WARM_LIGHTS)), panes))
        if evening
        else Image.composite(dimmed(colours, 0.6), colours, panes)
    )
    place(picture, colours, mask)
    picture = blur(picture, 9)
    if evening:
        picture = ImageChops.screen(
            picture, bokeh(rng, 60, WARM_LIGHTS, (8, 22), (0, 0, W, H * 0.5), 2, 170)
        )
    facing_away = rng.random() < 0.6
    rows = 11
    for group, focus in (
        (range(0, 4), 1.6),
        (range(4, 7), 0.5),
        (range(7, 9), 1.6),
        (range(9, rows), 5.0),
    ):
        colours, mask = Image.new("RGB", SIZE), Image.new("L", SIZE, 0)
        paint, shape = ImageDraw.Draw(colours), ImageDraw.Draw(mask)
        for row in group:
            size = 12 * 1.24**row
            top = H * 0.2 + (H * 0.78) * (row / rows) ** 1.25
            x = rng.uniform(-size, size)
            while x < W + size:
                grown = size * rng.uniform(0.88, 1.12)
                bust(
                    rng,
                    colours,
                    mask,
                    x,
                    top + rng.uniform(-0.5, 0.5) * size,
                    grown,
                    facing_away or rng.random() < 0.25,
                )
                x += size * rng.uniform(1.2, 1.9)
            if row in (2, 4, 6) and rng.random() < 0.6:  # flags and placards aloft
                for _ in range(rng.randint(1, 2)):
                    sx = rng.uniform(0, W)
                    if rng.random() < 0.5:
                        flag(rng, paint, shape, sx, top - size * 3, size * 1.4)
                        continue
                    sw = size * rng.uniform(2.5, 3.5)
                    card = [sx, top - size * 2.6, sx + sw, top - size * 0.9]
                    stick = [sx + sw / 2 - 1, card[3], sx + sw / 2 + 1, top + size]
                    for box in (card, stick):
                        shape.rectangle(box, fill=255)
                    paint.rectangle(stick, fill=(120, 96, 70))
                    rounded(paint, "rectangle", card, jitter(rng, (232, 228, 214), 10))
                    ink = rng.choice([(30, 26, 30), (150, 30, 30), (30, 50, 120)])
                    for line in range(3):  # a hand-painted slogan, too small to read
                        ly = card[1] + (line + 0.6) * (card[3] - card[1]) / 3.6
                        wx = card[0] + sw * rng.uniform(0.08, 0.16)
                        while wx < card[2] - sw * 0.2:  # words of uneven length
                            word = sw * rng.uniform(0.12, 0.3)
                            end = min(wx + word, card[2] - sw * 0.08)
                            paint.rectangle([wx, ly, end, ly + size * 0.14], fill=ink)
                            wx += word + sw * 0.06
        # Soft light over round forms and the lens's defocus, in one blur; muted colour.
        soften = math.hypot(0.9 * 1.24 ** group[-1], focus)
        colours = Image.blend(blur(colours, soften), solid((110, 110, 110)), 0.18)
        if evening:
            colours = dimmed(colours, 0.6)
        picture.paste(colours, (0, 0), blur(mask, focus))
    side = ramp([(0, (255,) * 3), (1, (170,) * 3)], horizontal=rng.random() < 0.5)
    return lit(picture, side.convert("L")), light

"""People: head-and-shoulders figures for crowds and stages, and author portraits."""

import io
import random

from PIL import Image, ImageChops, ImageDraw

from .photo import (
    bloom,
    blur,
    bokeh,
    fractal,
    glow,
    jitter,
    lit,
    mix,
    noise,
    ragged,
    ramp,
    relief,
    scaled,
    shift,
    solid,
)

SKIN = [(234, 192, 160), (214, 164, 124), (176, 122, 88), (132, 88, 60), (92, 60, 42)]
HAIR = [(28, 22, 18), (54, 38, 26), (92, 64, 40), (150, 112, 70), (170, 170, 166)]
CLOTHES = [
    (36, 40, 52),
    (60, 62, 66),
    (28, 30, 34),
    (120, 34, 40),
    (44, 72, 120),
    (200, 196, 186),
    (84, 96, 70),
    (150, 120, 90),
    (180, 60, 50),
    (230, 228, 220),
]


def rounded(paint, kind, box, colour, light=(-0.35, -0.5)):
    """A box-drawn shape in three tones, lit toward `light`; blurred, it reads round."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    getattr(paint, kind)(box, fill=scaled(colour, 0.62))
    for shrink, tone in ((0.14, 1.0), (0.4, 1.14)):
        dx, dy = light[0] * w * shrink * 0.6, light[1] * h * shrink * 0.6
        inner = [
            x0 + w * shrink / 2 + dx,
            y0 + h * shrink / 2 + dy,
            x1 - w * shrink / 2 + dx,
            y1 - h * shrink / 2 + dy,
        ]
        getattr(paint, kind)(inner, fill=scaled(colour, tone))


def modelled(paint, points, colour, light=(-0.35, -0.5), tones=(0.6, 1.0, 1.12)):
    """A polygon in three tones, each smaller and nearer the light, for rounded form."""
    cx = sum(x for x, _ in points) / len(points)
    cy = sum(y for _, y in points) / len(points)
    span = max(x for x, _ in points) - min(x for x, _ in points)
    for shrink, tone in zip((0.0, 0.12, 0.4), tones, strict=True):
        dx, dy = light[0] * span * shrink * 0.5, light[1] * span * shrink * 0.5
        paint.polygon(
            [
                (cx + (x - cx) * (1 - shrink) + dx, cy + (y - cy) * (1 - shrink) + dy)
                for x, y in points
            ],
            fill=scaled(colour, tone),
        )


def _curve(start, control, end, steps=6):
    """Points along a quadratic Bézier curve, for smooth outlines."""
    return [
        tuple(
            (1 - t) ** 2 * a + 2 * (1 - t) * t * c + t * t * b
            for a, c, b in zip(start, control, end, strict=True)
        )
        for t in (i / steps for i in range(steps + 1))
    ]


def _head(x, top, s, width=0.36):
    """A head's outline: a domed skull, cheekbones, a jaw narrowing to the chin."""
    right = []
    for i in range(15):
        t = i / 14
        if t < 0.45:
            half = (1 - ((0.45 - t) / 0.45) ** 2) ** 0.5
        else:
            half = 1 - 0.55 * ((t - 0.45) / 0.55) ** 1.7
        right.append((x + width * s * half, top + t * s))
    return right + [(2 * x - px, py) for px, py in right[::-1]]


def bust(rng, colours, mask, x, top, size, facing_away=False, suit=None, light=None):
    """One person from the chest up: `size` is the height of the head in pixels.

    Draws on an RGB image (`colours`) and on a grey `mask` of where the person is.
    """
    paint, shape = ImageDraw.Draw(colours), ImageDraw.Draw(mask)
    light = light or (rng.uniform(-0.5, 0.5), -0.5)
    skin, hair = rng.choice(SKIN), rng.choice(HAIR)
    clothes = suit or jitter(rng, rng.choice(CLOTHES), 10)
    s = size
    broad = rng.uniform(0.95, 1.15)  # half the shoulders' width, in head heights
    neck = top + 0.92 * s
    # The right half of the shoulders: the slope from the neck, then the arm's curve.
    half = [
        *_curve(
            (x + 0.18 * s, neck - 0.05 * s),
            (x + 0.42 * s, neck + 0.3 * s),
            (x + (broad - 0.15) * s, neck + 0.4 * s),
        ),
        *_curve(
            (x + (broad - 0.1) * s, neck + 0.42 * s),
            (x + (broad + 0.12) * s, neck + 0.5 * s),
            (x + (broad + 0.1) * s, neck + 1.1 * s),
        ),
        (x + (broad + 0.14) * s, top + 4 * s),
    ]
    body = half + [(2 * x - px, py) for px, py in half[::-1]]
    head = _head(x + rng.uniform(-0.04, 0.04) * s, top, s, rng.uniform(0.33, 0.38))
    long_hair = not facing_away and not suit and rng.random() < 0.3
    if long_hair:  # hair falling behind the neck to the shoulders
        fall = [x - 0.46 * s, top - 0.02 * s, x + 0.46 * s, top + 1.5 * s]
        shape.rounded_rectangle(fall, radius=0.4 * s, fill=255)
        paint.rounded_rectangle(fall, radius=0.4 * s, fill=scaled(hair, 0.8))
    for side in (-1, 1):  # ears, behind the outline of the head
        ear = [
            x + side * 0.35 * s - 0.04 * s,
            top + 0.44 * s,
            x + side * 0.35 * s + 0.04 * s,
            top + 0.63 * s,
        ]
        if not facing_away:
            shape.ellipse(ear, fill=255)
            paint.ellipse(ear, fill=scaled(skin, 0.8))
    for outline in (body, head):
        shape.polygon(outline, fill=255)
    throat = [x - 0.15 * s, top + 0.6 * s, x + 0.15 * s, neck + 0.15 * s]
    shape.rectangle(throat, fill=255)
    modelled(paint, body, clothes, light)
    paint.rectangle(throat, fill=scaled(skin, 0.62))  # in the shadow of the jaw
    if suit:  # the open collar: shirt and tie in the V of the jacket
        paint.polygon(
            [(x - 0.24 * s, neck), (x + 0.24 * s, neck), (x, neck + 1.1 * s)],
            fill=jitter(rng, (200, 204, 206), 16),
        )
        paint.polygon(
            [
                (x - 0.05 * s, neck + 0.08 * s),
                (x + 0.05 * s, neck + 0.08 * s),
                (x + 0.08 * s, neck + 0.9 * s),
                (x, neck + 1.05 * s),
                (x - 0.08 * s, neck + 0.9 * s),
            ],
            fill=jitter(rng, (70, 40, 50), 30),
        )
    modelled(paint, head, hair if facing_away else skin, light)
    if facing_away:
        return
    turn = rng.uniform(-1, 1)  # a three-quarter view: the features shift sideways
    fx = x + turn * 0.07 * s
    for side in (-1, 1):  # the soft shadows of eye sockets, and the brows
        eye = (fx + side * 0.14 * s * (1 - 0.25 * side * turn), top + 0.47 * s)
        paint.ellipse(
            [
                eye[0] - 0.08 * s,
                eye[1] - 0.035 * s,
                eye[0] + 0.08 * s,
                eye[1] + 0.04 * s,
            ],
            fill=scaled(skin, 0.64),
        )
        paint.line(
            [
                (eye[0] - 0.09 * s, eye[1] - 0.075 * s),
                (eye[0] + 0.08 * s, eye[1] - 0.08 * s),
            ],
            fill=scaled(hair, 1.2),
            width=max(1, round(s / 28)),
        )
    paint.polygon(
        [
            (fx, top + 0.5 * s),
            (fx + turn * 0.05 * s, top + 0.66 * s),
            (fx - 0.04 * s, top + 0.68 * s),
        ],
        fill=scaled(skin, 0.78),
    )  # the nose
    paint.ellipse(
        [fx - 0.1 * s, top + 0.76 * s, fx + 0.1 * s, top + 0.81 * s],
        fill=scaled(mix(skin, (150, 60, 60), 0.35), 0.78),
    )
    cap = rng.uniform(0.16, 0.28) * s  # hair over the crown down to the hairline
    crown = [
        p for p in _head(x, top - 0.04 * s, s * 1.04, 0.385) if p[1] < top + 0.5 * s
    ]
    hairline = [
        (x + 0.3 * s, top + 0.42 * s),
        (x + 0.12 * s, top + cap),
        (x - 0.12 * s, top + cap),
        (x - 0.3 * s, top + 0.42 * s),
    ]
    right, left = crown[: len(crown) // 2], crown[len(crown) // 2 :]
    modelled(paint, right + hairline + left, hair, light, (0.7, 1.0, 1.25))


def portrait(seed: str, size: int = 480) -> bytes:
    """A backlit studio portrait: the sitter against a glowing, out-of-focus backdrop.

    The light comes from behind and to one side, so the figure is mostly shadow
    with a rim of light along one edge: the look of a moody editorial portrait,
    which needs no drawn face to read as a photograph.
    """
    rng = random.Random(seed)
    work = (size, size)
    backdrop = jitter(
        rng,
        rng.choice(
            [
                (120, 130, 140),
                (86, 108, 134),
                (140, 124, 104),
                (96, 108, 100),
                (170, 168, 160),
                (132, 96, 88),
                (70, 80, 96),
            ]
        ),
        12,
    )
    picture = solid(scaled(backdrop, 0.3), work)
    mottle = fractal(rng, work, cells=3, roughness=0.5).point(
        lambda v: 170 + v * 85 // 255
    )
    head = size * rng.uniform(0.34, 0.38)
    x, top = size * rng.uniform(0.44, 0.56), size * rng.uniform(0.17, 0.22)
    picture = glow(
        picture,
        (x + rng.uniform(-0.15, 0.15) * size, top + head * 0.6),
        size * 0.75,
        mix(backdrop, (255, 250, 240), 0.35),
        1.2,
        1.3,
    )
    picture = lit(picture, mottle)
    picture = ImageChops.screen(
        picture,
        bokeh(
            rng,
            14,
            [scaled(backdrop, 1.6), (255, 230, 200)],
            (size * 0.03, size * 0.09),
            (0, 0, size, size * 0.75),
            size * 0.01,
            70,
            work,
        ),
    )
    colours, mask = Image.new("RGB", work), Image.new("L", work, 0)
    key = (rng.choice([-1.0, 1.0]), -0.35)  # where the light behind comes from
    suit = jitter(rng, rng.choice(CLOTHES[:5] + CLOTHES[6:8]), 8)
    bust(
        rng,
        colours,
        mask,
        x,
        top,
        head,
        suit=suit if rng.random() < 0.6 else None,
        light=key,
    )
    mask = ragged(rng, mask, 0.8, 160)  # stray hairs and fabric soften the outline
    # The unlit front: dim, with just enough fill to show colour and form.
    fill = relief(mask, head * 0.5, key, floor=60).point(lambda v: v * 2 // 5)
    subject = lit(blur(colours, head * 0.03), fill)
    # The rim: the edge that faces the light, a few pixels deep and soft.
    edge = ImageChops.subtract(
        mask, shift(mask, round(-key[0] * size / 75), round(-key[1] * size / 75))
    )
    reach = ramp([(0, 255), ((top + head * 1.6) / size, 200), (1, 40)], work, mode="L")
    edge = ImageChops.multiply(blur(edge, size / 220), reach)
    rim = mix((255, 240, 222), backdrop, 0.25)
    subject = ImageChops.screen(subject, lit(solid(rim, work), edge))
    picture.paste(subject, (0, 0), blur(mask, 0.8))
    picture = bloom(picture, 200, size / 60, 0.6)
    grit = noise(rng, work).point(lambda v: 128 + (v - 128) // 16)
    picture = ImageChops.add(picture, Image.merge("RGB", (grit, grit, grit)), 1, -128)
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=88)
    return output.getvalue()

"""Pictures for the demo newsroom, drawn locally with Pillow (nothing is downloaded).

Each picture is an illustration of its motif (a skyline, a stadium, a chart…) in a
palette chosen from the story's slug, so every story gets its own image and the same
story always gets the same one.
"""

import io
import math
import random
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1600, 900  # the canvas scenes are drawn on
OUTPUT_WIDTH, OUTPUT_HEIGHT = 1600, 1200
PALETTES = [
    ((24, 44, 84), (236, 142, 74), (250, 216, 160)),
    ((18, 70, 90), (94, 170, 168), (230, 240, 220)),
    ((60, 22, 66), (205, 80, 110), (252, 196, 150)),
    ((30, 30, 40), (80, 120, 200), (200, 220, 250)),
    ((70, 40, 20), (200, 140, 60), (250, 230, 180)),
    ((20, 60, 40), (120, 180, 90), (230, 245, 200)),
    ((40, 40, 70), (230, 90, 70), (245, 220, 200)),
]


def _mix(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def _sky(draw, top, bottom, height=HEIGHT):
    for y in range(height):
        draw.line([(0, y), (WIDTH, y)], fill=_mix(top, bottom, y / height))


def _skyline(draw, rng, palette):
    dark, mid, light = palette
    _sky(draw, mid, light)
    for layer, shade in enumerate((0.55, 0.3, 0.0)):
        x = -20
        while x < WIDTH:
            width = rng.randint(60, 160)
            top = rng.randint(250 + layer * 120, 600 + layer * 60)
            colour = _mix(dark, mid, shade)
            draw.rectangle([x, top, x + width, HEIGHT], fill=colour)
            if layer == 2:
                for wy in range(top + 20, HEIGHT - 20, 34):
                    for wx in range(x + 12, x + width - 16, 26):
                        if rng.random() < 0.45:
                            draw.rectangle([wx, wy, wx + 10, wy + 16], fill=light)
            x += width + rng.randint(4, 20)


def _crowd(draw, rng, palette):
    dark, mid, light = palette
    _sky(draw, light, mid)
    for row in range(9):
        y = 330 + row * 70
        for _ in range(26):
            x = rng.randint(-40, WIDTH + 40)
            size = 26 + row * 5
            colour = _mix(dark, mid, rng.random() * 0.5)
            draw.ellipse([x, y, x + size, y + size], fill=colour)
            draw.rounded_rectangle(
                [x - size * 0.4, y + size * 0.9, x + size * 1.4, y + size * 3],
                radius=int(size * 0.5),
                fill=colour,
            )
    for _ in range(5):
        x = rng.randint(100, WIDTH - 200)
        draw.rectangle([x, 180, x + 8, 420], fill=dark)
        draw.rectangle([x + 8, 180, x + 190, 280], fill=light, outline=dark, width=5)


def _horizon(draw, rng, palette, ground_colour, horizon=520):
    _dark, mid, light = palette
    _sky(draw, mid, light, horizon)
    sun_x = rng.randint(300, WIDTH - 300)
    draw.ellipse([sun_x - 90, horizon - 260, sun_x + 90, horizon - 80], fill=light)
    draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=ground_colour)


def _field(draw, rng, palette):
    dark, _mid, _ = palette
    _horizon(draw, rng, palette, _mix(dark, (90, 140, 60), 0.6))
    for i in range(14):
        y = 520 + i * i * 2.2
        draw.line(
            [(0, y), (WIDTH, y + 30)], fill=_mix(dark, (150, 190, 90), 0.5), width=4
        )


def _sea(draw, rng, palette):
    dark, mid, light = palette
    _horizon(draw, rng, palette, _mix(dark, mid, 0.4), horizon=480)
    for row in range(18):
        y = 500 + row * 24
        points = [
            (x, y + 8 * math.sin(x / (40 + row * 3) + row))
            for x in range(0, WIDTH + 20, 20)
        ]
        draw.line(points, fill=_mix(mid, light, 0.5 - row / 40), width=3)


def _mountains(draw, rng, palette):
    dark, mid, light = palette
    _sky(draw, light, mid)
    for layer in range(4):
        base = 420 + layer * 110
        points = [(0, HEIGHT)]
        x = 0
        while x <= WIDTH:
            points.append((x, base - rng.randint(60, 260) + layer * 20))
            x += rng.randint(120, 260)
        points += [(WIDTH, base - 100), (WIDTH, HEIGHT)]
        draw.polygon(points, fill=_mix(mid, dark, 0.3 + layer * 0.22))


def _chart(draw, rng, palette):
    dark, mid, light = palette
    draw.rectangle([0, 0, WIDTH, HEIGHT], fill=light)
    for y in range(150, 800, 100):
        draw.line([(120, y), (WIDTH - 100, y)], fill=_mix(light, dark, 0.2), width=2)
    value = rng.randint(250, 450)
    previous = None
    for i in range(12):
        x = 170 + i * 110
        value = max(120, min(760, value + rng.randint(-90, 110)))
        draw.rectangle(
            [x, 800 - (800 - value) * 0.6, x + 60, 800], fill=_mix(mid, light, 0.3)
        )
        point = (x + 30, value)
        if previous:
            draw.line([previous, point], fill=dark, width=8)
        draw.ellipse(
            [point[0] - 12, point[1] - 12, point[0] + 12, point[1] + 12], fill=dark
        )
        previous = point
    draw.line([(120, 800), (WIDTH - 100, 800)], fill=dark, width=5)


def _stadium(draw, rng, palette):
    dark, mid, light = palette
    _sky(draw, dark, mid, 300)
    draw.rectangle([0, 300, WIDTH, HEIGHT], fill=_mix(dark, mid, 0.5))
    for row in range(8):
        y = 300 + row * 28
        for x in range(0, WIDTH, 18):
            if rng.random() < 0.8:
                draw.ellipse(
                    [x, y, x + 10, y + 10], fill=_mix(light, mid, rng.random())
                )
    draw.polygon(
        [(150, 560), (WIDTH - 150, 560), (WIDTH + 200, HEIGHT), (-200, HEIGHT)],
        fill=(46, 128, 62),
    )
    draw.line([(WIDTH // 2, 560), (WIDTH // 2, HEIGHT)], fill=(240, 240, 240), width=5)
    draw.ellipse(
        [WIDTH // 2 - 160, 650, WIDTH // 2 + 160, 820], outline=(240, 240, 240), width=5
    )
    for x in (80, WIDTH - 80):
        draw.rectangle([x - 8, 40, x + 8, 300], fill=dark)
        draw.rectangle([x - 60, 20, x + 60, 70], fill=light)


def _podium(draw, rng, palette):
    dark, mid, light = palette
    draw.rectangle([0, 0, WIDTH, HEIGHT], fill=_mix(dark, mid, 0.2))
    for i in range(5):
        x = 200 + i * 260
        colour = [mid, light, _mix(mid, dark, 0.5)][i % 3]
        draw.polygon(
            [(x, 60), (x + 180, 60), (x + 160, 520), (x + 20, 520)], fill=colour
        )
    draw.polygon(
        [(560, 480), (1040, 480), (1000, HEIGHT), (600, HEIGHT)],
        fill=_mix(dark, (0, 0, 0), 0.3),
    )
    draw.ellipse([720, 520, 880, 600], fill=light)
    for x in (760, 800, 840):
        draw.line([(800, 480), (x, 380)], fill=(20, 20, 20), width=6)
        draw.ellipse([x - 14, 360, x + 14, 392], fill=(30, 30, 30))


def _lab(draw, rng, palette):
    dark, mid, light = palette
    draw.rectangle([0, 0, WIDTH, HEIGHT], fill=_mix(light, (255, 255, 255), 0.5))
    draw.rectangle([0, 640, WIDTH, HEIGHT], fill=_mix(dark, mid, 0.4))
    for i in range(7):
        x = 140 + i * 200
        height = rng.randint(180, 360)
        draw.polygon(
            [(x, 640), (x + 140, 640), (x + 95, 640 - height), (x + 45, 640 - height)],
            outline=dark,
            fill=_mix(mid, light, 0.6),
        )
        liquid = 640 - height * rng.uniform(0.3, 0.6)
        draw.polygon(
            [
                (x + 4, 636),
                (x + 136, 636),
                (x + 136 - (liquid - 640 + height) * 0.0, liquid),
                (x + 4, liquid),
            ],
            fill=_mix(mid, dark, rng.random() * 0.5),
        )
        draw.rectangle(
            [x + 45, 640 - height - 60, x + 95, 640 - height], outline=dark, width=4
        )


def _desert(draw, rng, palette):
    _dark, _mid, _light = palette
    _horizon(draw, rng, palette, (214, 170, 110), horizon=500)
    for layer in range(5):
        points = [
            (0, HEIGHT),
            *(
                (x, 520 + layer * 80 + 40 * math.sin(x / (180 + layer * 40) + layer))
                for x in range(0, WIDTH + 40, 40)
            ),
            (WIDTH, HEIGHT),
        ]
        draw.polygon(points, fill=_mix((230, 190, 130), (150, 100, 60), layer / 5))


def _forest(draw, rng, palette):
    dark, mid, light = palette
    _sky(draw, light, mid)
    for layer in range(4):
        for _ in range(28):
            x = rng.randint(-60, WIDTH + 60)
            base = 500 + layer * 120
            height = rng.randint(200, 380)
            colour = _mix((40, 100, 60), dark, 0.2 + layer * 0.2)
            draw.polygon(
                [(x, base - height), (x - 70, base), (x + 70, base)], fill=colour
            )
        draw.rectangle(
            [0, 500 + layer * 120, WIDTH, HEIGHT],
            fill=_mix((40, 80, 50), dark, 0.3 + layer * 0.15),
        )


def _market(draw, rng, palette):
    dark, mid, light = palette
    _sky(draw, light, mid, 400)
    draw.rectangle([0, 400, WIDTH, HEIGHT], fill=_mix(dark, mid, 0.4))
    for i in range(6):
        x = 40 + i * 260
        for stripe in range(6):
            colour = mid if stripe % 2 else light
            draw.polygon(
                [
                    (x + stripe * 40, 260),
                    (x + stripe * 40 + 40, 260),
                    (x + stripe * 40 + 48, 360),
                    (x + stripe * 40 + 8, 360),
                ],
                fill=colour,
            )
        draw.rectangle([x + 10, 360, x + 240, 620], fill=_mix(dark, light, 0.25))
        for _ in range(16):
            fx, fy = rng.randint(x + 20, x + 220), rng.randint(560, 610)
            draw.ellipse(
                [fx, fy, fx + 28, fy + 28],
                fill=rng.choice([(220, 80, 40), (240, 180, 40), (120, 170, 60)]),
            )


MOTIFS: dict[str, Callable] = {
    "skyline": _skyline,
    "crowd": _crowd,
    "field": _field,
    "sea": _sea,
    "mountains": _mountains,
    "chart": _chart,
    "stadium": _stadium,
    "podium": _podium,
    "lab": _lab,
    "desert": _desert,
    "forest": _forest,
    "market": _market,
}


def draw_picture(seed: str, motif: str) -> bytes:
    """A 1600×1200 JPEG of `motif`, the same every time for the same seed.

    4:3 so that every crop the site makes (16:9 cards, 1:1 and 4:3 social images
    at 1,200 px) can be cut from it without enlarging.
    """
    rng = random.Random(seed)
    palette = PALETTES[rng.randrange(len(PALETTES))]
    scene = Image.new("RGB", (WIDTH, HEIGHT))
    MOTIFS.get(motif, _skyline)(ImageDraw.Draw(scene), rng, palette)
    scale = OUTPUT_HEIGHT / HEIGHT
    scene = scene.resize(
        (round(WIDTH * scale), OUTPUT_HEIGHT), Image.Resampling.LANCZOS
    )
    left = (scene.width - OUTPUT_WIDTH) // 2
    image = scene.crop((left, 0, left + OUTPUT_WIDTH, OUTPUT_HEIGHT))
    image = image.filter(ImageFilter.SMOOTH)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=85, optimize=True, progressive=True)
    return output.getvalue()


def draw_portrait(seed: str, initials: str) -> bytes:
    """A square portrait placeholder: the author's initials on a coloured ground."""
    rng = random.Random(seed)
    dark, mid, _ = PALETTES[rng.randrange(len(PALETTES))]
    size = 480
    image = Image.new("RGB", (size, size), mid)
    draw = ImageDraw.Draw(image)
    draw.ellipse(
        [size * 0.3, size * 0.16, size * 0.7, size * 0.56], fill=_mix(dark, mid, 0.3)
    )
    draw.ellipse(
        [size * 0.12, size * 0.6, size * 0.88, size * 1.3], fill=_mix(dark, mid, 0.3)
    )
    font = ImageFont.load_default(size=96)
    draw.text(
        (size / 2, size * 0.36), initials, fill=(255, 255, 255), font=font, anchor="mm"
    )
    output = io.BytesIO()
    image.save(output, "JPEG", quality=88)
    return output.getvalue()

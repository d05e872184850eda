"""A market seen between its stalls: produce in the light, shoppers out of focus."""

from PIL import Image, ImageChops, ImageDraw

from .city import WARM_LIGHTS
from .people import bust, rounded
from .photo import (
    DAYLIGHTS,
    SIZE,
    H,
    W,
    bloom,
    blur,
    bokeh,
    glow,
    jitter,
    lit,
    noise,
    place,
    ramp,
    scaled,
    solid,
)


def market(rng):
    light = rng.choice(DAYLIGHTS)
    glow_colour = rng.choice(WARM_LIGHTS)
    # The stalls behind, out of focus: warm light, colour and passing shoppers.
    depth = ramp([(0, (70, 60, 50)), (0.5, (150, 130, 100)), (1, (90, 80, 64))])
    blocks = noise(rng, (24, 10)).resize(SIZE, Image.Resampling.NEAREST)
    hues = Image.merge("RGB", [noise(rng, (24, 10)) for _ in range(3)]).resize(
        SIZE, Image.Resampling.NEAREST
    )
    picture = Image.composite(Image.blend(depth, hues, 0.35), depth, blocks)
    shoppers, figures = Image.new("RGB", SIZE), Image.new("L", SIZE, 0)
    for _ in range(rng.randint(4, 8)):
        bust(
            rng,
            shoppers,
            figures,
            rng.uniform(0, W),
            H * rng.uniform(0.25, 0.4),
            rng.uniform(40, 70),
        )
    picture.paste(shoppers, (0, 0), figures)
    picture = blur(picture, 14)
    picture = ImageChops.screen(
        picture, bokeh(rng, 28, [glow_colour], (10, 26), (0, 0, W, H * 0.4), 2, 200)
    )
    # An awning along the top, striped canvas with a scalloped hem.
    stripes, awning = Image.new("RGB", SIZE), Image.new("L", SIZE, 0)
    paint, shape = ImageDraw.Draw(stripes), ImageDraw.Draw(awning)
    colours = rng.choice(
        [
            ((200, 40, 40), (236, 230, 214)),
            ((40, 90, 150), (236, 230, 214)),
            ((40, 120, 70), (240, 220, 150)),
        ]
    )
    hem = H * rng.uniform(0.12, 0.2)
    for i, x in enumerate(range(-20, W + 40, 40)):
        paint.polygon(
            [(x, 0), (x + 40, 0), (x + 44, hem), (x + 4, hem)], fill=colours[i % 2]
        )
        paint.chord([x + 4, hem - 14, x + 44, hem + 14], 0, 180, fill=colours[i % 2])
        shape.chord([x + 4, hem - 14, x + 44, hem + 14], 0, 180, fill=255)
    shape.rectangle([0, 0, W, hem], fill=255)
    folds = ramp([(0, (170,) * 3), (1, (255,) * 3)]).convert("L")
    place(picture, lit(stripes, folds), awning, 1.2)
    # Crates of produce in rows, the nearest row largest and out of focus.
    produce = [
        (206, 40, 30),
        (240, 140, 30),
        (236, 206, 60),
        (70, 130, 40),
        (110, 40, 90),
        (150, 110, 70),
        (226, 90, 40),
        (120, 160, 50),
    ]
    tiers = ((0.5, 13, 0.5), (0.66, 18, 0.8), (0.86, 26, 3.0))  # top, fruit size, blur
    for top, fruit, focus in tiers:
        colours, mask = Image.new("RGB", SIZE), Image.new("L", SIZE, 0)
        paint, shape = ImageDraw.Draw(colours), ImageDraw.Draw(mask)
        x = rng.uniform(-80, 0)
        while x < W:
            width = fruit * rng.uniform(7, 10)
            y0 = H * top
            colour = rng.choice(produce)
            for _ in range(int(width * fruit * 0.05)):  # a heap, highest mid-crate
                fx = x + rng.uniform(0.05, 0.95) * width
                heap = 1 - abs(fx - x - width / 2) / width
                fy = y0 - rng.uniform(0, fruit * 1.6 * heap)
                r = fruit * rng.uniform(0.42, 0.55)
                box = [fx - r, fy - r, fx + r, fy + r]
                shape.ellipse(box, fill=255)
                rounded(paint, "ellipse", box, jitter(rng, colour, 18))
            wood = jitter(rng, (140, 100, 62), 16)
            front = [x, y0, x + width - 6, y0 + fruit * 3.5]
            shape.rectangle(front, fill=255)
            paint.rectangle(front, fill=wood)
            for plank in range(1, 3):
                py = y0 + plank * fruit * 1.15
                paint.line(
                    [(x, py), (x + width - 6, py)], fill=scaled(wood, 0.6), width=2
                )
            if rng.random() < 0.5:  # a handwritten price card
                card = [x + width * 0.3, y0 - fruit * 2.6, x + width * 0.6, y0 - fruit]
                shape.rectangle(card, fill=255)
                paint.rectangle(card, fill=(236, 232, 216))
                paint.line(
                    [
                        (card[0] + 4, card[1] + fruit * 0.6),
                        (card[2] - 4, card[1] + fruit * 0.7),
                    ],
                    fill=(30, 30, 60),
                    width=max(2, fruit // 6),
                )
            x += width
        warm = glow(solid((170, 160, 150)), (W / 2, H * 0.3), W, glow_colour, 0.8)
        place(picture, lit(colours, warm.convert("L")), mask, focus)
    return bloom(picture, 200, 12, 0.4), light

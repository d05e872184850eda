"""The desert: a road to the horizon, scrub, heat haze and a convoy of lorries."""

from PIL import Image, ImageChops, ImageDraw

from .photo import (
    BLACK,
    DAYLIGHTS,
    SIZE,
    H,
    W,
    blur,
    fractal,
    glow,
    levels,
    lit,
    mix,
    noise,
    place,
    solid,
    textured,
)
from .scenery import (
    below,
    defocus_foreground,
    distance_haze,
    ground,
    land,
    ridge,
    scatter,
    sky,
)

FOCAL = 700  # pixels: a normal lens on the SIZE canvas


def lorry(draw, vanish, horizon, x, depth, side_tone, rear_tone):
    """A box lorry from behind, its side running off toward the vanishing point.

    Sizes are in camera heights (about 1.6 m) and `depth` is how far below the
    horizon its wheels touch the road, so one camera height measures `depth` pixels.
    """
    y, w, h = horizon + depth, 1.55 * depth, 2.5 * depth
    chassis = y - 0.3 * h

    def toward(point, length):  # the same point `length` camera heights further on
        shrink = 1 / (1 + length * depth / FOCAL)
        return (
            vanish + (point[0] - vanish) * shrink,
            horizon + (point[1] - horizon) * shrink,
        )

    edge = x - w / 2 if x > vanish else x + w / 2
    top, low, foot = (edge, y - h), (edge, chassis), (edge, y - 0.06 * h)
    draw.polygon([foot, toward(foot, 6), toward(low, 6), low], fill=20)
    draw.polygon([top, toward(top, 5), toward(low, 5), low], fill=side_tone)
    cab = toward((edge, y - 0.75 * h), 5.2)  # the cab, lower, ahead of the box
    draw.polygon(
        [cab, toward(cab, 1.2), toward(low, 6.4), toward(low, 5.2)],
        fill=max(40, side_tone - 30),
    )
    for axle in (0.6, 1.6, 5.6):  # wheels along the side
        cx, cy = toward((edge, y - 0.1 * h), axle)
        r = 0.12 * h / (1 + axle * depth / FOCAL)
        draw.ellipse([cx - r * 0.6, cy - r, cx + r * 0.6, cy + r], fill=12)
    draw.rectangle([x - w / 2, y - h, x + w / 2, chassis], fill=rear_tone)
    draw.rectangle([x - w / 2, chassis, x + w / 2, y - 0.04 * h], fill=22)
    draw.line([(x, y - h), (x, chassis)], fill=max(30, rear_tone - 60))  # the doors
    for lamp in (x - w * 0.42, x + w * 0.34):
        draw.rectangle(
            [lamp, chassis - 0.05 * h, lamp + w * 0.08, chassis - 0.01 * h], fill=3
        )


def desert(rng):
    light = rng.choice(DAYLIGHTS[:2] + DAYLIGHTS[4:])
    horizon = H * rng.uniform(0.42, 0.5)
    side = rng.choice([-1, 1])  # which side of the camera the road runs
    vanish = W * (0.5 - side * rng.uniform(0.08, 0.22))
    picture = sky(rng, light, horizon, clouds=rng.uniform(0, 0.3))
    if rng.random() < 0.7:  # mesas or low hills far off, pale with heat haze
        hills = ridge(rng, horizon + 1, H * 0.05, roughness=0.4, steps=6)
        place(picture, mix((170, 130, 100), light.horizon, 0.6), land(hills), 1.0)
    sand = mix((206, 166, 116), light.sun, 0.2)
    ripples = ground(fractal(rng, (512, 512), cells=16, stretch=3), horizon, vanish)
    surface = textured(sand, ripples, 0.3)
    pebbles = levels(noise(rng, SIZE), 230, 255)
    surface = lit(surface, pebbles.point(lambda v: 255 - v // 4))
    # The camera stands on the verge: the road runs off to one side of it.
    near_edge, far_edge = 0.5 * side, rng.uniform(3.4, 4.6) * side
    reach = H - horizon
    road = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(road)
    draw.polygon(
        [
            (vanish, horizon),
            (vanish + near_edge * reach, H),
            (vanish + far_edge * reach, H),
        ],
        fill=255,
    )
    asphalt = textured(mix((86, 80, 74), sand, 0.25), noise(rng, SIZE), 0.2)
    surface.paste(asphalt, (0, 0), blur(road, 0.8))
    marks = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(marks)
    middle = (near_edge + far_edge) / 2
    for step in range(60):  # dashes every twelve metres along the centre line
        near, far = FOCAL / (8 + step * 8), FOCAL / (8 + step * 8 + 3)
        draw.polygon(
            [
                (vanish + (middle - 0.06) * near, horizon + near),
                (vanish + (middle + 0.06) * near, horizon + near),
                (vanish + (middle + 0.06) * far, horizon + far),
                (vanish + (middle - 0.06) * far, horizon + far),
            ],
            fill=190,
        )
    surface.paste(solid((226, 222, 206)), (0, 0), marks)
    scrub = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(scrub)
    for x, y, _ in scatter(rng, 500, horizon):
        offset = (x - vanish) / (y - horizon)
        if not min(near_edge, far_edge) - 0.3 < offset < max(near_edge, far_edge) + 0.3:
            r = rng.uniform(0.1, 0.4) * (y - horizon) / 10
            draw.ellipse([x - r * 1.6, y - r, x + r * 1.6, y + r * 0.3], fill=255)
    bushes = textured((104, 92, 64), noise(rng, SIZE), 0.4)
    surface.paste(bushes, (0, 0), blur(scrub, 0.6))
    surface = defocus_foreground(surface, H * 0.84, 2.5)
    surface = distance_haze(surface, horizon, light.horizon, 0.2, 0.8)
    place(picture, surface, below(horizon), 0.5)
    if rng.random() < 0.8:  # a convoy of lorries shrinking along the road
        trucks = Image.new("L", SIZE, 0)
        draw = ImageDraw.Draw(trucks)
        lane = middle + side * 0.9
        first = rng.uniform(8, 20)  # camera heights to the nearest lorry
        side_lit = rng.random() < 0.5
        for step in range(rng.randint(5, 12), -1, -1):
            depth = FOCAL / (first + step * 11)
            lorry(
                draw,
                vanish,
                horizon,
                vanish + lane * depth,
                depth,
                230 if side_lit else 130,
                150 if side_lit else 235,
            )
        colour = (236, 236, 230) if rng.random() < 0.6 else (170, 140, 100)
        body = lit(solid(mix(colour, light.horizon, 0.15)), trucks)
        body.paste((220, 30, 20), (0, 0), trucks.point(lambda v: 255 if v == 3 else 0))
        shadow = blur(
            ImageChops.offset(trucks, 6, 3).point(lambda v: 90 if v else 0), 3
        )
        place(picture, BLACK, shadow)
        place(picture, body, levels(trucks, 1, 8), 0.6)
    return glow(picture, (vanish, horizon), W * 0.5, light.horizon, 0.5), light

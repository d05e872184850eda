"""Landscapes: fields, the sea, mountains and forest, each under its own sky."""

import itertools

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
    hillshade,
    levels,
    lit,
    mix,
    noise,
    place,
    radial,
    ragged,
    ramp,
    relief,
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


def treeline(rng, picture, light, y, height, haze):
    crest = ridge(rng, y, height, roughness=0.75, steps=9)
    mask = land(crest)
    draw = ImageDraw.Draw(mask)
    for _ in range(rng.randint(4, 12)):  # taller crowns standing out from the line
        x, r = rng.uniform(0, W), rng.uniform(0.5, 1.3) * height
        draw.ellipse([x - r, y - r * 1.8, x + r, y + r * 0.4], fill=255)
    mask = ragged(rng, mask, 1.5, 120)
    green = mix((40, 54, 34), light.horizon, haze)
    foliage = lit(
        textured(green, fractal(rng, cells=80, octaves=2), 0.3),
        relief(mask, 2, floor=200),
    )
    place(picture, foliage, mask, 0.6)


def field(rng):
    light = rng.choice(DAYLIGHTS)
    horizon = H * rng.uniform(0.38, 0.48)
    vanish = rng.uniform(0.25, 0.75) * W
    picture = sky(rng, light, horizon, clouds=rng.uniform(0.2, 0.7))
    treeline(rng, picture, light, horizon + 2, H * 0.025, 0.5)
    crop, soil = rng.choice(
        [
            ((86, 132, 46), (84, 70, 44)),
            ((200, 170, 90), (150, 118, 62)),
            ((72, 118, 58), (92, 112, 64)),
        ]
    )
    furrows = Image.new("L", (4096, 4), 255)
    draw = ImageDraw.Draw(furrows)
    for x in range(0, 4096, 4):  # a furrow every four texels across the field
        draw.line([(x, 0), (x, 4)], fill=40)
    rows = ground(furrows, horizon + 4, vanish, near=5, bands=1)
    plants = ground(fractal(rng, (512, 512), cells=40, octaves=4), horizon + 4, vanish)
    cover = ImageChops.multiply(rows, plants.point(lambda v: 90 + v * 165 // 255))
    surface = Image.composite(solid(crop), solid(soil), cover)
    leaves = fractal(rng, cells=90, octaves=2).point(lambda v: 170 + v * 85 // 255)
    surface = lit(surface, leaves)
    # The shadows of clouds drift across the field.
    clouds = ground(fractal(rng, (256, 256), cells=3), horizon + 4, vanish, bands=1)
    surface = lit(
        surface, levels(clouds, 80, 170).point(lambda v: 150 + v * 105 // 255)
    )
    surface = defocus_foreground(surface, H * 0.8, 3)
    surface = distance_haze(surface, horizon, light.horizon, 0.25, 0.7)
    place(picture, surface, below(horizon + 3), 0.5)
    # A few trees standing alone in the middle distance, each with its shadow.
    trees = scatter(rng, rng.randint(0, 4), horizon, H * 0.25, 8)
    picture = glow(picture, (vanish, horizon), W * 0.7, light.sun, 0.2)
    if not trees:
        return picture, light
    crowns, shadows = Image.new("L", SIZE, 0), Image.new("L", SIZE, 0)
    draw, shade = ImageDraw.Draw(crowns), ImageDraw.Draw(shadows)
    for x, y, _ in trees:
        depth = y - horizon
        r = depth * rng.uniform(0.5, 0.8)
        draw.rectangle([x - r * 0.07, y - r * 1.3, x + r * 0.07, y], fill=255)
        for _ in range(7):  # a crown of several clumps of leaves
            cx, cy = x + rng.uniform(-0.7, 0.7) * r, y - r * rng.uniform(1.5, 2.3)
            cr = r * rng.uniform(0.4, 0.7)
            draw.ellipse([cx - cr, cy - cr * 0.8, cx + cr, cy + cr * 0.8], fill=255)
        shade.ellipse([x - r * 1.3, y - r * 0.08, x + r * 1.1, y + r * 0.12], fill=140)
    place(picture, BLACK, shadows, 1.5)
    crowns = ragged(rng, crowns, 3, 50)
    green = mix((62, 84, 44), light.horizon, 0.15)
    place(
        picture,
        lit(
            textured(green, fractal(rng, cells=60, octaves=2), 0.4),
            relief(crowns, 6, floor=110),
        ),
        crowns,
        0.6,
    )
    return picture, light


def sea(rng):
    light = rng.choice(DAYLIGHTS)
    horizon = H * rng.uniform(0.42, 0.52)
    sun_x = rng.uniform(0.3, 0.7) * W
    picture = sky(rng, light, horizon, sun_x)
    if rng.random() < 0.6:  # a headland or a far coast, blue with distance
        coast = ridge(
            rng, horizon, H * 0.05, roughness=0.5, start=-W * 0.2, end=W * 0.5
        )
        if rng.random() < 0.5:
            coast = [(W - x, y) for x, y in coast]
        place(picture, mix((62, 74, 70), light.horizon, 0.55), land(coast), 0.6)
    waves = fractal(rng, (512, 512), cells=20, stretch=1.6, roughness=0.62)
    plane = ground(waves, horizon + 1, sun_x, near=2)
    deep = mix(light.zenith, (10, 38, 56), 0.6)
    water = ramp([(0, deep), (horizon / H, mix(light.horizon, deep, 0.3)), (1, deep)])
    water = lit(water, plane.point(lambda v: 120 + v * 135 // 255))
    # Glitter: wave faces that catch the sun, gathered on a path beneath it.
    reach = H - horizon
    path = radial(
        (sun_x, horizon + reach * 0.35),
        W * 0.12,
        squash=reach * 1.8 / (W * 0.24),
        power=0.8,
    )
    # Points of glitter, squashed into short dashes, on the faces of the waves.
    glints = levels(noise(rng, (W // 3, H)), 215, 250).resize(
        SIZE, Image.Resampling.BILINEAR
    )
    crests = levels(plane, 90, 190)
    sparkle = ImageChops.multiply(ImageChops.multiply(glints, crests), path)
    sheen = ImageChops.multiply(crests, path).point(lambda v: v * 2 // 3)
    sparkle = ImageChops.lighter(sparkle, sheen).point(lambda v: round(v * light.glare))
    water = ImageChops.screen(water, lit(solid(light.sun), sparkle))
    water = distance_haze(water, horizon, light.horizon, 0.08, 0.6)
    place(picture, water, below(horizon), 0.4)
    if rng.random() < 0.5:  # a ship hull down on the horizon
        x, scale = rng.uniform(0.15, 0.8) * W, rng.uniform(0.7, 1.4)
        hull = Image.new("L", SIZE, 0)
        draw = ImageDraw.Draw(hull)
        draw.polygon(
            [
                (x, horizon - 4 * scale),
                (x + 50 * scale, horizon - 4 * scale),
                (x + 44 * scale, horizon + 1),
                (x + 4 * scale, horizon + 1),
            ],
            fill=255,
        )
        draw.rectangle(
            [x + 30 * scale, horizon - 11 * scale, x + 44 * scale, horizon - 4 * scale],
            fill=255,
        )
        place(picture, mix((40, 44, 50), light.horizon, 0.45), hull, 0.7)
    return picture, light


def facets(crest, base, light_from_left: bool) -> Image.Image:
    """Light on a range's faces: each slope between a peak and a col is one face.

    Faces below a crest rising toward the sun are lit, those below a falling one are
    in shade; spurs and gullies run down from the peaks and cols between them.
    """
    ys = [y for _, y in crest]
    turns = [0]
    for i in range(8, len(crest) - 8):
        window = ys[i - 8 : i + 9]
        if ys[i] in (min(window), max(window)) and i - turns[-1] > 4:
            turns.append(i)
    turns.append(len(crest) - 1)
    faces = Image.new("L", SIZE, 128)
    draw = ImageDraw.Draw(faces)
    for a, b in itertools.pairwise(turns):
        (xa, ya), (xb, yb) = crest[a], crest[b]
        facing_left = yb > ya  # the crest falls to the right: the face looks left
        tone = 185 if facing_left == light_from_left else 90
        foot = base + (base - min(ya, yb)) * 0.2
        # Spurs and gullies splay outward as they run down, so faces are triangular.
        spread = (xb - xa) * 0.7
        draw.polygon(
            [*crest[a : b + 1], (xb + spread, foot), (xa - spread, foot)], fill=tone
        )
    return blur(faces, 5)


def mountains(rng):
    light = rng.choice(DAYLIGHTS)
    picture = sky(rng, light, H * 0.55)
    rock, forest = (110, 104, 98), (38, 60, 40)
    from_left = rng.random() < 0.5
    # One terrain texture serves every range: each shows only its own band of it.
    gullies = fractal(rng, (W // 2, H // 2), cells=6, stretch=0.5).resize(SIZE)
    detail = hillshade(blur(gullies, 1.5), 1.2)
    trees = fractal(rng, cells=150, octaves=2).point(lambda v: 165 + v * 90 // 255)
    ranges = 5
    for layer in range(ranges):
        nearness = layer / (ranges - 1)
        base = H * (0.4 + 0.52 * nearness**1.2)
        height = H * (0.26 - 0.15 * nearness)
        crest = ridge(rng, base, height, roughness=0.58 - 0.1 * nearness, steps=8)
        mask = land(crest)
        top = min(y for _, y in crest)
        haze = 0.78 * (1 - nearness) ** 1.2
        body = mix(mix(rock, forest, nearness**0.7), light.horizon, haze)
        mist = mix(body, light.horizon, 0.6)
        # Each range is darkest at its crest and fades into the valley mist below.
        fill = ramp(
            [(0, body), (top / H, body), (min(1, base / H + 0.12), mist), (1, mist)]
        )
        contrast = 1 - haze
        light_map = ImageChops.add(facets(crest, base, from_left), detail, 1, -128)
        # Light on the faces is plain near the crest and lost in the mist below.
        fade = ImageChops.invert(below(top, (base - top) / H + 0.1))
        light_map = Image.composite(light_map, Image.new("L", SIZE, 128), fade)
        fill = lit(
            fill,
            light_map.point(
                lambda v, c=contrast: round(
                    max(0, min(255, 215 + (v - 128) * (0.3 + 0.9 * c)))
                )
            ),
        )
        if layer == 0 and rng.random() < 0.8:  # snow above the snow line, in gullies
            line = ImageChops.invert(below(top + height * 0.55, 0.08))
            snow = levels(ImageChops.multiply(line, gullies), 40, 100)
            white = mix((236, 240, 248), light.horizon, haze * 0.5)
            snowy = lit(
                solid(white), light_map.point(lambda v: max(0, min(255, v + 60)))
            )
            fill = Image.composite(snowy, fill, snow)
        if layer >= ranges - 2:  # forest covering the near slopes
            mask = ragged(rng, mask, 1.5, 90)
            fill = lit(fill, trees)
        place(picture, fill, mask, 2.0 if layer == ranges - 1 else 0.6)
    return picture, light


def forest(rng):
    light = rng.choice(DAYLIGHTS)
    sun = (rng.uniform(0.25, 0.75) * W, H * rng.uniform(0.12, 0.3))
    mist = mix(light.horizon, (232, 238, 226), 0.35)
    horizon = H * rng.uniform(0.5, 0.6)
    picture = ramp([(0, mix(mist, (70, 96, 66), 0.4)), (horizon / H, mist), (1, mist)])
    picture = glow(picture, sun, W * 0.7, light.sun, 0.9)
    litter = ground(fractal(rng, (512, 512), cells=30, octaves=4), horizon, W / 2)
    floor = textured(mix((80, 66, 46), (64, 84, 46), rng.random()), litter, 0.6)
    floor = distance_haze(floor, horizon, mist, 0.25, 0.85)
    place(picture, floor, below(horizon))
    bark = fractal(rng, (W // 2, H // 2), cells=30, stretch=0.1).resize(SIZE)
    trunks = scatter(rng, rng.randint(40, 60), horizon, farthest=5)
    trunks += [
        (rng.uniform(0, W), horizon + d, d / (H - horizon))
        for d in (rng.uniform(0.3, 0.6) * (H - horizon) for _ in range(3))
    ]
    rays = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(rays)
    for _ in range(8):  # shafts of light fanning out from the sun through the trees
        angle, spread, far = rng.uniform(-0.7, 0.7), rng.uniform(0.015, 0.05), H * 1.6
        draw.polygon(
            [
                sun,
                (sun[0] + far * (angle - spread), far),
                (sun[0] + far * (angle + spread), far),
            ],
            fill=55,
        )
    rays = lit(solid(light.sun), blur(rays, 10))
    bins = 3
    for layer in range(bins):
        nearness = (layer + 0.5) / bins
        mask = Image.new("L", SIZE, 0)
        draw = ImageDraw.Draw(mask)
        for x, y, scale in trunks:
            if not layer / bins <= scale**0.5 < (layer + 1) / bins:
                continue
            width = rng.uniform(0.5, 1.0) * (y - horizon) * 0.35 + 1.5
            edge = [
                (x + rng.uniform(-0.05, 0.05) * width, row)
                for row in range(round(y) + 2, -60, -60)
            ]
            draw.polygon(
                [
                    (edge[0][0] - width * 0.2, y + 2),
                    *edge,
                    *[(ex + width, ey) for ex, ey in edge[::-1]],
                    (edge[0][0] + width * 1.2, y + 2),
                ],
                fill=255,
            )
        dark = mix((40, 34, 28), mist, 0.85 * (1 - nearness) ** 1.5)
        shading = relief(mask, 2 + 10 * nearness**2, (-1, 0), floor=110)
        place(
            picture,
            lit(textured(dark, bark, 0.5 * nearness), shading),
            mask,
            3.0 if layer == bins - 1 else 0.5,
        )
        if layer == 1:  # the light hangs in the air between the trees
            picture = ImageChops.screen(picture, rays)
    leafage = fractal(rng, cells=55, octaves=3)  # one texture for all the leaves
    # Leaves overhead, dark against the light and broken by it.
    canopy = levels(fractal(rng, cells=5, roughness=0.65), 120, 170)
    canopy = ImageChops.multiply(canopy, ImageChops.invert(below(H * 0.05, 0.3)))
    canopy = ragged(rng, canopy, 1, 150)
    leaves = textured(mix((44, 62, 34), mist, 0.2), leafage, 0.6)
    place(picture, glow(leaves, sun, W * 0.4, light.sun, 0.6), canopy, 1.0)
    ferns = ImageChops.multiply(
        levels(fractal(rng, cells=10), 110, 160), below(H * 0.8, 0.1)
    )
    ferns = ragged(rng, ferns, 1, 120)
    fronds = textured((52, 76, 38), leafage, 0.5)
    place(picture, fronds, ferns, 3.0)
    return picture, light

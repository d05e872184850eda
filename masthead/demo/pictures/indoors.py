"""Indoor scenes under artificial light: a podium, a data-centre aisle, a chart."""

from PIL import Image, ImageChops, ImageDraw

from .people import bust
from .photo import (
    BLACK,
    SIZE,
    H,
    Light,
    W,
    bloom,
    blur,
    bokeh,
    dimmed,
    fractal,
    glow,
    jitter,
    lit,
    mix,
    place,
    radial,
    ramp,
    relief,
    scaled,
    shift,
    solid,
    textured,
)

STUDIO = Light((20, 24, 34), (60, 64, 76), (255, 236, 210), (20, 24, 40), 0, 0, True)
OFFICE = Light((60, 66, 72), (140, 146, 150), (255, 244, 226), (40, 50, 60), 0, 0, True)
BACKDROPS = [(24, 46, 96), (90, 24, 36), (30, 34, 40), (20, 70, 80), (70, 60, 50)]


def perspective(size, corners):
    """Coefficients for `Image.transform` that put a `size` image on four corners.

    `corners` are where its top-left, top-right, bottom-right and bottom-left end
    up; the eight unknowns are solved by Gaussian elimination.
    """
    w, h = size
    source = [(0, 0), (w, 0), (w, h), (0, h)]
    rows = []
    for (x, y), (u, v) in zip(corners, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
    for col in range(8):
        pivot = max(range(col, 8), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(8):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [
                    a - factor * b for a, b in zip(rows[r], rows[col], strict=True)
                ]
    return [rows[i][8] / rows[i][i] for i in range(8)]


def podium(rng):
    backdrop = jitter(rng, rng.choice(BACKDROPS), 10)
    picture = ramp(
        [(0, scaled(backdrop, 0.5)), (0.5, backdrop), (1, scaled(backdrop, 0.4))]
    )
    picture = glow(
        picture,
        (W * rng.uniform(0.4, 0.6), H * 0.35),
        W * 0.5,
        mix(backdrop, (255, 255, 255), 0.35),
        0.8,
    )
    if rng.random() < 0.6:  # flags on poles behind the speaker, their folds lit
        for x in rng.sample([W * 0.12, W * 0.26, W * 0.74, W * 0.88], 2):
            cloth = Image.new("L", SIZE, 0)
            ImageDraw.Draw(cloth).rectangle(
                [x - 40, H * 0.05, x + 40, H * 0.75], fill=255
            )
            folds = bytes(round(170 + 85 * abs(((i / 17) % 2) - 1)) for i in range(W))
            folds = Image.frombytes("L", (W, 1), folds).resize(SIZE)
            stripes = ramp(
                [
                    (0, jitter(rng, (200, 40, 40), 40)),
                    (0.33, (230, 230, 225)),
                    (0.66, jitter(rng, (30, 70, 150), 40)),
                    (1, (30, 70, 150)),
                ]
            )
            place(picture, lit(stripes, folds), cloth, 4)
    picture = ImageChops.screen(
        picture,
        bokeh(
            rng,
            18,
            [(255, 230, 190), mix(backdrop, (255, 255, 255), 0.5)],
            (14, 40),
            (0, 0, W, H * 0.6),
            3,
            110,
        ),
    )
    key = (rng.choice([-0.8, 0.8]), -0.5)  # the stage lights, high to one side
    if rng.random() < 0.4:
        return panel(rng, picture, key), STUDIO
    # The speaker behind a lectern bristling with microphones, which hold the focus.
    colours, mask = Image.new("RGB", SIZE), Image.new("L", SIZE, 0)
    head = H * rng.uniform(0.13, 0.16)
    x = W * rng.uniform(0.42, 0.58)
    suit = jitter(rng, (34, 38, 50), 10)
    bust(rng, colours, mask, x, H * 0.25, head, suit=suit, light=key)
    shading = relief(mask, head * 0.35, key, floor=90)
    place(picture, lit(blur(colours, head * 0.035), shading), mask, 1.2)
    paint = ImageDraw.Draw(picture)
    wood = jitter(rng, rng.choice([(110, 74, 44), (60, 50, 44), (180, 170, 160)]), 10)
    top = H * 0.58
    lectern = [
        (x - W * 0.17, top),
        (x + W * 0.17, top),
        (x + W * 0.14, H),
        (x - W * 0.14, H),
    ]
    front = Image.new("L", SIZE, 0)
    ImageDraw.Draw(front).polygon(lectern, fill=255)
    grain = fractal(rng, (W // 2, H // 2), cells=20, stretch=0.2).resize(SIZE)
    body = lit(
        textured(wood, grain, 0.2),
        ramp([(0, (255,) * 3), (1, (110,) * 3)]).convert("L"),
    )
    place(picture, body, front, 0.5)
    paint.rectangle(
        [x - W * 0.18, top - 6, x + W * 0.18, top + 4], fill=scaled(wood, 1.2)
    )
    seal = [x - 40, top + 50, x + 40, top + 130]
    paint.ellipse(seal, fill=(196, 170, 100))
    paint.ellipse(
        [seal[0] + 8, seal[1] + 8, seal[2] - 8, seal[3] - 8], fill=scaled(wood, 0.8)
    )
    for _ in range(rng.randint(3, 7)):  # microphones on stalks reaching up
        mx, my = x + rng.uniform(-60, 60), top - rng.uniform(40, 90)
        paint.line(
            [(x + rng.uniform(-20, 20), top), (mx, my)], fill=(20, 20, 22), width=3
        )
        colour = rng.choice([(20, 20, 22), (40, 40, 44), (180, 30, 30), (30, 60, 150)])
        paint.ellipse([mx - 9, my - 14, mx + 9, my + 6], fill=colour)
    spot = radial((x, H * 0.4), W * 0.7, power=1.2).point(
        lambda v: 120 + v * 135 // 255
    )
    picture = lit(picture, spot)
    picture = ImageChops.screen(
        picture,
        bokeh(  # a photographer's flash, out of focus
            rng,
            rng.randint(0, 3),
            [(255, 255, 255)],
            (30, 60),
            (0, H * 0.6, W, H),
            6,
            90,
        ),
    )
    return bloom(picture, 210, 12, 0.5), STUDIO


def panel(rng, picture, key):
    """A studio panel or a debate: several people behind one long, lit desk."""
    screen = Image.new("L", SIZE, 0)  # the studio's video wall, far out of focus
    ImageDraw.Draw(screen).rectangle([W * 0.2, H * 0.05, W * 0.8, H * 0.45], fill=255)
    wall = rng.choice([(60, 120, 200), (200, 80, 60), (60, 160, 150)])
    place(picture, lit(solid(wall), fractal(rng, cells=3, octaves=3)), screen, 10)
    colours, mask = Image.new("RGB", SIZE), Image.new("L", SIZE, 0)
    seats = rng.randint(3, 5)
    head = H * rng.uniform(0.1, 0.12)
    for seat in range(seats):
        x = W * (seat + 0.5) / seats + rng.uniform(-0.03, 0.03) * W
        bust(
            rng,
            colours,
            mask,
            x,
            H * rng.uniform(0.36, 0.4) - head * 0.2,
            head,
            light=key,
            suit=jitter(rng, (34, 38, 50), 10) if rng.random() < 0.6 else None,
        )
    shading = relief(mask, head * 0.35, key, floor=90)
    place(picture, lit(blur(colours, head * 0.03), shading), mask, 0.6)
    desk = Image.new("L", SIZE, 0)
    top = H * rng.uniform(0.7, 0.76)
    ImageDraw.Draw(desk).polygon(
        [
            (-20, top + 20),
            (W * 0.5, top - 10),
            (W + 20, top + 20),
            (W + 20, H),
            (-20, H),
        ],
        fill=255,
    )
    surface = rng.choice([(34, 38, 54), (96, 64, 44), (90, 26, 36)])
    front = lit(solid(surface), ramp([(0, 255), (top / H, 255), (1, 120)], mode="L"))
    place(picture, front, desk, 0.8)
    strip = ImageChops.subtract(desk, shift(desk, 0, 6))  # light along the desk's edge
    picture = ImageChops.screen(picture, lit(solid((150, 190, 255)), blur(strip, 2)))
    return bloom(picture, 200, 12, 0.6)


def lab(rng):
    """A data-centre aisle in one-point perspective, lit from the ceiling."""
    cool = rng.choice([(170, 210, 255), (220, 236, 255), (190, 255, 230)])
    vx, vy = W * rng.uniform(0.42, 0.58), H * rng.uniform(0.44, 0.52)
    picture = solid((14, 18, 24))
    paint = ImageDraw.Draw(picture)

    def at(x, y, z):  # the point (x, y, z) metres from the camera, on screen
        return (vx + 520 * x / z, vy + 520 * y / z)

    half, floor, ceiling = 1.1, 1.5, -1.5
    for side in (-1, 1):
        for z in [1.0 + 0.62 * i for i in range(40)][::-1]:  # racks, far first
            near, far = z, z + 0.6
            face = [
                at(side * half, ceiling * 0.85, near),
                at(side * half, ceiling * 0.85, far),
                at(side * half, floor, far),
                at(side * half, floor, near),
            ]
            paint.polygon(face, fill=jitter(rng, (30, 34, 40), 6))
            for slot in range(24):  # server fronts and their status lights
                y = ceiling * 0.8 + slot * 0.11
                if rng.random() < 0.8:
                    wall = side * half
                    paint.polygon(
                        [
                            at(wall, y, near + 0.05),
                            at(wall, y, far - 0.05),
                            at(wall, y + 0.08, far - 0.05),
                            at(wall, y + 0.08, near + 0.05),
                        ],
                        fill=jitter(rng, (46, 50, 58), 8),
                    )
                if rng.random() < 0.35:
                    lx, ly = at(side * half, y + 0.04, near + rng.uniform(0.1, 0.5))
                    r = max(0.6, 6 / z)
                    colour = rng.choice(
                        [cool, (80, 255, 120), (80, 160, 255), (255, 170, 60)]
                    )
                    paint.ellipse([lx - r, ly - r, lx + r, ly + r], fill=colour)
    paint.polygon(
        [at(-half, ceiling, 1), at(half, ceiling, 1), (vx, vy)], fill=(24, 28, 34)
    )
    for z in [1.2 + 1.3 * i for i in range(22)][::-1]:  # light panels overhead
        panel = [
            at(-0.3, ceiling, z),
            at(0.3, ceiling, z),
            at(0.3, ceiling, z + 0.6),
            at(-0.3, ceiling, z + 0.6),
        ]
        paint.polygon(panel, fill=mix(cool, (255, 255, 255), 0.6))
    # A polished floor mirrors the aisle, dimmer and softened.
    floor_y = round(vy)
    mirror = picture.crop((0, 0, W, floor_y)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    mirror = blur(dimmed(mirror, 0.35), 2).crop((0, 0, W, H - floor_y))
    floor_mask = Image.new("L", SIZE, 0)
    ImageDraw.Draw(floor_mask).polygon(
        [
            at(-half, floor, 1),
            at(half, floor, 1),
            at(half, floor, 60),
            at(-half, floor, 60),
        ],
        fill=255,
    )
    tiles = solid((40, 44, 50))
    tiles.paste(
        ImageChops.screen(mirror, solid((30, 34, 40), mirror.size)), (0, floor_y)
    )
    picture.paste(tiles, (0, 0), floor_mask)
    fog = radial((vx, vy), W * 0.5, power=1.5)
    picture = ImageChops.screen(
        picture, ImageChops.multiply(solid(mix(cool, BLACK, 0.5)), fog.convert("RGB"))
    )
    depth_blur = radial((vx, vy), W * 0.18, power=1.0)
    picture = Image.composite(blur(picture, 1.5), picture, depth_blur)
    return bloom(picture, 180, 8, 0.9), OFFICE


def chart(rng):
    """A bar-and-line chart on a studio screen, photographed at an angle."""
    board = (900, 560)
    ink = rng.choice([(20, 110, 200), (210, 70, 40), (30, 150, 110), (180, 40, 90)])
    screen = ramp([(0, (18, 28, 44)), (1, (10, 16, 28))], board)
    paint = ImageDraw.Draw(screen)
    left, right, top, bottom = 90, 860, 110, 480
    paint.rectangle([40, 30, 480, 58], fill=(230, 236, 244))  # headline
    paint.rectangle([40, 70, 330, 84], fill=(120, 134, 150))  # standfirst
    for step in range(6):
        y = bottom - step * (bottom - top) / 5
        paint.line([(left, y), (right, y)], fill=(50, 64, 84), width=2)
        paint.rectangle([40, y - 6, 70, y + 4], fill=(110, 124, 140))
    count = rng.randint(8, 14)
    value = rng.uniform(0.3, 0.6)
    pitch = (right - left) / count
    points = []
    for i in range(count):
        value = min(0.95, max(0.08, value + rng.uniform(-0.18, 0.2)))
        x0 = left + i * pitch + pitch * 0.18
        y0 = bottom - value * (bottom - top)
        paint.rectangle([x0, y0, x0 + pitch * 0.64, bottom], fill=ink)
        paint.rectangle(
            [x0, bottom + 14, x0 + pitch * 0.5, bottom + 24], fill=(110, 124, 140)
        )
        points.append(
            (x0 + pitch * 0.32, bottom - (value * 0.6 + 0.3) * (bottom - top))
        )
    paint.line(points, fill=(250, 200, 60), width=6, joint="curve")
    for px, py in points:
        paint.ellipse([px - 8, py - 8, px + 8, py + 8], fill=(250, 200, 60))
    paint.line([(left, bottom), (right, bottom)], fill=(200, 210, 220), width=3)
    # The studio around the screen: dark, with lights out of focus.
    picture = ramp([(0, (10, 12, 18)), (1, (26, 28, 34))])
    picture = ImageChops.screen(
        picture,
        bokeh(
            rng, 30, [(255, 220, 170), (120, 160, 255)], (12, 34), (0, 0, W, H), 3, 120
        ),
    )
    turn = rng.uniform(-0.12, 0.12)
    corners = [
        (W * (0.08 + turn), H * (0.12 + turn * 0.3)),
        (W * (0.92 + turn), H * (0.12 - turn * 0.3)),
        (W * (0.92 + turn), H * (0.86 + turn * 0.3)),
        (W * (0.08 + turn), H * (0.86 - turn * 0.3)),
    ]
    coefficients = perspective(board, corners)
    shown = screen.transform(
        SIZE, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC
    )
    area = Image.new("L", SIZE, 0)
    ImageDraw.Draw(area).polygon(corners, fill=255)
    bezel = Image.new("L", SIZE, 0)
    ImageDraw.Draw(bezel).polygon(
        [
            (x + (-10 if i in (0, 3) else 10), y + (-10 if i < 2 else 10))
            for i, (x, y) in enumerate(corners)
        ],
        fill=255,
    )
    place(picture, (14, 14, 16), bezel, 0.6)
    sheen = ramp([(0, (255,) * 3), (1, (150,) * 3)], horizontal=True).convert("L")
    place(picture, ImageChops.screen(lit(shown, sheen), glare(rng)), area, 0.6)
    picture = ImageChops.screen(
        picture, blur(lit(shown, area), 30).point(lambda v: v // 3)
    )
    edge = radial((W / 2, H / 2), W * 0.7, power=0.8)  # focus falls off at the edges
    picture = Image.composite(picture, blur(picture, 2.5), edge)
    return bloom(picture, 200, 10, 0.5), STUDIO


def glare(rng):
    """A faint reflection of a studio light across the glass."""
    mask = radial(
        (W * rng.uniform(0.2, 0.8), H * rng.uniform(0.1, 0.4)), W * 0.5, power=2.5
    )
    return lit(solid((60, 60, 70)), mask)

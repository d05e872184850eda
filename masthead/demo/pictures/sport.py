"""A football stadium under floodlights or sun, seen from the stand."""

from PIL import Image, ImageChops, ImageDraw

from .people import CLOTHES
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
    fractal,
    glow,
    jitter,
    levels,
    lit,
    place,
    relief,
    scaled,
    solid,
)
from .scenery import (
    below,
    ground,
    land,
    ridge,
)


def player(paint, shape, x, y, tall, kit, skin, stride):
    """A footballer mid-stride: feet at `y`, `tall` pixels high."""
    t = tall
    hips, shoulders = y - 0.5 * t, y - 0.8 * t
    parts = [
        (
            (24, 24, 28),
            [
                (x - 0.05 * t, hips),
                (x + 0.05 * t, hips),
                (x + stride * 0.22 * t + 0.03 * t, y),
                (x + stride * 0.22 * t - 0.04 * t, y),
            ],
        ),
        (
            (24, 24, 28),
            [
                (x - 0.06 * t, hips),
                (x + 0.04 * t, hips),
                (x - stride * 0.18 * t + 0.03 * t, y),
                (x - stride * 0.18 * t - 0.04 * t, y),
            ],
        ),
        (
            skin,
            [
                (x - 0.13 * t, shoulders),
                (x - 0.1 * t, shoulders),
                (x - 0.2 * t - stride * 0.06 * t, hips + 0.05 * t),
                (x - 0.24 * t, hips),
            ],
        ),
        (
            skin,
            [
                (x + 0.1 * t, shoulders),
                (x + 0.13 * t, shoulders),
                (x + 0.24 * t + stride * 0.06 * t, hips),
                (x + 0.2 * t, hips + 0.05 * t),
            ],
        ),
        (
            kit,
            [
                (x - 0.13 * t, shoulders),
                (x + 0.13 * t, shoulders),
                (x + 0.1 * t, hips - 0.05 * t),
                (x - 0.1 * t, hips - 0.05 * t),
            ],
        ),
        (
            scaled(kit, 0.5),
            [
                (x - 0.1 * t, hips - 0.06 * t),
                (x + 0.1 * t, hips - 0.06 * t),
                (x + 0.11 * t, hips + 0.08 * t),
                (x - 0.11 * t, hips + 0.08 * t),
            ],
        ),
    ]
    for colour, outline in parts:
        paint.polygon(outline, fill=colour)
        shape.polygon(outline, fill=255)
    head = [x - 0.065 * t, y - t, x + 0.065 * t, y - 0.85 * t]
    paint.ellipse(head, fill=skin)
    shape.ellipse(head, fill=255)


def stadium(rng):
    night = rng.random() < 0.6
    light = NIGHT if night else rng.choice(DAYLIGHTS[:2] + DAYLIGHTS[4:])
    horizon, camera_height, far_distance, focal = H * 0.26, 6.0, 56.0, 700
    far_y = horizon + focal * camera_height / far_distance
    team = rng.choice([(200, 30, 40), (30, 70, 160), (240, 200, 40), (240, 240, 240)])
    # The far stand, out of focus: rows of spectators under the roof's edge.
    roof = H * 0.07
    band = (W // 5, round(far_y - roof) // 5)
    people = Image.frombytes(
        "P", band, rng.randbytes(band[0] * band[1])
    )  # one a person
    pool = [team] * 6 + CLOTHES + [(214, 164, 124), (132, 88, 60)]
    people.putpalette(
        [c for _ in range(256) for c in jitter(rng, rng.choice(pool), 16)]
    )
    people = people.convert("RGB").resize((W, band[1] * 5), Image.Resampling.NEAREST)
    tiers = bytes(150 + 80 * ((y // 5) % 2) for y in range(people.height))
    tiers = Image.frombytes("L", (1, people.height), tiers).resize(people.size)
    people = lit(people, tiers).point(lambda v: round(v * (0.45 if night else 0.75)))
    picture = solid((22, 24, 28))
    picture.paste(people, (0, round(roof)))
    paint = ImageDraw.Draw(picture)
    x = 0.0
    while x < W:  # advertising hoardings along the far touchline
        w = rng.uniform(90, 200)
        board = jitter(rng, rng.choice([*CLOTHES, team]), 30)
        paint.rectangle([x, far_y - 16, x + w, far_y - 1], fill=board)
        x += w
    picture = blur(picture, 2.5)
    if night:  # phones and camera flashes in the stand
        picture = ImageChops.screen(
            picture,
            bokeh(
                rng,
                40,
                [(255, 255, 255), (200, 220, 255)],
                (2, 6),
                (0, roof, W, far_y),
                1.5,
                180,
            ),
        )
    # The pitch, drawn flat in metres and laid in perspective.
    scale = 1024 / (W * far_distance / focal)  # texture pixels per metre
    turf = Image.new("L", (1024, round(far_distance * scale)), 100)
    draw = ImageDraw.Draw(turf)
    for stripe in range(-12, 12, 2):  # mown stripes every 5.5 metres
        x0 = 512 + stripe * 5.5 * scale
        draw.rectangle([x0, 0, x0 + 5.5 * scale, turf.height], fill=76)
    line = max(2, round(0.12 * scale))
    middle = 512 + rng.uniform(-12, 12) * scale
    draw.line([(0, turf.height - 3), (1024, turf.height - 3)], fill=255, width=line)
    draw.line([(middle, 0), (middle, turf.height)], fill=255, width=line)
    centre, radius = (middle, (far_distance - 34) * scale), 9.15 * scale
    draw.ellipse(
        [
            centre[0] - radius,
            centre[1] - radius,
            centre[0] + radius,
            centre[1] + radius,
        ],
        outline=255,
        width=line,
    )
    plane = ground(turf, horizon, W / 2, near=far_y - horizon, bands=1)
    grass = (58, 118, 54) if not night else (56, 124, 60)
    pitch = Image.composite(
        solid((232, 236, 228)), solid(grass), levels(plane, 150, 220)
    )
    pitch = lit(pitch, levels(plane, 76, 100).point(lambda v: 222 + v * 33 // 255))
    wear = fractal(rng, (W // 2, H // 2), cells=10, octaves=4).resize(SIZE)
    pitch = lit(pitch, wear.point(lambda v: 205 + v * 50 // 255))
    picture.paste(pitch, (0, 0), below(far_y))
    # Players and their shadows, sized by their distance from the camera.
    colours, mask = Image.new("RGB", SIZE), Image.new("L", SIZE, 0)
    shadows = Image.new("L", SIZE, 0)
    kits = [
        jitter(rng, team, 10),
        rng.choice([(250, 250, 250), (30, 30, 30), (40, 90, 180)]),
    ]
    paint, shape = ImageDraw.Draw(colours), ImageDraw.Draw(mask)
    spots = [
        (rng.uniform(12, far_distance - 3), rng.uniform(-25, 25))
        for _ in range(rng.randint(5, 11))
    ]
    for distance, across in sorted(spots, reverse=True):
        y = horizon + focal * camera_height / distance
        x = W / 2 + focal * across / distance
        tall = focal * 1.8 / distance
        ImageDraw.Draw(shadows).ellipse(
            [x - tall * 0.2, y - tall * 0.04, x + tall * 0.45, y + tall * 0.05],
            fill=170,
        )
        player(
            paint,
            shape,
            x,
            y,
            tall,
            rng.choice(kits),
            rng.choice([(214, 164, 124), (132, 88, 60), (176, 122, 88)]),
            rng.uniform(-1, 1),
        )
    place(picture, BLACK, blur(shadows, 2).point(lambda v: v // 2))
    colours = lit(colours, relief(mask, 3, floor=120))
    place(picture, colours, mask, 0.7)
    if night:  # floodlit: pools of light on the grass and glare from the roof
        for x in (W * 0.15, W * 0.5, W * 0.85):
            picture = glow(picture, (x, H * 0.75), W * 0.5, (120, 130, 120), 0.35, 1.5)
        picture = glow(picture, (W / 2, 0), W * 0.8, (200, 210, 220), 0.35, 1.5)
        picture = bloom(picture, 210, 16, 0.8)
    else:  # the shadow of the stand's roof across the near touchline
        edge = ridge(rng, H * rng.uniform(0.82, 0.95), 4, roughness=0.3, steps=3)
        place(picture, BLACK, land(edge).point(lambda v: v * 2 // 5), 2)
    return picture, light

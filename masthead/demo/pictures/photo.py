"""The photographic toolkit the demo scenes share: light, haze, texture, lens, film.

Scenes are painted at half size on a SIZE canvas with C-level Pillow operations and
`finish` turns the canvas into the published JPEG. Every random value comes from the
scene's `random.Random`: Pillow's `effect_noise` draws on C's global `rand()`, so it
would make the same story come out differently on each run, and noise is therefore
made from `rng.randbytes` instead.
"""

import functools
import io
import itertools
import random
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

SIZE = W, H = 800, 600
OUTPUT = 1600, 1200
BLACK = (0, 0, 0)
WHITE = (255, 255, 255)
Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Light:
    """The weather and time of day a scene is photographed in."""

    zenith: Colour  # sky overhead
    horizon: Colour  # sky at the horizon, and the haze distant things fade into
    sun: Colour  # sunlight, and the glow around the sun
    shade: Colour  # what the unlit side of things is tinted by
    sun_height: float  # 0 on the horizon, 1 overhead
    glare: float  # how strongly the sun shines through (0 overcast, 1 clear)
    night: bool = False


DAYLIGHTS = [
    Light((62, 104, 168), (238, 196, 150), (255, 214, 160), (60, 58, 86), 0.18, 1.0),
    Light((92, 140, 198), (206, 220, 232), (255, 248, 232), (70, 84, 104), 0.7, 0.7),
    Light((128, 138, 150), (196, 200, 204), (236, 234, 228), (84, 90, 98), 0.6, 0.2),
    Light((44, 62, 112), (236, 150, 104), (255, 180, 120), (52, 44, 70), 0.06, 1.0),
    Light((78, 128, 186), (214, 214, 206), (255, 240, 214), (72, 76, 92), 0.4, 0.85),
]
NIGHT = Light((8, 14, 32), (58, 66, 100), (255, 196, 130), (10, 12, 24), 0.0, 0.0, True)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def scaled(colour: Colour, factor: float) -> Colour:
    return tuple(min(255, round(c * factor)) for c in colour)


def jitter(rng: random.Random, colour: Colour, amount: int = 14) -> Colour:
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def solid(colour: Colour, size=SIZE) -> Image.Image:
    return Image.new("RGB", size, colour)


def noise(rng: random.Random, size) -> Image.Image:
    """Uniform grey noise, reproducible from the seed (unlike `effect_noise`)."""
    return Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))


def fractal(rng, size=SIZE, cells=3, octaves=6, roughness=0.55, stretch=1.0):
    """Cloud-like noise: octaves of random grids, coarse ones weighted most.

    Each octave doubles the grid and enlarges the sum so far onto it, so the work
    grows with the finest grid, not with octaves × picture. `stretch` above 1 makes
    features wider than tall (water, cloud banks).
    """
    width, height = size
    grid = (max(3, round(cells / stretch)), max(3, round(cells * height / width)))
    result, total = noise(rng, grid), 1.0
    for octave in range(1, octaves):
        grid = (min(width, grid[0] * 2), min(height, grid[1] * 2))
        weight = roughness**octave
        total += weight
        result = Image.blend(
            result.resize(grid, Image.Resampling.BICUBIC),
            noise(rng, grid),
            weight / total,
        )
    return ImageOps.autocontrast(result.resize(size, Image.Resampling.BICUBIC), 0.5)


def levels(mask: Image.Image, low: int, high: int) -> Image.Image:
    """Stretch `low`..`high` of a grey image to 0..255 (a soft threshold)."""
    span = max(1, high - low)
    return mask.point(lambda v: max(0, min(255, (v - low) * 255 // span)))


def ramp(stops, size=SIZE, horizontal=False, mode="RGB"):
    """A smooth gradient through (fraction of the height, colour) stops.

    One column is computed and stretched across; `mode="L"` takes grey levels.
    """
    length = size[0] if horizontal else size[1]
    if mode == "L":
        stops = [(at, (value,)) for at, value in stops]
    stops = [(0.0, stops[0][1]), *stops, (1.0, stops[-1][1])]
    values = []
    for (a_at, a), (b_at, b) in itertools.pairwise(stops):
        start, end = round(a_at * length), round(min(1.0, b_at) * length)
        for row in range(start, max(start, end)):
            share = (row - start) / max(1, end - start)
            values += [round(a[c] + (b[c] - a[c]) * share) for c in range(len(a))]
    values = bytes(values[: length * len(stops[0][1])])
    line = Image.frombytes(mode, (length, 1) if horizontal else (1, length), values)
    return line.resize(size, Image.Resampling.NEAREST)


def radial(centre, radius: float, size=SIZE, power: float = 2.0, squash=1.0):
    """A soft spot of light: 255 at `centre`, fading to nothing at `radius`.

    Wide spots are made on a quarter-size mask and enlarged; they are smooth anyway.
    """
    factor = 4 if radius > 60 else 1
    spot = Image.radial_gradient("L").point(
        lambda v: round(255 * max(0.0, 1 - v / 181) ** power)
    )
    across = max(2, round(radius * 2 / factor))
    tall = max(2, round(radius * 2 * squash / factor))
    spot = spot.resize((across, tall), Image.Resampling.BILINEAR)
    small = (size[0] // factor, size[1] // factor)
    mask = Image.new("L", small, 0)
    mask.paste(
        spot,
        (round(centre[0] / factor - across / 2), round(centre[1] / factor - tall / 2)),
    )
    return mask if factor == 1 else mask.resize(size, Image.Resampling.BILINEAR)


def tinted(mask: Image.Image, colour: Colour) -> Image.Image:
    """Light of `colour` wherever `mask` is bright, black elsewhere (for screening)."""
    return ImageChops.multiply(solid(colour, mask.size), mask.convert("RGB"))


def glow(image, centre, radius, colour, strength=1.0, power=2.0):
    mask = radial(centre, radius, image.size, power)
    if strength != 1.0:
        mask = mask.point(lambda v: min(255, round(v * strength)))
    return ImageChops.screen(image, tinted(mask, colour))


def blur(image: Image.Image, radius: float) -> Image.Image:
    """Gaussian blur; all but slight ones are done on a reduced copy and enlarged.

    Blurring a full-size colour image costs four times a half-size one, and past a
    pixel of radius the two cannot be told apart.
    """
    if radius <= 0:
        return image
    slight = 1.0 if image.mode == "RGB" else 1.5
    factor = 1 if radius < slight else 2 if radius < 5 else 4 if radius < 20 else 8
    if factor == 1:
        return image.filter(ImageFilter.GaussianBlur(radius))
    small = image.reduce(factor).filter(ImageFilter.GaussianBlur(radius / factor))
    return small.resize(image.size, Image.Resampling.BILINEAR)


def place(canvas, fill, mask, defocus=0.0):
    """Lay `fill` (an image or colour) on `canvas` through `mask`, out of focus.

    Below a pixel or so only the edge needs softening, so only the mask is blurred.
    """
    if isinstance(fill, tuple):
        fill = solid(fill, canvas.size)
    elif defocus > 1.2:
        fill = blur(fill, defocus)
    canvas.paste(fill, (0, 0), blur(mask, defocus))


def relief(mask: Image.Image, radius: float, light=(-0.5, -0.7), floor=80):
    """Shading that makes flat shapes look round: lit toward `light`, dark away."""
    shifted = shift(
        blur(mask, radius), round(light[0] * radius), round(light[1] * radius)
    )
    return shifted.point(lambda v: floor + v * (255 - floor) // 255)


def shift(image: Image.Image, dx: int, dy: int) -> Image.Image:
    """Move an image by (dx, dy), repeating its edge rows and columns into the gap."""
    w, h = image.size
    dx, dy = max(1 - w, min(w - 1, dx)), max(1 - h, min(h - 1, dy))
    moved = image.copy()
    moved.paste(image, (dx, dy))
    if dx:
        edge = dx if dx > 0 else w + dx - 1  # the outermost column that moved in
        strip = moved.crop((edge, 0, edge + 1, h)).resize((abs(dx), h))
        moved.paste(strip, (0, 0) if dx > 0 else (w + dx, 0))
    if dy:
        edge = dy if dy > 0 else h + dy - 1
        strip = moved.crop((0, edge, w, edge + 1)).resize((w, abs(dy)))
        moved.paste(strip, (0, 0) if dy > 0 else (0, h + dy))
    return moved


def hillshade(height: Image.Image, strength: float = 4.0) -> Image.Image:
    """Light on a height map from the upper left: slopes facing it are bright."""
    k = strength
    kernel = ImageFilter.Kernel((3, 3), [-k, -k, 0, -k, 0, k, 0, k, k], 1, 128)
    return height.filter(kernel)


def ragged(rng, mask: Image.Image, radius: float, detail=40) -> Image.Image:
    """An organic, leafy edge for a hard shape: its outline eaten away by noise."""
    bite = fractal(rng, mask.size, detail, 3).point(lambda v: 64 + v // 2)
    return levels(ImageChops.add(blur(mask, radius), bite, 1, -128), 118, 138)


def lit(colours: Image.Image, shading: Image.Image) -> Image.Image:
    return ImageChops.multiply(colours, shading.convert("RGB"))


def textured(colour: Colour, texture: Image.Image, depth: float = 0.3):
    """`colour` mottled by a grey texture: darker by up to `depth` where it is dark."""
    floor = round(255 * (1 - depth))
    shade = texture.point(lambda v: floor + v * (255 - floor) // 255)
    return lit(solid(colour, texture.size), shade)


def bokeh(rng, count, colours, radii, region=None, defocus=1.5, opacity=150, size=SIZE):
    """Out-of-focus points of light: soft discs with a brighter rim, to be screened."""
    region = region or (0, 0, *size)
    layer = Image.new("RGB", size)
    draw = ImageDraw.Draw(layer, "RGBA")
    for _ in range(count):
        x, y = rng.uniform(region[0], region[2]), rng.uniform(region[1], region[3])
        r = rng.uniform(*radii)
        colour = jitter(rng, rng.choice(colours), 20)
        alpha = round(opacity * rng.uniform(0.35, 1.0))
        draw.ellipse(
            [x - r, y - r, x + r, y + r],
            fill=(*colour, alpha // 2),
            outline=(*colour, alpha),
            width=max(1, round(r / 7)),
        )
    return blur(layer, defocus)


def bloom(image, threshold=190, radius=18, strength=0.7):
    """Bright parts bleed light into their surroundings, as they do through a lens."""
    gain = strength * 255 / (255 - threshold)
    highlights = image.point(lambda v: min(255, round(max(0, v - threshold) * gain)))
    return ImageChops.screen(image, blur(highlights, radius))


def dimmed(image: Image.Image, factor: float) -> Image.Image:
    return image.point(lambda v: round(v * factor))


def tone(image: Image.Image, light: Light) -> Image.Image:
    """A film-like curve: soft shoulder, lifted blacks, shadows tinted by the light."""
    table = []
    for channel in range(3):
        for v in range(256):
            t = v / 255
            curve = t * t * (3 - 2 * t) * 0.55 + t * 0.45  # gentle S
            shadow = (1 - t) ** 3 * (light.shade[channel] * 0.22 + 6)
            table.append(round(min(255, curve * 248 + shadow)))
    return image.point(table)


@functools.cache
def vignette_mask(size, strength: float) -> Image.Image:
    falloff = Image.radial_gradient("L").resize(size, Image.Resampling.BILINEAR)
    keep = 255 * (1 - strength)
    falloff = falloff.point(lambda v: round(255 - (255 - keep) * (v / 255) ** 2.2))
    return falloff.convert("RGB")


def finish(canvas, rng, light: Light, grain=3.0, vignette=0.4, quality=86) -> bytes:
    """Lens and film: tone, vignetting, grain, enlargement, then JPEG.

    Grain goes on before the enlargement, which softens it into film-like clumps
    and costs a quarter of the work.
    """
    canvas = ImageChops.multiply(tone(canvas, light), vignette_mask(SIZE, vignette))
    grit = noise(rng, SIZE).point(lambda v: round(128 + (v - 128) * grain / 50))
    canvas = ImageChops.add(canvas, Image.merge("RGB", (grit, grit, grit)), 1, -128)
    image = canvas.resize(OUTPUT, Image.Resampling.BILINEAR)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=quality)
    return output.getvalue()

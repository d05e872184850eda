"""A bar chart drawn with Pillow in the project's own fonts, for demo graphics."""

import io
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1600, 1000
INK, MUTED, RULE, BAR, PAPER = "#16181d", "#4a4f59", "#d6d9de", "#a3121b", "#ffffff"
LATIN_FONT = "fonts/source-serif-4-latin-700-normal.woff2"
ARABIC_FONT = "fonts/noto-naskh-arabic-arabic-400-normal.woff2"


@dataclass
class Chart:
    title: str
    axis_label: str
    source: str
    bars: list[tuple[str, float]]
    scale_max: float = 100
    right_to_left: bool = False
    # Arabic charts write Arabic-Indic digits, as the Arabic edition does.
    digits: dict[int, str] | None = None

    def number(self, value: float) -> str:
        return f"{value:g}".translate(self.digits or {})


def _font(text: str, size: int):
    # The Arabic font is the site's Arabic subset: Arabic letters, digits and
    # punctuation only, so Latin text and digits take the Latin font.
    arabic = any("\u0600" <= char <= "\u06ff" for char in text)
    path = finders.find(ARABIC_FONT if arabic else LATIN_FONT)
    if path is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(path, size)


def _text(draw, xy, text, size, fill=INK, anchor="la"):
    draw.text(xy, text, font=_font(text, size), fill=fill, anchor=anchor)


def draw_bar_chart(chart: Chart) -> bytes:
    """A PNG of horizontal bars, labelled in the chart's language, with a scale."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    rtl = chart.right_to_left
    edge, far = (WIDTH - 80, 180) if rtl else (80, WIDTH - 180)
    start = "ra" if rtl else "la"
    _text(draw, (edge, 60), chart.title, 56, anchor=start)
    _text(draw, (edge, 140), chart.axis_label, 34, MUTED, anchor=start)

    label_width = 380
    top, bar_height, gap = 230, 70, 34
    bottom = top + len(chart.bars) * (bar_height + gap)
    # The bars grow from the labels towards the far side, as the text reads.
    base = edge - label_width if rtl else edge + label_width
    towards = -1 if rtl else 1
    span = abs(far - base)
    label_anchor = "rm" if rtl else "lm"
    for step in range(5):
        x = base + towards * span * step / 4
        draw.line([(x, top - 20), (x, bottom)], fill=RULE, width=2)
        tick = chart.number(chart.scale_max * step / 4)
        _text(draw, (x, bottom + 10), tick, 28, MUTED, anchor="ma")
    for row, (label, value) in enumerate(chart.bars):
        y = top + row * (bar_height + gap)
        middle = y + bar_height / 2
        tip = base + towards * span * value / chart.scale_max
        draw.rectangle((min(base, tip), y, max(base, tip), y + bar_height), fill=BAR)
        _text(draw, (edge, middle), label, 36, anchor=label_anchor)
        value_at = (tip + towards * 12, middle)
        _text(draw, value_at, chart.number(value), 34, anchor=label_anchor)
    _text(draw, (edge, HEIGHT - 60), chart.source, 28, MUTED, anchor=start)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()

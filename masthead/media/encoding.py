"""How renditions are encoded: AVIF at a faster encoder speed than Pillow's default.

Pillow encodes AVIF at speed 6, which spends about five times the CPU of speed 8
for files of much the same size (a 1280x720 lead picture: 1.5 s against 0.3 s on
one core here). Every published story makes five AVIF renditions, so the default
would make publishing, the worker and the demo wait on the encoder. Neither Wagtail
nor Willow passes an encoder speed, so the setting goes in through Pillow's own
registry of encoders.
"""

from django.conf import settings
from PIL import AvifImagePlugin, Image


def save_avif(image: Image.Image, fp, filename) -> None:
    # A speed given by the caller still wins.
    image.encoderinfo.setdefault("speed", settings.IMAGE_AVIF_SPEED)
    AvifImagePlugin._save(image, fp, filename)


def save_all_avif(image: Image.Image, fp, filename) -> None:
    image.encoderinfo.setdefault("speed", settings.IMAGE_AVIF_SPEED)
    AvifImagePlugin._save_all(image, fp, filename)


def register_encoders() -> None:
    # Importing the plugin above registered Pillow's encoder: this replaces it,
    # and Pillow never imports the plugin a second time.
    Image.register_save(AvifImagePlugin.AvifImageFile.format, save_avif)
    Image.register_save_all(AvifImagePlugin.AvifImageFile.format, save_all_avif)

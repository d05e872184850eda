"""Pictures for the demo newsroom, drawn locally with Pillow (nothing is downloaded).

The scenes live in `masthead.demo.pictures`; this module keeps the names the loader
has always imported.
"""

from .pictures import MOTIFS, draw_picture, draw_portrait

__all__ = ["MOTIFS", "draw_picture", "draw_portrait"]

"""The rendition sizes the infographic template asks for; keep them in step with
its `{% picture %}` tag."""

from masthead.media.renditions import ARTICLE_LEAD_SPECS, with_formats

GRAPHIC_SPECS = with_formats(("width-640", "width-960", "width-1280", "width-1920"))
# The card picture (the graphic itself unless the editor chose another) is shown
# as a story's lead picture is.
CARD_SPECS = ARTICLE_LEAD_SPECS

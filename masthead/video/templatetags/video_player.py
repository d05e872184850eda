from functools import cache

from django import template
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.templatetags.static import static

from ..metadata import iso_duration

register = template.Library()

HLS_SCRIPT = "live/hls.min.js"


@cache
def _hls_script_url() -> str:
    if staticfiles_storage.exists(HLS_SCRIPT) or finders.find(HLS_SCRIPT):
        return static(HLS_SCRIPT)
    return ""


@register.simple_tag
def hls_script_url() -> str:
    """The project's hls.js, for browsers that do not play HLS themselves; empty
    when it is not installed, and the player then offers the stream as it is."""
    return _hls_script_url()


@register.filter
def clock(seconds) -> str:
    """A running time as a reader reads it: 90 is "1:30", 3725 is "1:02:05"."""
    if seconds in (None, ""):
        return ""
    hours, rest = divmod(round(float(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


@register.filter
def duration_iso(seconds) -> str:
    return iso_duration(seconds) or ""

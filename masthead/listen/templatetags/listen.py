"""`{% listen_player story %}`: the story's audio player, or nothing while the
story has no audio yet."""

from django import template

from masthead.caching import keys
from masthead.editions.formatting import active_formats

from ..models import ArticleAudio

register = template.Library()

SPEEDS = ("0.75", "1", "1.25", "1.5", "1.75", "2")


def clock_time(seconds: float) -> str:
    """3:07, or 1:02:07 past the hour."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


@register.inclusion_tag("listen/player.html")
def listen_player(page):
    # Marked even without audio: the page is purged when its audio is ready.
    keys.add(keys.audio(page.pk))
    audio = (
        ArticleAudio.objects.filter(page_id=page.pk)
        .only("page_id", "opus", "mp3", "duration", "mp3_bytes")
        .first()
    )
    if audio is None or not audio.is_playable:
        return {"audio": None}
    formats = active_formats.get()
    return {
        "audio": audio,
        "seconds": max(1, round(audio.duration)),
        "minutes": max(1, round(audio.duration / 60)),
        "total": formats.localise_digits(clock_time(audio.duration)),
        "zero": formats.localise_digits(clock_time(0)),
        "digits": formats.digits,
        "speeds": SPEEDS,
    }

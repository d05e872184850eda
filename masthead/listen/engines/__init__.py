"""The speech engines, tried in the order MASTHEAD_LISTEN_ENGINES names them."""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import SpeechEngine, SpeechError

__all__ = ["SpeechEngine", "SpeechError", "configured_engines", "engine_for"]


def configured_engines() -> list[SpeechEngine]:
    return [import_string(path)() for path in settings.MASTHEAD_LISTEN_ENGINES]


def engine_for(language: str) -> tuple[SpeechEngine, str]:
    """The first engine with a voice for `language`, and that voice."""
    for engine in configured_engines():
        voice = engine.voice_for(language)
        if voice:
            return engine, voice
    raise SpeechError(f"No speech engine has a voice for {language!r}")

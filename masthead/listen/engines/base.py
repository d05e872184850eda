"""What every speech engine offers: a voice for a language, and a WAV file of a
text spoken in it. A new engine (a cloud service, another local synthesiser) is
one subclass named in MASTHEAD_LISTEN_ENGINES; nothing else changes."""

from abc import ABC, abstractmethod
from pathlib import Path

from masthead.common.ffmpeg import MediaToolError


class SpeechError(MediaToolError):
    """The engine could not speak the text; the message says why, for editors."""


class SpeechEngine(ABC):
    #: Short and stable: recorded with each audio file and shown in the admin.
    name: str

    @abstractmethod
    def voice_for(self, language: str) -> str | None:
        """The voice this engine speaks `language` in, or None if it has none."""

    @abstractmethod
    def synthesise(self, text: str, language: str, target: Path) -> None:
        """Write `text`, spoken in `language`, to `target` as a WAV file.

        `text` is plain and already normalised for speech; paragraphs are
        separated by blank lines. Raise SpeechError on failure."""

    @staticmethod
    def timeout_for(text: str) -> float:
        """Generous: two seconds of work per word, at least a minute."""
        return max(60.0, 2.0 * len(text.split()))

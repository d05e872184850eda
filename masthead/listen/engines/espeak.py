"""espeak-ng: the default engine. Offline, in Debian, and speaks English, Arabic
and Spanish (and a hundred other languages) in formant voices."""

import functools
import re
import shutil
import tempfile
from pathlib import Path

from django.conf import settings

from masthead.common.ffmpeg import MediaToolError, absolute, run_tool

from .base import SpeechEngine, SpeechError

ESPEAK = "espeak-ng"
LIST_TIMEOUT = 30  # seconds
WAV_HEADER_BYTES = 44
# "(en 2)", "(no 5)": the other languages a voice speaks, with its priority.
OTHER_LANGUAGE = re.compile(r"\(([\w-]+) \d+\)")


@functools.lru_cache(maxsize=4)
def installed_voices(binary: str) -> frozenset[str] | None:
    """Every name espeak-ng knows a voice by (language codes, voice files and
    names), lower-cased; None if it cannot say. A name it does not know is not
    always refused: "no-such-voice" is spoken as Norwegian ("no")."""
    names = set()
    for listing in ("--voices", "--voices=mb"):
        try:
            result = run_tool([binary, listing], LIST_TIMEOUT)
        except MediaToolError:
            if listing == "--voices":
                return None
            continue
        for line in result.stdout.decode("utf-8", "replace").splitlines()[1:]:
            columns = line.split(maxsplit=5)
            if len(columns) < 5:
                continue
            _, language, _, voice_name, file = columns[:5]
            others = OTHER_LANGUAGE.findall(columns[5]) if len(columns) > 5 else []
            names.update({language, voice_name, file, file.rsplit("/", 1)[-1], *others})
    return frozenset(name.lower() for name in names)


class EspeakEngine(SpeechEngine):
    name = "espeak-ng"

    def __init__(self, voices: dict[str, str] | None = None, words_per_minute=None):
        self.voices = (
            settings.MASTHEAD_LISTEN_ESPEAK_VOICES if voices is None else voices
        )
        self.words_per_minute = (
            words_per_minute or settings.MASTHEAD_LISTEN_ESPEAK_WORDS_PER_MINUTE
        )

    @staticmethod
    def binary() -> str | None:
        return shutil.which(ESPEAK)

    def voice_for(self, language: str) -> str | None:
        binary = self.binary()
        if binary is None:
            return None
        voice = self.voices.get(language) or self.voices.get(language.split("-")[0])
        if not voice:
            return None
        # A voice espeak-ng lacks (a typing error in the settings) is none: it
        # would read the story in whatever language the name starts with.
        known = installed_voices(binary)
        if known is not None and voice.split("+")[0].lower() not in known:
            return None
        return voice

    def synthesise(self, text: str, language: str, target: Path) -> None:
        voice = self.voice_for(language)
        if voice is None:
            raise SpeechError(f"espeak-ng has no voice for {language!r}")
        # The text goes in a file: read from a path, it can never be an option.
        with tempfile.NamedTemporaryFile(
            "w", suffix=".txt", encoding="utf-8", dir=Path(target).parent
        ) as script:
            script.write(text)
            script.flush()
            try:
                result = run_tool(
                    [
                        self.binary(), "-v", voice,
                        "-s", str(self.words_per_minute),
                        "-w", absolute(target), "-f", absolute(script.name),
                    ],
                    self.timeout_for(text),
                )  # fmt: skip
            except MediaToolError as error:
                raise SpeechError(f"espeak-ng: {error}") from error
        # espeak-ng exits 0 when it cannot write the file: only its message says.
        target = Path(target)
        if not target.is_file() or target.stat().st_size <= WAV_HEADER_BYTES:
            said = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise SpeechError(f"espeak-ng: {said[-1] if said else 'it wrote no audio'}")

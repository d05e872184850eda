"""Piper: neural voices that run on the CPU, one ONNX model file per voice.

Used for a language when MASTHEAD_LISTEN_PIPER_VOICES names a model file for it
and the `piper` program (MASTHEAD_LISTEN_PIPER_BINARY) is installed; otherwise
the next engine speaks that language.
"""

import shutil
from pathlib import Path

from django.conf import settings

from masthead.common.ffmpeg import MediaToolError, absolute, run_tool

from .base import SpeechEngine, SpeechError

# The pause Piper leaves between sentences, in seconds.
SENTENCE_SILENCE = "0.35"


class PiperEngine(SpeechEngine):
    name = "piper"

    def __init__(self, voices: dict[str, str] | None = None, binary: str | None = None):
        self.voices = (
            settings.MASTHEAD_LISTEN_PIPER_VOICES if voices is None else voices
        )
        self.program = binary or settings.MASTHEAD_LISTEN_PIPER_BINARY

    def binary(self) -> str | None:
        return shutil.which(self.program)

    def voice_for(self, language: str) -> str | None:
        model = self.voices.get(language) or self.voices.get(language.split("-")[0])
        if not model or not Path(model).is_file() or self.binary() is None:
            return None
        return model

    def synthesise(self, text: str, language: str, target: Path) -> None:
        model = self.voice_for(language)
        if model is None:
            raise SpeechError(f"Piper has no voice model for {language!r}")
        # Piper speaks one utterance per line: one paragraph per line.
        lines = "\n".join(
            line
            for line in (" ".join(part.split()) for part in text.split("\n\n"))
            if line
        )
        try:
            run_tool(
                [
                    self.binary(), "-m", absolute(model), "-f", absolute(target),
                    "--sentence_silence", SENTENCE_SILENCE,
                ],
                self.timeout_for(text),
                stdin=lines.encode("utf-8"),
            )  # fmt: skip
        except MediaToolError as error:
            raise SpeechError(f"Piper: {error}") from error
        if not Path(target).is_file() or Path(target).stat().st_size == 0:
            raise SpeechError("Piper wrote no audio")

"""The speech engines: espeak-ng really speaking each edition's language, Piper
driven through its command line (a stand-in program: Piper is not installed
here), and the choice of engine per language from the settings alone."""

import json
import math
import shutil
import struct
import sys
import wave
from pathlib import Path

import pytest

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.common.ffmpeg import probe
from masthead.listen.building import build_audio
from masthead.listen.engines import (
    SpeechEngine,
    SpeechError,
    configured_engines,
    engine_for,
)
from masthead.listen.engines.espeak import EspeakEngine
from masthead.listen.engines.piper import SENTENCE_SILENCE, PiperEngine
from masthead.listen.models import AudioStatus

ESPEAK = "masthead.listen.engines.espeak.EspeakEngine"
PIPER = "masthead.listen.engines.piper.PiperEngine"
CLOUD = "masthead.listen.tests.test_engines.CloudEngine"


def write_tone(path: Path, seconds: float, rate: int = 22050) -> None:
    """A WAV of a quiet 440 Hz tone: what a stand-in engine says."""
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * n / rate)))
        for n in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)


@pytest.fixture
def espeak(settings):
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed (.ci/run installs it)")
    settings.MASTHEAD_LISTEN_ESPEAK_VOICES = {"en": "en-gb", "ar": "ar", "es": "es"}
    settings.MASTHEAD_LISTEN_ENGINES = [ESPEAK]
    return EspeakEngine()


# espeak-ng ---------------------------------------------------------------------

STORIES = {
    "en": (
        "Ministers from both countries met in Geneva on Monday to discuss trade, "
        "energy and security.\n\nOfficials said the talks would resume on "
        "4 December 2026, after a pause of two years."
    ),
    "ar": (
        "التقى وزراء من البلدين في جنيف يوم الاثنين لبحث التجارة والطاقة والأمن."
        "\n\nوقال مسؤولون إن المحادثات ستستأنف في الرابع من ديسمبر بعد توقف دام عامين."
    ),
    "es": (
        "Ministros de ambos países se reunieron en Ginebra el lunes para hablar de "
        "comercio, energía y seguridad.\n\nLos funcionarios dijeron que las "
        "conversaciones se reanudarán en diciembre, tras una pausa de dos años."
    ),
}


@pytest.mark.parametrize("language", ["en", "ar", "es"])
def test_espeak_speaks_each_edition_at_a_listening_pace(espeak, language, tmp_path):
    # espeak-ng is asked for 165 words a minute; measured, these texts come out
    # at about 150 (en, es) and 110 (ar: an Arabic word carries its article
    # and prepositions, so has more syllables). Faster than 300 a minute would
    # mean words were skipped (a wrong voice reading only the Latin letters, say);
    # slower than 80, that something was spelt out letter by letter or the
    # paragraphs were padded with silence.
    text = STORIES[language]
    words = len(text.split())
    target = tmp_path / "speech.wav"

    assert (
        espeak.voice_for(language) == {"en": "en-gb", "ar": "ar", "es": "es"}[language]
    )
    espeak.synthesise(text, language, target)

    found = probe(target)
    assert found.format_name == "wav" and found.audio_codec == "pcm_s16le"
    assert found.channels == 1 and found.sample_rate == 22050
    minutes = found.duration / 60
    assert words / 300 < minutes < words / 80, f"{words / minutes:.0f} words a minute"


def test_espeak_voice_for_a_regional_code_is_the_language_voice(espeak):
    assert espeak.voice_for("es-MX") == "es"
    assert espeak.voice_for("en-GB") == "en-gb"


def test_a_language_without_a_voice_has_no_engine(espeak, settings):
    settings.MASTHEAD_LISTEN_ENGINES = [PIPER, ESPEAK]
    settings.MASTHEAD_LISTEN_PIPER_VOICES = {}

    assert espeak.voice_for("fr") is None
    assert EspeakEngine(voices={}).voice_for("en") is None  # no fallback to settings
    with pytest.raises(SpeechError, match="'fr'"):
        engine_for("fr")
    with pytest.raises(SpeechError, match="no voice"):
        espeak.synthesise("Bonjour.", "fr", Path("/nonexistent/speech.wav"))


def test_text_that_looks_like_an_option_is_spoken(espeak, tmp_path):
    # Were it passed as arguments, "--version" would print the version and
    # write no audio, and "-w" would write elsewhere.
    elsewhere = tmp_path / "elsewhere.wav"
    target = tmp_path / "speech.wav"

    espeak.synthesise(f"--version -w {elsewhere} -v ar", "en", target)

    assert probe(target).duration > 1.5
    assert not elsewhere.exists()


def test_a_voice_espeak_lacks_is_no_voice(espeak, settings):
    # espeak-ng would take "no-such-voice" for Norwegian ("no") and read the
    # story in it, exiting 0.
    settings.MASTHEAD_LISTEN_ESPEAK_VOICES = {"en": "no-such-voice", "es": "es+f3"}

    assert EspeakEngine().voice_for("en") is None
    assert EspeakEngine().voice_for("es") == "es+f3"  # a voice with its variant
    with pytest.raises(SpeechError, match="No speech engine has a voice for 'en'"):
        engine_for("en")


def test_an_espeak_that_writes_nothing_is_a_speech_error(espeak, tmp_path):
    # espeak-ng exits 0 when it cannot write the file; its message says why.
    folder = tmp_path / "speech.wav"
    folder.mkdir()
    with pytest.raises(SpeechError, match="espeak-ng: Can't write to"):
        espeak.synthesise("Hello.", "en", folder)


# Piper, through a stand-in for its program ---------------------------------------

FAKE_PIPER = '''#!{python}
"""Stands in for piper: checks its arguments as piper would need them, records
what it was given, and writes half a second of tone per line of text."""
import json, math, struct, sys, wave
from pathlib import Path

args = sys.argv[1:]
if len(args) != 6 or (args[0], args[2], args[4]) != ("-m", "-f", "--sentence_silence"):
    sys.exit("usage: piper -m MODEL -f OUTPUT --sentence_silence SECONDS")
model, output, silence = Path(args[1]), Path(args[3]), float(args[5])
if not (model.is_absolute() and model.is_file() and output.is_absolute()):
    sys.exit(f"cannot use model {{model}} or output {{output}}")
text = sys.stdin.buffer.read().decode("utf-8")
lines = text.split("\\n")
Path({record!r}).write_text(json.dumps({{"args": args, "lines": lines}}))
if "FAIL" in text:
    print("[info] Loading voice", file=sys.stderr)
    print("[error] Failed to load voice: model file is corrupt", file=sys.stderr)
    sys.exit(1)
if "NOTHING" in text:
    sys.exit(0)
rate = 22050
with wave.open(str(output), "wb") as out:
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(rate)
    for _ in lines:
        out.writeframes(b"".join(
            struct.pack("<h", int(8000 * math.sin(2 * math.pi * 220 * n / rate)))
            for n in range(rate // 2)
        ))
'''


@pytest.fixture
def piper(settings, tmp_path):
    """Piper configured for English only, its program a recording stand-in."""
    folder = tmp_path / "piper"
    folder.mkdir()
    record = folder / "received.json"
    program = folder / "piper"
    program.write_text(FAKE_PIPER.format(python=sys.executable, record=str(record)))
    program.chmod(0o755)
    model = folder / "en_GB-alan-medium.onnx"
    model.write_bytes(b"not really a model")
    settings.MASTHEAD_LISTEN_ENGINES = [PIPER, ESPEAK]
    settings.MASTHEAD_LISTEN_PIPER_VOICES = {"en": str(model)}
    settings.MASTHEAD_LISTEN_PIPER_BINARY = str(program)
    settings.MASTHEAD_LISTEN_ESPEAK_VOICES = {"en": "en-gb", "ar": "ar", "es": "es"}

    class Piper:
        def received(self) -> dict:
            return json.loads(record.read_text())

    found = Piper()
    found.model, found.program, found.record = model, program, record
    return found


def test_piper_speaks_the_languages_it_has_a_model_for(piper):
    engine, voice = engine_for("en")
    assert isinstance(engine, PiperEngine) and engine.name == "piper"
    assert voice == str(piper.model)

    engine, voice = engine_for("ar")
    assert isinstance(engine, EspeakEngine) and voice == "ar"
    assert [type(engine) for engine in configured_engines()] == [
        PiperEngine,
        EspeakEngine,
    ]


def test_piper_gets_one_paragraph_a_line_on_stdin(piper, tmp_path):
    target = tmp_path / "speech.wav"
    text = (
        "First paragraph.\n\nSecond one,\nwrapped  in the source.\n\n"
        "-m /etc/passwd is only text.\n\n\n\nLast."
    )

    PiperEngine().synthesise(text, "en", target)

    received = piper.received()
    assert received["args"] == [
        "-m", str(piper.model.resolve()), "-f", str(target.resolve()),
        "--sentence_silence", SENTENCE_SILENCE,
    ]  # fmt: skip
    assert received["lines"] == [
        "First paragraph.",
        "Second one, wrapped in the source.",
        "-m /etc/passwd is only text.",
        "Last.",
    ]
    assert probe(target).duration == pytest.approx(2.0, abs=0.05)  # 4 lines


def test_a_failing_piper_is_a_speech_error_with_its_message(piper, tmp_path):
    with pytest.raises(SpeechError) as raised:
        PiperEngine().synthesise("FAIL now.", "en", tmp_path / "speech.wav")
    assert (
        str(raised.value)
        == "Piper: [error] Failed to load voice: model file is corrupt"
    )


def test_a_piper_that_writes_nothing_is_a_speech_error(piper, tmp_path):
    with pytest.raises(SpeechError, match="Piper wrote no audio"):
        PiperEngine().synthesise("NOTHING at all.", "en", tmp_path / "speech.wav")


def test_without_its_model_file_piper_has_no_voice(piper, settings):
    settings.MASTHEAD_LISTEN_PIPER_VOICES = {
        "en": str(piper.model.with_name("gone.onnx"))
    }

    assert PiperEngine().voice_for("en") is None
    engine, voice = engine_for("en")
    assert isinstance(engine, EspeakEngine) and voice == "en-gb"
    with pytest.raises(SpeechError, match="no voice model"):
        PiperEngine().synthesise("Hello.", "en", piper.record.with_name("x.wav"))


def test_without_its_program_piper_has_no_voice(piper, settings):
    settings.MASTHEAD_LISTEN_PIPER_BINARY = str(piper.program.with_name("not-piper"))

    assert PiperEngine().voice_for("en") is None
    assert isinstance(engine_for("en")[0], EspeakEngine)


# Any other engine ------------------------------------------------------------------


class CloudEngine(SpeechEngine):
    """What a cloud service's adapter would be: a voice per language, a WAV."""

    name = "cloud"
    spoken: list[tuple[str, str]] = []

    def voice_for(self, language):
        return {"es": "es-ES-Neural2-A"}.get(language)

    def synthesise(self, text, language, target):
        self.spoken.append((language, text))
        write_tone(Path(target), seconds=2.0)


@pytest.fixture
def cloud(settings):
    CloudEngine.spoken = []
    settings.MASTHEAD_LISTEN_ENGINES = [CLOUD, ESPEAK]
    settings.MASTHEAD_LISTEN_ESPEAK_VOICES = {"en": "en-gb", "ar": "ar", "es": "es"}
    return CloudEngine


def test_an_engine_named_in_the_settings_is_used(cloud):
    engine, voice = engine_for("es")
    assert isinstance(engine, CloudEngine) and voice == "es-ES-Neural2-A"
    engine, voice = engine_for("en")
    assert isinstance(engine, EspeakEngine)


def test_a_story_is_spoken_by_the_configured_engine_end_to_end(cloud, politics, author):
    from wagtail.models import Locale

    from masthead.front.setup import ensure_edition_home
    from masthead.sections.tests.factories import SectionPageFactory

    ensure_edition_home("es")
    section = SectionPageFactory(
        parent=ensure_edition_home("es"), title="Noticias", slug="noticias"
    )
    page = ArticlePageFactory(
        parent=section,
        title="Los ministros se reúnen",
        standfirst="Los ministros de ambos países se reunieron el lunes en Ginebra.",
        authors=[author],
    )
    assert page.locale == Locale.objects.get(language_code="es")

    audio = build_audio(page.pk)

    assert audio.status == AudioStatus.READY, audio.error
    assert (audio.engine, audio.voice, audio.language) == (
        "cloud",
        "es-ES-Neural2-A",
        "es",
    )
    assert cloud.spoken and cloud.spoken[0][0] == "es"
    assert cloud.spoken[0][1].startswith("Los ministros se reúnen.\n\n")
    assert probe(audio.opus.path).duration == pytest.approx(2.0, abs=0.2)

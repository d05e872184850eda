"""Speech as files for every player: Opus in Ogg, which every current browser
plays and which is half the size, and MP3 for the podcast apps and players that
lack Opus. Both are loudness-normalised to the same level (EBU R128 integrated
loudness, -16 LUFS by default), so a story does not play louder than the one
before it.

Synthetic speech is peaky (its peak-to-loudness ratio is near 20 dB), so one
linear gain cannot reach -16 LUFS under a -1.5 dBTP ceiling, and ffmpeg's
`loudnorm` then falls back to a dynamic mode that lands a unit or more short.
Instead: measure, apply the gain with a true-peak limiter, measure what the
limiter took, correct the gain once, and encode both files from one decode.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from masthead.common.ffmpeg import FFMPEG, MediaToolError, absolute, probe, run_tool

ENCODE_TIMEOUT = 10 * 60  # seconds
# dBTP before encoding. Opus at 32 kbit/s overshoots by up to 2.5 dB on synthetic
# speech (bench/listen.py), and its decoded peaks must stay under full scale; the
# MP3, which podcast apps get, stays well under their -1 dBTP.
TRUE_PEAK = -3.5
# Mono speech: transparent from about 24k. Constrained VBR: unconstrained, the
# "audio" mode spends 57 kbit/s on synthetic voices ("voip" keeps the rate but
# overshoots full scale by up to 6 dB).
OPUS_BITRATE = "32k"
OPUS_SAMPLE_RATE = 48000
SAMPLE_RATE = OPUS_SAMPLE_RATE  # both files: MP3 plays 48 kHz everywhere
MP3_BITRATE = "64k"
# Encoder effort: past these, files shrink by under 3% for twice the time.
OPUS_EFFORT = "5"  # 0-10
MP3_EFFORT = "7"  # LAME's -q: 0 best, 9 fastest
# ebur128's summary: "I:  -16.1 LUFS".
INTEGRATED = re.compile(r"\bI:\s+(-?[\d.]+|-inf) LUFS")
MAX_GAIN = 40.0  # dB: more means the engine produced (almost) silence
CLOSE_ENOUGH = 0.3  # LU
CORRECTIONS = 3
OVERSAMPLED_RATE = 96000  # for the true-peak limiter


@dataclass(frozen=True)
class EncodedAudio:
    opus: Path
    mp3: Path
    duration: float  # seconds
    loudness: float  # integrated loudness of the Opus file, LUFS


def loudness(source: Path, filters: str = "") -> float:
    """Integrated loudness of `source` after `filters`, in LUFS."""
    chain = f"{filters},ebur128" if filters else "ebur128"
    result = run_tool(
        [
            FFMPEG, "-nostdin", "-hide_banner", "-i", absolute(source),
            "-af", chain, "-f", "null", "-",
        ],
        ENCODE_TIMEOUT,
    )  # fmt: skip
    found = INTEGRATED.findall(result.stderr.decode("utf-8", "replace"))
    if not found or found[-1] == "-inf":
        raise MediaToolError("the speech engine produced silence")
    return float(found[-1])


def leveller(gain: float) -> str:
    """The gain, then a limiter at the true-peak ceiling (oversampled, since true
    peaks fall between samples)."""
    return (
        f"volume={gain:.2f}dB,aresample={OVERSAMPLED_RATE},"
        f"alimiter=limit={TRUE_PEAK}dB:level=disabled:attack=1:release=50,"
        f"aresample={OPUS_SAMPLE_RATE}"
    )


def gain_for(source: Path, target: float) -> float:
    gain = target - loudness(source)
    if gain > MAX_GAIN:
        raise MediaToolError("the speech engine produced silence")
    # The limiter takes some loudness back, more the more gain it is given.
    for _ in range(CORRECTIONS):
        shortfall = target - loudness(source, leveller(gain))
        if abs(shortfall) <= CLOSE_ENOUGH:
            break
        gain += shortfall
    return gain


def encode_speech(
    source: Path, work: Path, target: float | None = None
) -> EncodedAudio:
    """`source` (a WAV file of speech) as normalised Opus and MP3 files in `work`."""
    target = settings.MASTHEAD_LISTEN_LOUDNESS if target is None else target
    gain = gain_for(source, target)
    opus, mp3 = work / "speech.opus", work / "speech.mp3"
    run_tool(
        [
            FFMPEG, "-nostdin", "-hide_banner", "-y", "-i", absolute(source),
            "-filter_complex",
            f"[0:a]{leveller(gain)},asplit=2[opus][mp3]",
            "-map", "[opus]", "-ac", "1", "-c:a", "libopus", "-b:a", OPUS_BITRATE,
            "-application", "audio", "-vbr", "constrained",
            "-compression_level", OPUS_EFFORT,
            "-map_metadata", "-1", "-f", "ogg", absolute(opus),
            "-map", "[mp3]", "-ac", "1", "-c:a", "libmp3lame", "-b:a", MP3_BITRATE,
            "-compression_level", MP3_EFFORT,
            "-map_metadata", "-1", "-f", "mp3", absolute(mp3),
        ],
        ENCODE_TIMEOUT,
    )  # fmt: skip
    made = probe(opus)
    if made.audio_codec != "opus" or made.duration <= 0:
        raise MediaToolError("ffmpeg wrote no Opus audio")
    if probe(mp3).audio_codec != "mp3":
        raise MediaToolError("ffmpeg wrote no MP3 audio")
    return EncodedAudio(
        opus=opus, mp3=mp3, duration=made.duration, loudness=loudness(opus)
    )

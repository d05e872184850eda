"""Making video with ffmpeg: transcodes, poster frames and the demo's test cards
(the runner itself is `masthead.common.ffmpeg`)."""

from pathlib import Path

from masthead.common.ffmpeg import (
    FFMPEG,
    FFPROBE,
    MediaToolError,
    Probe,
    probe,
)
from masthead.common.ffmpeg import absolute as _absolute
from masthead.common.ffmpeg import run_tool as _run

__all__ = ["FFMPEG", "FFPROBE", "MediaToolError", "Probe", "probe"]

TRANSCODE_TIMEOUT = 60 * 60
FRAME_TIMEOUT = 60


def transcode(source: Path | str, target: Path | str) -> None:
    """`source` as an MP4 every browser plays: H.264 video, AAC sound, the index
    first so that playback starts before the whole file has arrived."""
    _run(
        [
            FFMPEG, "-nostdin", "-y", "-v", "error", "-i", _absolute(source),
            "-map", "0:v:0", "-map", "0:a:0?",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
            "-pix_fmt", "yuv420p", "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2",
            "-c:a", "aac", "-b:a", "128k",
            "-movflags", "+faststart", "-f", "mp4", _absolute(target),
        ],
        TRANSCODE_TIMEOUT,
    )  # fmt: skip


def extract_frame(source: Path | str, target: Path | str, at_seconds: float) -> None:
    """One frame of `source` as a JPEG, for the poster."""
    _run(
        [
            FFMPEG, "-nostdin", "-y", "-v", "error", "-ss", f"{at_seconds:.3f}",
            "-i", _absolute(source), "-frames:v", "1", "-q:v", "2",
            "-f", "image2", _absolute(target),
        ],
        FRAME_TIMEOUT,
    )  # fmt: skip


def render_test_pattern(
    target: Path | str,
    *,
    seconds: int,
    size: str = "320x240",
    caption_file: Path | None = None,
    font: Path | None = None,
) -> None:
    """A test card with a tone, as a camera might deliver it (MPEG-4 Part 2 and
    MP2 in Matroska, so that it must be converted), optionally with a line of
    text from `caption_file` drawn in `font`."""
    arguments = [
        FFMPEG, "-nostdin", "-y", "-v", "error",
        "-f", "lavfi", "-i", f"testsrc=duration={seconds}:size={size}:rate=25",
        "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
    ]  # fmt: skip
    if caption_file and font:
        arguments += [
            "-vf",
            f"drawtext=fontfile={font}:textfile={caption_file}:fontsize=20"
            ":fontcolor=white:box=1:boxcolor=black@0.7:boxborderw=8"
            ":x=(w-text_w)/2:y=h-text_h-24",
        ]
    arguments += [
        "-c:v", "mpeg4", "-q:v", "5", "-c:a", "mp2", "-shortest",
        "-f", "matroska", _absolute(target),
    ]  # fmt: skip
    _run(arguments, TRANSCODE_TIMEOUT)

"""Running ffprobe and ffmpeg: fixed argument lists, no shell, bounded time.

Paths are passed after `-i` or as the last argument and always start with "/", so
a file name can never be read as an option.
"""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

FFMPEG = "/usr/bin/ffmpeg"
FFPROBE = "/usr/bin/ffprobe"
PROBE_TIMEOUT = 30  # seconds
TRANSCODE_TIMEOUT = 60 * 60
FRAME_TIMEOUT = 60
# Demuxers that read single pictures: ffprobe reports a "video" stream for a PNG.
IMAGE_FORMATS = ("image2", "png_pipe", "jpeg_pipe", "gif", "webp_pipe", "bmp_pipe")


class MediaToolError(Exception):
    """ffmpeg or ffprobe failed; the message says why, for the editor."""


@dataclass(frozen=True)
class Probe:
    format_name: str
    duration: float
    video_codec: str | None
    audio_codec: str | None
    width: int | None
    height: int | None

    @property
    def is_video(self) -> bool:
        return (
            self.video_codec is not None
            and self.duration > 0
            and not any(name in IMAGE_FORMATS for name in self.format_name.split(","))
        )


def _run(arguments: list[str], timeout: int) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(  # noqa: S603 (fixed arguments, absolute paths)
            arguments, capture_output=True, timeout=timeout, check=False
        )
    except FileNotFoundError as error:
        raise MediaToolError(f"{arguments[0]} is not installed") from error
    except subprocess.TimeoutExpired as error:
        raise MediaToolError(
            f"{Path(arguments[0]).name} took over {timeout}s"
        ) from error
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise MediaToolError(message[-1] if message else f"exit {result.returncode}")
    return result


def _absolute(path: Path | str) -> str:
    path = Path(path).resolve()
    return str(path)


def probe(path: Path | str) -> Probe:
    """What the file at `path` holds, read from its content, not its name."""
    result = _run(
        [
            FFPROBE, "-v", "error", "-print_format", "json",
            "-show_format", "-show_streams", _absolute(path),
        ],
        PROBE_TIMEOUT,
    )  # fmt: skip
    try:
        data = json.loads(result.stdout)
    except ValueError as error:
        raise MediaToolError("ffprobe gave no readable answer") from error
    streams = data.get("streams", [])
    video = next((s for s in streams if s.get("codec_type") == "video"), {})
    audio = next((s for s in streams if s.get("codec_type") == "audio"), {})
    try:
        duration = float(data.get("format", {}).get("duration") or 0)
    except ValueError:
        duration = 0.0
    return Probe(
        format_name=data.get("format", {}).get("format_name", ""),
        duration=duration,
        video_codec=video.get("codec_name"),
        audio_codec=audio.get("codec_name"),
        width=video.get("width"),
        height=video.get("height"),
    )


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

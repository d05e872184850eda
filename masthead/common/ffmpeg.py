"""Running ffprobe and ffmpeg: fixed argument lists, no shell, bounded time.

Shared by the media that ffmpeg makes (video, the spoken audio of stories). Paths
are passed after `-i` or as the last argument and always start with "/", so a file
name can never be read as an option.
"""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

FFMPEG = "/usr/bin/ffmpeg"
FFPROBE = "/usr/bin/ffprobe"
PROBE_TIMEOUT = 30  # seconds
# Demuxers that read single pictures: ffprobe reports a "video" stream for a PNG.
IMAGE_FORMATS = ("image2", "png_pipe", "jpeg_pipe", "gif", "webp_pipe", "bmp_pipe")


class MediaToolError(Exception):
    """ffmpeg, ffprobe or another media tool failed; the message says why, for the
    editor."""


@dataclass(frozen=True)
class Probe:
    format_name: str
    duration: float
    video_codec: str | None
    audio_codec: str | None
    width: int | None
    height: int | None
    sample_rate: int | None = None
    channels: int | None = None

    @property
    def is_video(self) -> bool:
        return (
            self.video_codec is not None
            and self.duration > 0
            and not any(name in IMAGE_FORMATS for name in self.format_name.split(","))
        )


def run_tool(
    arguments: list[str], timeout: float, *, stdin: bytes | None = None
) -> subprocess.CompletedProcess:
    """Run a media tool; its last line of error output becomes the message."""
    try:
        result = subprocess.run(  # noqa: S603 (fixed arguments, absolute paths)
            arguments, capture_output=True, timeout=timeout, check=False, input=stdin
        )
    except FileNotFoundError as error:
        raise MediaToolError(f"{arguments[0]} is not installed") from error
    except subprocess.TimeoutExpired as error:
        raise MediaToolError(
            f"{Path(arguments[0]).name} took over {timeout:g}s"
        ) from error
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise MediaToolError(message[-1] if message else f"exit {result.returncode}")
    return result


def absolute(path: Path | str) -> str:
    return str(Path(path).resolve())


def probe(path: Path | str) -> Probe:
    """What the file at `path` holds, read from its content, not its name."""
    result = run_tool(
        [
            FFPROBE, "-v", "error", "-print_format", "json",
            "-show_format", "-show_streams", absolute(path),
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
        sample_rate=int(audio["sample_rate"]) if audio.get("sample_rate") else None,
        channels=audio.get("channels"),
    )

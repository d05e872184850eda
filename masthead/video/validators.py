"""Checks on what editors upload: caption files and video files."""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .ffmpeg import MediaToolError, probe

MAX_CAPTIONS_BYTES = 1024 * 1024
MAX_VIDEO_BYTES = 2 * 1024 * 1024 * 1024
WEBVTT_SIGNATURE = b"WEBVTT"
UTF8_BOM = b"\xef\xbb\xbf"
# What may follow the signature: the end of the file, a space, tab or line break.
SIGNATURE_ENDS = (b"", b" ", b"\t", b"\n", b"\r")


def _too_large(size: int, limit: int) -> ValidationError:
    return ValidationError(
        _("The file is %(size)s; the limit is %(limit)s."),
        code="file_too_large",
        params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
    )


def _is_new_upload(value) -> bool:
    # A file already stored was checked when it was uploaded.
    return value and not getattr(value, "_committed", True)


def validate_webvtt(value) -> None:
    """A WebVTT file: UTF-8 text starting with "WEBVTT" and a space, tab or end
    of line (the standard's signature), no larger than MAX_CAPTIONS_BYTES."""
    if not _is_new_upload(value):
        return
    if value.size > MAX_CAPTIONS_BYTES:
        raise _too_large(value.size, MAX_CAPTIONS_BYTES)
    value.seek(0)
    content = value.read()
    value.seek(0)
    if content.startswith(UTF8_BOM):
        content = content[len(UTF8_BOM) :]
    after = content[len(WEBVTT_SIGNATURE) : len(WEBVTT_SIGNATURE) + 1]
    if not content.startswith(WEBVTT_SIGNATURE) or after not in SIGNATURE_ENDS:
        raise ValidationError(
            _('This is not a WebVTT caption file: it must start with "WEBVTT".'),
            code="not_webvtt",
        )
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("WebVTT caption files must be saved as UTF-8 text."), code="not_utf8"
        ) from error


def scratch_dir() -> Path:
    """Where uploads are examined and videos prepared: inside MEDIA_ROOT, so the
    work never leaves the storage an operator sized for media."""
    folder = Path(settings.MEDIA_ROOT) / "video" / "work"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def validate_video_upload(value) -> None:
    """A video file, judged by what ffprobe reads in it, no larger than
    MAX_VIDEO_BYTES."""
    if not _is_new_upload(value):
        return
    if value.size > MAX_VIDEO_BYTES:
        raise _too_large(value.size, MAX_VIDEO_BYTES)
    upload = value.file
    if hasattr(upload, "temporary_file_path"):
        found = _probe_quietly(upload.temporary_file_path())
    else:
        handle, name = tempfile.mkstemp(dir=scratch_dir(), suffix=".upload")
        try:
            with os.fdopen(handle, "wb") as copy:
                upload.seek(0)
                for chunk in (
                    upload.chunks() if hasattr(upload, "chunks") else [upload.read()]
                ):
                    copy.write(chunk)
            found = _probe_quietly(name)
        finally:
            Path(name).unlink(missing_ok=True)
            upload.seek(0)
    if found is None or not found.is_video:
        raise ValidationError(
            _(
                "This file is not a video that can be read. Upload a video file "
                "(MP4, MOV, WebM, MKV…)."
            ),
            code="not_video",
        )


def _probe_quietly(path):
    try:
        return probe(path)
    except MediaToolError:
        return None

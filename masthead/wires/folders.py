"""Drop folders: documents an agency's uploader copies onto the server's disk.

Each source reads one folder under MASTHEAD_WIRE_DROP_ROOT. A poll takes the
oldest files first, a bounded number of them, and leaves alone what may still be
arriving: dotfiles, names that uploaders use while writing (*.tmp, *.part) and
files changed in the last second. Every file read is then moved to `.done/` or,
when it could not be read, to `.failed/`, so it is never read twice.
"""

import os
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .fetch import size_label
from .parsers import MAX_DOCUMENT_BYTES

MAX_FILES_PER_POLL = 200
SETTLE_SECONDS = 1.0
PARTIAL_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload")
DONE = ".done"
FAILED = ".failed"


class FolderError(Exception):
    """The folder or a file in it could not be read; str() says why."""


@dataclass(frozen=True)
class DroppedFile:
    path: Path
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def folder_path(folder: str) -> Path:
    """The source's folder, which must lie inside the drop root."""
    root = Path(settings.MASTHEAD_WIRE_DROP_ROOT).resolve()
    path = (root / folder).resolve()
    if not folder or not path.is_relative_to(root) or path == root:
        raise FolderError(
            _("The drop folder %(folder)s is not inside MASTHEAD_WIRE_DROP_ROOT.")
            % {"folder": folder}
        )
    return path


def _is_partial(name: str) -> bool:
    return name.startswith(".") or name.lower().endswith(PARTIAL_SUFFIXES)


def pending_files(folder: str) -> list[DroppedFile]:
    """The files ready to be read, oldest first, at most MAX_FILES_PER_POLL."""
    path = folder_path(folder)
    if not path.is_dir():
        raise FolderError(
            _("The drop folder %(path)s does not exist.") % {"path": path}
        )
    settled_before = time.time() - SETTLE_SECONDS
    found = []
    try:
        with os.scandir(path) as entries:
            for entry in entries:
                # Symbolic links could point anywhere on the server: skipped.
                if _is_partial(entry.name) or not entry.is_file(follow_symlinks=False):
                    continue
                stat = entry.stat(follow_symlinks=False)
                if stat.st_mtime > settled_before:
                    continue
                found.append((stat.st_mtime, entry.name, stat.st_size))
    except OSError as error:
        raise FolderError(
            _("Could not list %(path)s: %(reason)s")
            % {"path": path, "reason": error.strerror or error}
        ) from None
    found.sort()
    return [
        DroppedFile(path / name, size)
        for _mtime, name, size in found[:MAX_FILES_PER_POLL]
    ]


def read_file(dropped: DroppedFile) -> bytes:
    too_large = FolderError(
        _("%(name)s is larger than %(size)s")
        % {"name": dropped.name, "size": size_label(MAX_DOCUMENT_BYTES)}
    )
    if dropped.size > MAX_DOCUMENT_BYTES:
        raise too_large
    try:
        with dropped.path.open("rb") as file:
            # The file may have grown since it was listed.
            data = file.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as error:
        raise FolderError(
            _("Could not read %(name)s: %(reason)s")
            % {"name": dropped.name, "reason": error.strerror or error}
        ) from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise too_large
    return data


def move_aside(dropped: DroppedFile, outcome: str) -> Path | None:
    """Move the file into `.done/` or `.failed/` beside it; a name already there
    gets the time appended rather than being overwritten. None when the file
    is gone (another poll took it)."""
    target_dir = dropped.path.parent / outcome
    target_dir.mkdir(exist_ok=True)
    target = target_dir / dropped.name
    if target.exists():
        stem, suffix = os.path.splitext(dropped.name)
        target = target_dir / f"{stem}.{time.time_ns()}{suffix}"
    try:
        os.replace(dropped.path, target)
    except FileNotFoundError:
        return None
    return target

"""Sending audio files, with the byte ranges players ask for.

A player seeks by asking for the bytes from a point on; a server that answers
every request with the whole file (as `masthead serve`'s file mount does) leaves
the audio unseekable in Chromium. So audio kept in local storage is served here,
at /audio/, with HTTP Range support. Audio in object storage (S3 and the like)
is linked at the store's own address, which handles ranges itself.
"""

import mimetypes
import re

from django.core.files.storage import FileSystemStorage, default_storage
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_safe

PREFIX = "listen/"
# What building.stored_name writes: listen/<language>/<page id>-<hash>.<format>.
STORED_NAME = re.compile(
    r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?/\d+-[0-9a-f]{16}(?:_\w{7})?\.(?:opus|mp3)$"
)
CHUNK = 64 * 1024
# The name changes with the text, so a file at one address never changes.
FOREVER = "public, max-age=31536000, immutable"
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
TYPES = {".opus": "audio/ogg", ".mp3": "audio/mpeg"}


def audio_url(name: str) -> str:
    if not name:
        return ""
    if isinstance(default_storage, FileSystemStorage) and name.startswith(PREFIX):
        return reverse("listen-audio", kwargs={"name": name.removeprefix(PREFIX)})
    return default_storage.url(name)


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte of a single "bytes=" range, None if unsatisfiable."""
    match = RANGE.match(header.strip())
    if not match or not (match[1] or match[2]):
        return None
    if match[1]:
        first = int(match[1])
        last = min(int(match[2]), size - 1) if match[2] else size - 1
    else:  # the last N bytes
        first, last = max(0, size - int(match[2])), size - 1
    if first > last or first >= size:
        return None
    return first, last


def read_bytes(path: str, first: int, length: int):
    with open(path, "rb") as handle:
        handle.seek(first)
        while length > 0:
            chunk = handle.read(min(CHUNK, length))
            if not chunk:
                return
            length -= len(chunk)
            yield chunk


@require_safe
def serve_audio(request, name: str):
    if not STORED_NAME.match(name):
        raise Http404("No such audio")
    stored = PREFIX + name
    try:
        path = default_storage.path(stored)
        size = default_storage.size(stored)
        modified = default_storage.get_modified_time(stored)
    except (OSError, NotImplementedError) as error:
        raise Http404("No such audio") from error
    etag = quote_etag(f"{size:x}-{int(modified.timestamp()):x}")
    headers = {
        "Accept-Ranges": "bytes",
        "Cache-Control": FOREVER,
        "ETag": etag,
        "Last-Modified": http_date(modified.timestamp()),
    }
    content_type = TYPES.get(name[name.rfind(".") :]) or mimetypes.guess_type(name)[0]
    if request.headers.get("If-None-Match") == etag:
        return HttpResponse(status=304, headers=headers)
    first, last = 0, size - 1
    status = 200
    wanted = request.headers.get("Range", "")
    # Several ranges at once are answered with the whole file, as RFC 9110 allows.
    if wanted and "," not in wanted and request.headers.get("If-Range", etag) == etag:
        found = byte_range(wanted, size)
        if found is None:
            return HttpResponse(
                status=416, headers={**headers, "Content-Range": f"bytes */{size}"}
            )
        first, last = found
        status = 206
        headers["Content-Range"] = f"bytes {first}-{last}/{size}"
    length = last - first + 1
    headers["Content-Length"] = str(length)
    body = read_bytes(path, first, length) if request.method == "GET" else iter(())
    return StreamingHttpResponse(
        body, status=status, content_type=content_type, headers=headers
    )

"""Fetching a wire feed over HTTP(S), carefully.

Only hosts in MASTHEAD_WIRE_HOSTS, checked before the request and again on every
redirect; a bounded time and a bounded body (counted while reading, since a
Content-Length header can lie or be missing); conditional GET, so an unchanged
feed costs the agency and us a 304. No proxy from the environment is used: the
request goes to the host that was allowed and nowhere else.
"""

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from .hosts import DisallowedAddress, check_address
from .parsers import MAX_DOCUMENT_BYTES

USER_AGENT = "Masthead wire reader"
CHUNK_BYTES = 64 * 1024
MAX_REDIRECTS = 5
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml, text/xml, "
    "application/json, application/ninjs+json;q=0.9, */*;q=0.5"
)


class FetchError(Exception):
    """The feed could not be fetched; str() is the reason, for the source's errors."""


@dataclass(frozen=True)
class Fetched:
    """What a fetch brought: the document, or None when it has not changed since
    the validators sent (HTTP 304), and the validators for the next fetch."""

    body: bytes | None
    etag: str = ""
    last_modified: str = ""


def size_label(size: int) -> str:
    """5242880 → "5 MB", 5000000 → "5 MB", 100 → "100 bytes"."""
    for unit in (1024 * 1024, 1000 * 1000):
        if size >= unit and size % unit == 0:
            return f"{size // unit} MB"
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    return f"{size / (1024 * 1024):.1f} MB"


class _AllowedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        try:
            check_address(newurl)
        except DisallowedAddress as error:
            fp.close()
            raise FetchError(
                _("Refused a redirect to %(url)s: %(reason)s")
                % {"url": newurl[:200], "reason": error}
            ) from None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _AllowedRedirects()
    )


def fetch_feed(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """GET the feed at `url`; raises FetchError with a clear reason."""
    try:
        host = check_address(url)
    except DisallowedAddress as error:
        raise FetchError(str(error)) from None
    timeout = settings.MASTHEAD_WIRE_TIMEOUT_SECONDS
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": ACCEPT,
        "Accept-Encoding": "identity",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (checked)
    deadline = time.monotonic() + timeout
    timed_out = FetchError(_("Timed out after %(seconds)g s") % {"seconds": timeout})
    try:
        with _opener().open(request, timeout=timeout) as response:
            body = _read_bounded(response, deadline, timed_out)
            return Fetched(
                body=body,
                etag=(response.headers.get("ETag") or "")[:500],
                last_modified=(response.headers.get("Last-Modified") or "")[:100],
            )
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 304:
            return Fetched(body=None, etag=etag, last_modified=last_modified)
        raise FetchError(
            _("%(host)s answered HTTP %(status)s")
            % {"status": error.code, "host": host}
        ) from None
    except TimeoutError:
        raise timed_out from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise timed_out from None
        raise FetchError(
            _("Could not reach %(host)s: %(reason)s")
            % {"host": host, "reason": error.reason}
        ) from None
    except (http.client.HTTPException, OSError) as error:
        raise FetchError(
            _("%(host)s sent a broken response: %(reason)s")
            % {"host": host, "reason": error or type(error).__name__}
        ) from None


def _read_bounded(response, deadline: float, timed_out: FetchError) -> bytes:
    too_large = FetchError(
        _("Document larger than %(size)s") % {"size": size_label(MAX_DOCUMENT_BYTES)}
    )
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_DOCUMENT_BYTES:
        raise too_large
    chunks, size = [], 0
    while chunk := response.read(CHUNK_BYTES):
        size += len(chunk)
        if size > MAX_DOCUMENT_BYTES:
            raise too_large
        if time.monotonic() > deadline:
            raise timed_out
        chunks.append(chunk)
    return b"".join(chunks)

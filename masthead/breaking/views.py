"""The ticker's JSON: what open pages poll every few seconds.

The response is built once per cache lifetime and then served as stored bytes; a
poller that already has the current list gets a bodiless 304. `Cache-Control` lets
a front cache (Varnish, a CDN) answer nearly every poll itself.
"""

from django.http import HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.http import parse_etags
from django.views.decorators.http import require_safe

from .ticker import live_ticker

# Short enough for the five-second delivery target (docs/decisions/0003), long
# enough that a front cache answers almost every poll of a busy edition.
CACHE_CONTROL = "public, max-age=2, s-maxage=2"


@require_safe
def live_items(request):
    # Query parameters are ignored on purpose: one URL per edition keeps the
    # front cache's hit rate high.
    ticker = live_ticker(translation.get_language())
    if _matches(request.headers.get("If-None-Match", ""), ticker.etag):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(ticker.json, content_type="application/json")
    response["ETag"] = ticker.etag
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _matches(if_none_match: str, etag: str) -> bool:
    # Weak comparison (RFC 9110 13.1.2): front caches that compress responses
    # send the tag back as W/"…".
    if not if_none_match:
        return False
    candidates = parse_etags(if_none_match)
    return "*" in candidates or any(
        candidate.removeprefix("W/") == etag for candidate in candidates
    )

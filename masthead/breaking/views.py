"""The ticker's JSON: what open pages poll every few seconds.

The response is built once per cache lifetime and then served as stored bytes; a
poller that already has the current list gets a bodiless 304. `Cache-Control` lets
a front cache (Varnish, a CDN) answer nearly every poll itself.
"""

from django.utils import translation
from django.views.decorators.http import require_safe

from masthead.common.polled import polled_json

from .ticker import live_ticker

# Short enough for the five-second delivery target (docs/decisions/0003), long
# enough that a front cache answers almost every poll of a busy edition.
CACHE_CONTROL = "public, max-age=2, s-maxage=2"


@require_safe
def live_items(request):
    # Query parameters are ignored on purpose: one URL per edition keeps the
    # front cache's hit rate high.
    ticker = live_ticker(translation.get_language())
    return polled_json(request, ticker.json, ticker.etag, CACHE_CONTROL)

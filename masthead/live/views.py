"""/live/<page id>/entries.json: what an open live blog polls every few seconds."""

from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotModified,
    JsonResponse,
)
from django.utils.http import parse_etags
from django.views.decorators.http import require_safe

from .feed import BadSince, blog_snapshot, etag_for, feed_body, parse_since

# As short as the snapshot's own lifetime: a front cache absorbs bursts of polls
# and an entry still reaches every open page within the five-second target.
CACHE_CONTROL = "public, max-age=1, s-maxage=1"


@require_safe
def entries(request, page_id: int):
    try:
        since = parse_since(request.GET.get("since", ""))
    except BadSince as error:
        return JsonResponse({"error": str(error)}, status=400)
    snapshot = blog_snapshot(page_id, request)
    if snapshot is None:
        raise Http404("No such live blog.")
    body = feed_body(snapshot, since)
    etag = etag_for(body)
    if _matches(request.headers.get("If-None-Match", ""), etag):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _matches(if_none_match: str, etag: str) -> bool:
    # Weak comparison (RFC 9110 13.1.2): compressing caches send back W/"…".
    if not if_none_match:
        return False
    candidates = parse_etags(if_none_match)
    return "*" in candidates or any(
        candidate.removeprefix("W/") == etag for candidate in candidates
    )

"""/live/<page id>/entries.json: what an open live blog polls every few seconds."""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_safe

from masthead.common.polled import polled_json

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
    return polled_json(request, body, etag, CACHE_CONTROL)

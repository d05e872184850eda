"""The view beacon: one small POST from `beacon.js` after an article page loads.

It answers before doing anything a reader could notice, reads nothing but the
body and the User-Agent, and sets no cookie: it is exempt from CSRF because it
carries no authority (the worst a forged beacon can do is add one view).
"""

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from .beacon import MAX_BODY_BYTES, MalformedBeacon, is_bot, parse_beacon
from .counting import count_view, prune_once_per_hour

FORM_ENCODED = "application/x-www-form-urlencoded"
# Long enough to swallow the repeats of one page load (a retried fetch, a page
# restored from the back-forward cache), short enough that the entries made by a
# flood of tokens expire quickly.
DEDUPE_SECONDS = 15 * 60


def _reply(status: int, message: str = "") -> HttpResponse:
    response = HttpResponse(
        message, status=status, content_type="text/plain; charset=utf-8"
    )
    response["Cache-Control"] = "no-store"
    return response


def _declared_length(request) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None


@csrf_exempt
def record_view(request):
    if request.method != "POST":
        response = _reply(405, "Send the beacon with POST.")
        response["Allow"] = "POST"
        return response
    if request.content_type != FORM_ENCODED:
        return _reply(415, f"Send the beacon as {FORM_ENCODED}.")
    length = _declared_length(request)
    if length is None:
        return _reply(400, "Content-Length is not a number.")
    if length > MAX_BODY_BYTES:
        return _reply(413, "The body is too long.")
    try:
        # Read one byte past the limit so a body longer than declared is caught.
        beacon = parse_beacon(request.read(MAX_BODY_BYTES + 1))
    except MalformedBeacon as error:
        return _reply(400, str(error))

    if (
        not is_bot(request.headers.get("User-Agent", ""))
        and beacon.may_name_a_page
        and cache.add(f"discovery:beacon:{beacon.token}", True, DEDUPE_SECONDS)
    ):
        now = timezone.now()
        if count_view(beacon.article_id, now):
            prune_once_per_hour(now)
    # Bots, repeats and ids that are not live articles get the same answer as a
    # counted view: nothing to learn by probing.
    return _reply(204)

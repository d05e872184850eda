"""Responses for what open pages poll every few seconds (the ticker, live blogs):
stored bytes with an ETag, and a bodiless 304 for a poller that is up to date."""

from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags


def polled_json(request, body: bytes, etag: str, cache_control: str) -> HttpResponse:
    if etag_matches(request.headers.get("If-None-Match", ""), etag):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return response


def etag_matches(if_none_match: str, etag: str) -> bool:
    # Weak comparison (RFC 9110 13.1.2): front caches that compress responses
    # send the tag back as W/"…".
    if not if_none_match:
        return False
    candidates = parse_etags(if_none_match)
    return "*" in candidates or any(
        candidate.removeprefix("W/") == etag for candidate in candidates
    )

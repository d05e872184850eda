"""Fill the page cache, and give every response the headers caches need."""

import gzip
import hashlib
import time

import brotli
from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from . import keys
from .policy import cache_key_for, has_session, shared_cache_control
from .store import Entry, get_store

# Headers that describe one delivery, not the stored response.
NOT_STORED = {"content-length", "content-encoding", "set-cookie", "vary", "x-cache"}


class PageCacheMiddleware:
    """Outermost middleware. Records the surrogate keys a page collects while it
    renders, sends them (Surrogate-Key, xkey), makes anonymous pages cacheable by
    shared caches, and keeps them in the local store for the WSGI fast path
    (masthead.caching.wsgi), which answers later requests without Django."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.time()
        token = keys.start_collecting()
        try:
            response = self.get_response(request)
        finally:
            collected = keys.stop_collecting(token)
        if request.method not in ("GET", "HEAD"):
            return response
        if has_session(request.headers.get("Cookie", "")) or _is_private(response):
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if response.status_code != 200 or response.cookies:
            return response
        if response.streaming:
            _add_keys(response, collected)
            return response
        if response.has_header("Cache-Control"):
            # The view chose its own lifetime (the ticker's few seconds): send it
            # as it is, and keep no copy that nothing would purge.
            self._add_validators(response, collected)
            return response
        response["Cache-Control"] = shared_cache_control()
        _drop_accept_language_from_vary(response)
        self._add_validators(response, collected)
        cache_key = cache_key_for(
            request.get_host(), request.path_info, request.META.get("QUERY_STRING", "")
        )
        if cache_key is not None and settings.PAGE_CACHE_ENABLED:
            get_store().put(
                cache_key,
                request.build_absolute_uri(),
                self._entry(response),
                collected,
                started,
            )
        return response

    def _add_validators(self, response, collected: set[str]) -> None:
        if not response.has_header("ETag"):
            response["ETag"] = quote_etag(
                hashlib.sha256(response.content).hexdigest()[:32]
            )
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()
        _add_keys(response, collected)
        patch_vary_headers(response, ["Accept-Encoding"])

    def _entry(self, response) -> Entry:
        body = response.content
        return Entry(
            status=response.status_code,
            headers=[
                (name, value)
                for name, value in response.items()
                if name.lower() not in NOT_STORED
            ],
            body=body,
            body_gzip=gzip.compress(body, compresslevel=6),
            body_br=brotli.compress(body, quality=5),
            expires_at=time.time() + settings.PAGE_CACHE_SECONDS,
        )


def _is_private(response) -> bool:
    control = response.get("Cache-Control", "")
    return any(word in control for word in ("private", "no-store", "no-cache"))


def _drop_accept_language_from_vary(response) -> None:
    """The edition is in the URL (/ar/, /es/, none for English), so a response does
    not vary with Accept-Language even where Django's LocaleMiddleware says so;
    leaving it would split front caches by every browser's language list."""
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [v for v in vary if v.lower() != "accept-language"]
    if kept != vary:
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


def _add_keys(response, collected: set[str]) -> None:
    if collected:
        header = " ".join(sorted(collected))
        response["Surrogate-Key"] = header
        response["xkey"] = header

"""The fast path: answer a reader's request from the page cache without Django.

A hit costs a dictionary lookup in this process's copy of the cache: no request
object, middleware, routing, template or database query. The copy is checked
against the shared store whenever a purge has happened (purges bump a generation
number in the store, read at most every GENERATION_CHECK_SECONDS), so a publish
reaches every server process within that interval. Anything the cache cannot
answer goes to Django unchanged.
"""

import threading
import time
from collections import OrderedDict
from http import HTTPStatus

from django.core.handlers.wsgi import get_path_info

from .policy import cache_key_for, has_session

REASONS = {status.value: status.phrase for status in HTTPStatus}
GENERATION_CHECK_SECONDS = 0.1
LOCAL_ENTRIES = 2_000  # pages kept in each process (about 40 KB each, ×3 encodings)
VALIDATOR_HEADERS = {"etag", "last-modified", "cache-control", "surrogate-key", "xkey"}


class Prepared:
    """A cached page ready to send: status line, headers and body per encoding."""

    __slots__ = ("etag", "expires_at", "generation", "status", "validators", "variants")

    def __init__(self, entry, generation):
        self.generation = generation
        self.expires_at = entry.expires_at
        self.status = f"{entry.status} {REASONS.get(entry.status, '')}"
        headers = list(entry.headers)
        self.etag = next((v for n, v in headers if n.lower() == "etag"), None)
        self.validators = [
            *((n, v) for n, v in headers if n.lower() in VALIDATOR_HEADERS),
            ("X-Cache", "HIT"),
        ]
        self.variants = {}
        for encoding, body in (
            ("br", entry.body_br),
            ("gzip", entry.body_gzip),
            ("", entry.body),
        ):
            if body or not encoding:
                extra = [("Content-Encoding", encoding)] if encoding else []
                self.variants[encoding] = (
                    [*headers, *extra, ("Vary", "Accept-Encoding"),
                     ("Content-Length", str(len(body))), ("X-Cache", "HIT")],
                    body,
                )  # fmt: skip

    def choose(self, accept_encoding: str):
        if "br" in accept_encoding and "br" in self.variants:
            return self.variants["br"]
        if "gzip" in accept_encoding and "gzip" in self.variants:
            return self.variants["gzip"]
        return self.variants[""]


class PageCacheApplication:
    def __init__(self, application, store_factory):
        self.application = application
        self.store_factory = store_factory
        self.local: OrderedDict[tuple, Prepared] = OrderedDict()
        self.lock = threading.Lock()  # server threads share this process's copy
        self.generation = None
        self.generation_checked_at = 0.0

    def __call__(self, environ, start_response):
        prepared = self._lookup(environ)
        if prepared is None:
            return self.application(environ, start_response)
        if prepared.etag and prepared.etag in environ.get("HTTP_IF_NONE_MATCH", ""):
            start_response("304 Not Modified", prepared.validators)
            return [b""]
        headers, body = prepared.choose(environ.get("HTTP_ACCEPT_ENCODING", ""))
        start_response(prepared.status, headers)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]

    def _lookup(self, environ):
        method = environ.get("REQUEST_METHOD")
        if method != "GET" and method != "HEAD":
            return None
        if "HTTP_COOKIE" in environ and has_session(environ["HTTP_COOKIE"]):
            return None
        request_id = (
            environ.get("HTTP_HOST", ""),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
        )
        try:
            generation = self._current_generation()
            with self.lock:
                prepared = self.local.get(request_id)
                if prepared is not None and prepared.generation == generation:
                    if prepared.expires_at > time.time():
                        self.local.move_to_end(request_id)
                        return prepared
                    del self.local[request_id]
                    return None
            return self._load(environ, request_id, generation)
        except Exception:  # the cache is an optimisation: on any failure, render
            return None

    def _current_generation(self):
        now = time.monotonic()
        if now - self.generation_checked_at > GENERATION_CHECK_SECONDS:
            self.generation = self.store_factory().generation()
            self.generation_checked_at = now
        return self.generation

    def _load(self, environ, request_id, generation):
        cache_key = cache_key_for(request_id[0], get_path_info(environ), request_id[2])
        if cache_key is None:
            return None
        entry = self.store_factory().get(cache_key)
        with self.lock:
            if entry is None or not entry.fresh:
                self.local.pop(request_id, None)
                return None
            prepared = Prepared(entry, generation)
            self.local[request_id] = prepared
            if len(self.local) > LOCAL_ENTRIES:
                self.local.popitem(last=False)
        return prepared

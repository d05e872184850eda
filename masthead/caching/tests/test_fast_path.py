"""The WSGI fast path answers cached pages without entering Django."""

import gzip

import brotli
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

from masthead.caching import wsgi
from masthead.caching.store import get_store
from masthead.caching.wsgi import PageCacheApplication

pytestmark = pytest.mark.django_db


class CountingApplication:
    """Django, counting how often the fast path had to call it."""

    def __init__(self):
        self.django = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


def request(application, path, **headers):
    environ = {
        "REQUEST_METHOD": headers.pop("method", "GET"),
        "PATH_INFO": path.encode().decode("latin-1"),
        "QUERY_STRING": headers.pop("query", ""),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": __import__("io").BytesIO(),
        "wsgi.errors": __import__("sys").stderr,
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    captured = {}

    def start_response(status, response_headers, exc_info=None):
        captured["status"] = status
        captured["headers"] = dict(response_headers)

    body = b"".join(application(environ, start_response))
    return captured["status"], captured["headers"], body


@pytest.fixture
def fast(page_cache):
    # Django closes its database connections at the end of each request; the test
    # client stops it doing so (the test's transaction lives on that connection),
    # and so must a test that calls the WSGI handler directly.
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    django = CountingApplication()
    yield PageCacheApplication(django, get_store), django
    for signal in signals:
        signal.connect(close_old_connections)


def test_second_request_is_a_hit_without_django(fast, article):
    application, django = fast

    first = request(application, article.url)
    second = request(application, article.url)

    assert first[0].startswith("200") and "X-Cache" not in first[1]
    assert second[0] == "200 OK"
    assert second[1]["X-Cache"] == "HIT"
    assert second[2] == first[2]
    assert django.calls == 1


def test_compressed_variants_follow_accept_encoding(fast, article):
    application, _ = fast
    plain = request(application, article.url)[2]

    _, br_headers, br_body = request(
        application, article.url, accept_encoding="gzip, br"
    )
    _, gz_headers, gz_body = request(application, article.url, accept_encoding="gzip")

    assert br_headers["Content-Encoding"] == "br"
    assert brotli.decompress(br_body) == plain
    assert gz_headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz_body) == plain
    assert br_headers["Vary"] == "Accept-Encoding"


def test_conditional_hit_is_a_304(fast, article):
    application, _ = fast
    etag = request(application, article.url)[1]["ETag"]

    status, headers, body = request(application, article.url, if_none_match=etag)

    assert status == "304 Not Modified"
    assert body == b""
    assert headers["ETag"] == etag


def test_editors_and_unknown_parameters_bypass_the_cache(fast, article):
    application, django = fast
    request(application, article.url)

    request(application, article.url, cookie="sessionid=abc")
    request(application, article.url, query="utm_source=x")
    _status, _headers, _ = request(application, article.url, query="page=1")

    assert django.calls == 4  # the first, the editor, the tracking URL, page=1
    assert request(application, article.url, query="page=1")[1]["X-Cache"] == "HIT"


def test_unicode_addresses_hit_too(fast, home, politics):
    from masthead.articles.tests.factories import ArticlePageFactory

    story = ArticlePageFactory(parent=politics, slug="مفاوضات-القاهرة")
    path = __import__("urllib.parse").parse.unquote(story.url)
    application, django = fast

    request(application, path)
    _status, headers, _ = request(application, path)

    assert headers.get("X-Cache") == "HIT"
    assert django.calls == 1


def test_head_requests_get_headers_only(fast, article):
    application, _ = fast
    request(application, article.url)

    status, headers, body = request(application, article.url, method="HEAD")

    assert status == "200 OK" and body == b""
    assert int(headers["Content-Length"]) > 0


def test_a_published_change_is_served_fresh(
    fast, article, django_capture_on_commit_callbacks, monkeypatch
):
    # Every process re-reads the store after a purge (within this interval).
    monkeypatch.setattr(wsgi, "GENERATION_CHECK_SECONDS", 0)
    application, _ = fast
    request(application, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        article.refresh_from_db()
        article.title = "A corrected headline"
        article.save_revision().publish(skip_permission_checks=True)

    _status, headers, body = request(application, article.url)

    assert "X-Cache" not in headers
    assert b"A corrected headline" in body


def test_the_django_path_is_unaffected_by_cached_copies(page_cache, article):
    Client().get(article.url)

    response = Client().get(article.url)

    assert response.status_code == 200
    assert "X-Cache" not in response

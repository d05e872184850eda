"""Whatever a client sends to a public address, the site answers without a server
error, shows no stack trace, and wraps every HTML error page in its own design.

Random paths, query strings, headers and methods are thrown at every page type of
every edition (and the feeds, sitemaps and JSON the pages use) through Django's
test client. The examples are derived from the test's name, not drawn at random,
so a CI run tries the same ones as the developer's.
"""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

MACHINE_PATHS = [
    "/robots.txt",
    "/sitemap.xml",
    "/sitemaps/en/pages.xml",
    "/sitemaps/ar/news.xml",
    "/sitemaps/es/articles-1.xml",
    "/opensearch/ar.xml",
    "/feeds/en/latest.rss",
    "/feeds/ar/latest.atom",
    "/feeds/en/sections/news/politics.rss",
    "/feeds/en/tags/diplomacy.atom",
    "/feeds/es/regions/oriente-medio.rss",
    "/feeds/en/authors/lina-haddad.rss",
    "/feeds/en/coverage/talks-in-cairo.atom",
    "/breaking/live.json",
    "/ar/breaking/live.json",
    "/discovery/views/",
    "/es/search/",
]
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]
# Names the site's views read, so that random values reach real code.
KNOWN_KEYS = ["page", "q", "section", "region", "kind", "date_from", "date_to", "sent"]
HOSTS = [
    "localhost",
    "LOCALHOST",
    "localhost.",
    "localhost:80",
    "localhost:65535",
    "127.0.0.1",
    "127.0.0.1:8000",
    "testserver",
]
LEAKS = [
    b"Traceback",
    b'id="traceback"',
    b"Exception Value",
    b"Django Version",
    b"DEBUG = True",
    b"technical_500",
]

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
# Percent-escapes that are not UTF-8, overlong and broken sequences.
bad_escapes = st.sampled_from(
    ["%ff", "%fe%ff", "%c0%af", "%e2%82", "%ed%a0%80", "%", "%g1", "%00", "%2e%2e"]
)
segment = st.one_of(
    text.map(lambda value: quote(value, safe="")),
    text,  # raw, unencoded Unicode
    st.sampled_from(["..", ".", "", "%2F", "%5C..", "~", "index.php", "wp-admin"]),
    bad_escapes,
    st.integers(300, 6000).map(lambda n: "a" * n),  # a very long segment
)
query_value = st.one_of(
    text.map(lambda value: quote(value, safe="")),
    bad_escapes,
    st.integers(-(10**30), 10**30).map(str),
    st.integers(4000, 6000).map(lambda n: "9" * n),  # past Python's int() limit
    st.sampled_from(["", "0", "-1", "1e9", "NaN", "2024-02-30", "9999-12-31", "[]"]),
)
query_key = st.one_of(st.sampled_from(KNOWN_KEYS), text.map(quote), bad_escapes)
query_string = st.lists(st.tuples(query_key, query_value), max_size=8).map(
    lambda pairs: "&".join(f"{key}={value}" for key, value in pairs)
)
header_text = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=200
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_HOST": st.sampled_from(HOSTS),
        "HTTP_ACCEPT_LANGUAGE": st.one_of(
            header_text,
            st.sampled_from(["ar", "es-CO,es;q=0.9", "*", "xx-YY", "en;q=abc", ";;,"]),
        ),
        "HTTP_RANGE": st.one_of(
            header_text,
            st.sampled_from(["bytes=0-10", "bytes=-5", "bytes=9999999-", "bytes=5-1"]),
        ),
        "HTTP_COOKIE": st.one_of(
            header_text,
            st.integers(1, 16).map(lambda kb: "sessionid=" + "x" * (kb * 1024)),
            st.sampled_from(["csrftoken=", "=;;=", "a=b; " * 400]),
        ),
        "HTTP_IF_NONE_MATCH": st.one_of(header_text, st.just("*")),
        "HTTP_IF_MODIFIED_SINCE": header_text,
        "HTTP_USER_AGENT": header_text,
        "HTTP_X_FORWARDED_FOR": header_text,
        "HTTP_REFERER": header_text,
    },
)
bodies = st.one_of(
    st.just(("", "application/x-www-form-urlencoded")),
    query_string.map(lambda q: (q, "application/x-www-form-urlencoded")),
    st.binary(max_size=300).map(lambda b: (b, "application/octet-stream")),
    st.text(max_size=200).map(lambda t: (t, "application/json")),
    st.just(("--x\r\nbroken", "multipart/form-data; boundary=x")),
)


@pytest.fixture(scope="module")
def public_paths(newsroom):
    paths = [path for pages in newsroom.values() for path in pages.values()]
    return sorted(set(paths)) + MACHINE_PATHS


def mutate(path: str, extra: list[str], mode: int) -> str:
    path, _, query = path.partition("?")
    if mode == 0 or not extra:
        new = path
    elif mode == 1:  # deeper
        new = path.rstrip("/") + "/" + "/".join(extra) + "/"
    elif mode == 2:  # the last part replaced
        new = path.rstrip("/").rsplit("/", 1)[0] + "/" + "/".join(extra)
    else:  # double slashes, no trailing slash
        new = "/" + path.strip("/").replace("/", "//") + "/".join(extra)
    return new + ("?" + query if query else "")


def check(response, path: str, method: str = "GET"):
    status = response.status_code
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    where = f"{method} {path!r} -> {status}"
    assert status < 500, where
    for leak in LEAKS:
        assert leak not in body, f"{where} shows {leak!r}"
    content_type = response.headers.get("Content-Type", "")
    if status >= 400 and body and content_type.startswith("text/html"):
        assert b'class="site-header"' in body, f"{where}: not in the site's design"


def fresh_client() -> Client:
    cache.clear()  # rate limits and cached pages start from nothing each time
    return Client(enforce_csrf_checks=True)


@FUZZ
@given(
    data=st.data(),
    extra=st.lists(segment, max_size=3),
    mode=st.integers(0, 3),
    method=st.sampled_from(["GET", "HEAD"]),
)
def test_random_paths(public_paths, data, extra, mode, method):
    path = mutate(data.draw(st.sampled_from(public_paths)), extra, mode)
    check(fresh_client().generic(method, path), path, method)


@FUZZ
@given(data=st.data(), query=query_string)
def test_random_query_strings(public_paths, data, query):
    path = data.draw(st.sampled_from(public_paths))
    path = path + ("&" if "?" in path else "?") + query
    check(fresh_client().get(path), path)


@FUZZ
@given(data=st.data(), extra=headers)
def test_random_headers(public_paths, data, extra):
    path = data.draw(st.sampled_from(public_paths))
    check(fresh_client().get(path, **extra), path)


@FUZZ
@given(data=st.data(), method=st.sampled_from(METHODS), body=bodies, extra=headers)
def test_random_methods_and_bodies(public_paths, data, method, body, extra):
    path = data.draw(st.sampled_from(public_paths))
    content, content_type = body
    response = fresh_client().generic(
        method, path, data=content, content_type=content_type, **extra
    )
    check(response, path, method)

"""Fetching against a real HTTP server on 127.0.0.1."""

import time

import pytest

from masthead.wires.fetch import USER_AGENT, FetchError, fetch_feed

from .agency import FEED, Agency


def test_fetches_from_an_allowed_host_with_our_user_agent(agency):
    fetched = fetch_feed(agency + "/feed")
    assert fetched.body == FEED
    assert fetched.etag == '"v1"'
    assert fetched.last_modified == "Tue, 01 Apr 2025 10:00:00 GMT"
    assert Agency.seen[0]["User-Agent"] == USER_AGENT


def test_not_modified_is_nothing_new(agency):
    fetched = fetch_feed(agency + "/feed", etag='"v1"', last_modified="x")
    assert fetched.body is None
    assert fetched.etag == '"v1"'
    assert Agency.seen[0]["If-None-Match"] == '"v1"'
    assert Agency.seen[0]["If-Modified-Since"] == "x"


def test_refuses_a_host_not_in_the_list(agency, settings):
    settings.MASTHEAD_WIRE_HOSTS = ["wires.example.com"]
    with pytest.raises(FetchError) as refused:
        fetch_feed(agency + "/feed")
    assert str(refused.value) == (
        "Host 127.0.0.1 is not in MASTHEAD_WIRE_HOSTS (allowed: wires.example.com)."
    )
    assert Agency.seen == []  # not even asked


def test_refuses_other_schemes(agency):
    with pytest.raises(FetchError, match="Only http:// and https://"):
        fetch_feed("file:///etc/passwd")


def test_follows_a_redirect_on_an_allowed_host(agency):
    assert fetch_feed(agency + "/to-feed").body == FEED


def test_refuses_a_redirect_to_a_host_not_in_the_list(agency):
    with pytest.raises(FetchError) as refused:
        fetch_feed(agency + "/to-evil")
    assert "Refused a redirect to http://evil.example/feed" in str(refused.value)
    assert "evil.example is not in MASTHEAD_WIRE_HOSTS" in str(refused.value)


@pytest.mark.parametrize("path", ["/huge", "/huge-no-length", "/huge-chunked"])
def test_refuses_a_body_larger_than_the_limit(agency, path):
    with pytest.raises(FetchError, match=r"^Document larger than 5 MB$"):
        fetch_feed(agency + path)


def test_server_errors_say_the_status_and_host(agency):
    with pytest.raises(FetchError, match=r"^127\.0\.0\.1 answered HTTP 503$"):
        fetch_feed(agency + "/broken")
    with pytest.raises(FetchError, match=r"^127\.0\.0\.1 answered HTTP 500$"):
        fetch_feed(agency + "/error")


def test_times_out_after_the_setting(agency, settings):
    settings.MASTHEAD_WIRE_TIMEOUT_SECONDS = 0.3
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^Timed out after 0\.3 s$"):
        fetch_feed(agency + "/slow")
    assert time.monotonic() - started < 1.4


def test_an_unreachable_host_is_a_clear_error(settings):
    settings.MASTHEAD_WIRE_HOSTS = ["127.0.0.1"]
    with pytest.raises(FetchError, match=r"^Could not reach 127\.0\.0\.1: "):
        fetch_feed("http://127.0.0.1:9/feed")  # the discard port: nothing listens

"""A fetched source end to end: conditional GET state, fetch failures."""

import pytest
from wagtail.models import Locale

from masthead.wires.ingest import poll_source
from masthead.wires.models import WireItem, WireSource, WireSourceError

from .agency import Agency
from .documents import ninjs, ninjs_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def http_source(agency, home):
    return WireSource.objects.create(
        name="Agency over HTTP",
        format="ninjs",
        transport="http",
        url=agency + "/document",
        locale=Locale.get_default(),
    )


def test_an_unchanged_feed_is_not_modified(http_source):
    Agency.document = ninjs(ninjs_item("urn:1"))
    assert poll_source(http_source).new == 1
    http_source.refresh_from_db()
    assert http_source.etag

    summary = poll_source(http_source)

    assert summary.not_modified
    assert Agency.seen[-1]["If-None-Match"] == http_source.etag
    assert WireItem.objects.count() == 1


def test_a_changed_feed_is_read_again(http_source):
    Agency.document = ninjs(ninjs_item("urn:1"))
    poll_source(http_source)
    Agency.document = ninjs(ninjs_item("urn:1"), ninjs_item("urn:2", "Bank holds"))

    summary = poll_source(http_source)

    assert (summary.new, summary.unchanged) == (1, 1)


def test_a_failing_feed_is_an_error_and_a_failed_poll(http_source, agency):
    http_source.url = agency + "/broken"
    summary = poll_source(http_source)

    assert summary.failed
    assert http_source.consecutive_failures == 1
    error = WireSourceError.objects.get()
    assert error.message == "127.0.0.1 answered HTTP 503"
    assert error.detail == agency + "/broken"


def test_a_broken_document_is_an_error_and_fetched_again(http_source):
    Agency.document = b"<html><body>Service unavailable</body></html>"
    http_source.format = "rss"
    summary = poll_source(http_source)

    assert summary.failed
    assert WireSourceError.objects.get().message.startswith("Could not read")
    # Its validators are not kept: the next poll fetches it whole again.
    http_source.refresh_from_db()
    assert http_source.etag == ""


def test_a_host_removed_from_the_list_is_refused_at_fetch_time(http_source, settings):
    settings.MASTHEAD_WIRE_HOSTS = ["wires.example.com"]
    poll_source(http_source)
    assert "is not in MASTHEAD_WIRE_HOSTS" in WireSourceError.objects.get().message
    assert Agency.seen == []

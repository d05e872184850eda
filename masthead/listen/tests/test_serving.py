"""Audio is sent with the byte ranges players seek with."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from masthead.caching.policy import cache_key_for
from masthead.listen.serving import audio_url, byte_range

pytestmark = pytest.mark.django_db

NAME = "listen/en/12-0123456789abcdef.mp3"
CONTENT = bytes(range(256)) * 40  # 10,240 bytes


@pytest.fixture
def stored():
    return default_storage.save(NAME, ContentFile(CONTENT))


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_whole_file_says_that_ranges_are_accepted(client, stored):
    url = audio_url(stored)
    assert url == "/audio/en/12-0123456789abcdef.mp3"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Content-Length"] == str(len(CONTENT))
    assert "immutable" in response["Cache-Control"]
    assert body(response) == CONTENT


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [("bytes=0-", 0, 10239), ("bytes=100-199", 100, 199), ("bytes=-10", 10230, 10239),
     ("bytes=10000-99999", 10000, 10239)],
)  # fmt: skip
def test_a_range_gets_exactly_its_bytes(client, stored, header, first, last):
    response = client.get(audio_url(stored), HTTP_RANGE=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(CONTENT)}"
    assert response["Content-Length"] == str(last - first + 1)
    assert body(response) == CONTENT[first : last + 1]


@pytest.mark.parametrize("header", ["bytes=20000-", "bytes=50-10", "bytes=-"])
def test_a_range_outside_the_file_is_refused(client, stored, header):
    response = client.get(audio_url(stored), HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(CONTENT)}"


def test_a_range_of_another_version_gets_the_whole_file(client, stored):
    response = client.get(
        audio_url(stored), HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"old"'
    )
    assert response.status_code == 200
    assert body(response) == CONTENT


def test_several_ranges_at_once_get_the_whole_file(client, stored):
    response = client.get(audio_url(stored), HTTP_RANGE="bytes=0-1,4-5")
    assert response.status_code == 200
    assert body(response) == CONTENT


def test_a_player_with_the_file_is_told_it_has_not_changed(client, stored):
    etag = client.get(audio_url(stored))["ETag"]
    response = client.get(audio_url(stored), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_head_has_the_headers_without_the_body(client, stored):
    response = client.head(audio_url(stored))
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(CONTENT))
    assert body(response) == b""


@pytest.mark.parametrize(
    "path",
    [
        "/audio/en/99-0123456789abcdef.mp3",  # no such file
        "/audio/en/../../settings.py",
        "/audio/en/12-0123456789abcdef.wav",
        "/audio/%2e%2e/%2e%2e/etc/passwd",
        "/audio/en/12-0123456789ABCDEF.mp3",
    ],
)
def test_nothing_but_stored_audio_is_served(client, stored, path):
    assert client.get(path).status_code == 404


def test_only_reading_is_allowed(client, stored):
    assert client.post(audio_url(stored)).status_code == 405


def test_the_page_cache_never_keeps_audio():
    assert cache_key_for("example.org", "/audio/en/12-0123456789abcdef.mp3", "") is None


def test_byte_ranges_are_parsed_strictly():
    assert byte_range("bytes=0-0", 10) == (0, 0)
    assert byte_range("bytes=5-", 10) == (5, 9)
    assert byte_range("bytes=-20", 10) == (0, 9)
    assert byte_range("bytes=0-1,4-5", 10) is None  # several ranges: not offered
    assert byte_range("items=0-5", 10) is None
    assert byte_range("bytes=10-", 10) is None

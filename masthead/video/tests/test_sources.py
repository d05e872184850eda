"""YouTube and Vimeo links are reduced to their video ids; nothing else passes."""

import re

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from masthead.video.sources import (
    EmbeddedVideo,
    normalise_video_link,
    parse_video_link,
    validate_hls_url,
)

ID = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    "link",
    [
        f"https://www.youtube.com/watch?v={ID}",
        f"https://youtube.com/watch?v={ID}&t=42s&list=PL123",
        f"http://m.youtube.com/watch?feature=share&v={ID}",
        f"https://youtu.be/{ID}",
        f"https://youtu.be/{ID}?si=abc",
        f"https://www.youtube.com/shorts/{ID}",
        f"https://www.youtube.com/embed/{ID}",
        f"  https://www.youtube.com/watch?v={ID}  ",
    ],
)
def test_youtube_links_in_every_shape_give_the_id(link):
    assert parse_video_link(link) == EmbeddedVideo("youtube", ID)
    assert normalise_video_link(link) == f"https://www.youtube.com/watch?v={ID}"


@pytest.mark.parametrize(
    "link",
    [
        "https://vimeo.com/76979871",
        "https://www.vimeo.com/76979871?share=copy",
        "https://player.vimeo.com/video/76979871",
    ],
)
def test_vimeo_links_give_the_id(link):
    assert parse_video_link(link) == EmbeddedVideo("vimeo", "76979871")
    assert normalise_video_link(link) == "https://vimeo.com/76979871"


def test_embed_addresses_are_rebuilt_from_the_id():
    youtube, vimeo = EmbeddedVideo("youtube", ID), EmbeddedVideo("vimeo", "42")

    assert (
        youtube.autoplay_url
        == f"https://www.youtube-nocookie.com/embed/{ID}?autoplay=1"
    )
    assert vimeo.autoplay_url == "https://player.vimeo.com/video/42?autoplay=1"
    assert vimeo.watch_url == "https://vimeo.com/42"


@pytest.mark.parametrize(
    "link",
    [
        "",
        "not a link",
        f"javascript:alert(1)//youtube.com/watch?v={ID}",
        f"https://www.youtube.com.evil.example/watch?v={ID}",
        f"https://evil.example/?u=https://youtu.be/{ID}",
        f"https://user:pass@youtu.be/{ID}",
        "https://www.youtube.com/watch?v=short",
        f"https://www.youtube.com/watch?v={ID}&v={ID}",
        f"https://youtu.be/{ID}/extra",
        f'https://www.youtube.com/watch?v={ID}" onload="x',
        "https://vimeo.com/channels/staffpicks",
        "https://vimeo.com/12ab",
        "ftp://vimeo.com/123",
        "https://[::1/",
    ],
)
def test_anything_else_is_a_validation_error(link):
    assert parse_video_link(link) is None
    with pytest.raises(ValidationError):
        normalise_video_link(link)


@given(st.text(max_size=300))
def test_random_text_is_refused_or_reduced_to_a_valid_id(text):
    try:
        normalised = normalise_video_link(text)
    except ValidationError:
        return
    assert re.fullmatch(
        r"https://www\.youtube\.com/watch\?v=[A-Za-z0-9_-]{11}|https://vimeo\.com/\d+",
        normalised,
    )


@given(
    st.sampled_from(["https://youtu.be/", "https://www.youtube.com/shorts/",
                     "https://vimeo.com/", "https://www.youtube.com/watch?v="]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
)  # fmt: skip
def test_random_ids_after_a_real_prefix_are_accepted_only_when_valid(prefix, tail):
    video = parse_video_link(prefix + tail)
    if video is None:
        return
    pattern = r"[A-Za-z0-9_-]{11}" if video.provider == "youtube" else r"\d{1,12}"
    assert re.fullmatch(pattern, video.video_id)
    assert video.video_id in tail


@pytest.mark.parametrize(
    "url",
    ["https://streams.example/live/master.m3u8", "https://cdn.example/a.M3U8?t=1"],
)
def test_hls_playlists_are_accepted(url):
    validate_hls_url(url)


@pytest.mark.parametrize(
    "url",
    ["http://streams.example/live.m3u8", "https://streams.example/live.mp4",
     "https:///live.m3u8", "javascript:alert(1).m3u8"],
)  # fmt: skip
def test_other_stream_addresses_are_refused(url):
    with pytest.raises(ValidationError):
        validate_hls_url(url)

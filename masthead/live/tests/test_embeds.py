"""Which links an entry may show as a video or a post, and what they become."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from masthead.live.embeds import parse_embed
from masthead.live.rich_text import clean_entry_html


@pytest.mark.parametrize(
    ("url", "provider", "player"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube",
         "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "youtube",
         "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.youtube.com/live/abc_DEF-123", "youtube",
         "https://www.youtube-nocookie.com/embed/abc_DEF-123"),
        ("https://vimeo.com/76979871", "vimeo", "https://player.vimeo.com/video/76979871"),
        ("https://x.com/newsdesk/status/1790000000000000000", "x", None),
        ("https://twitter.com/newsdesk/status/17900", "x", None),
    ],
)  # fmt: skip
def test_accepted_links(url, provider, player):
    embed = parse_embed(url)

    assert (embed.provider, embed.player_url, embed.url) == (provider, player, url)


@pytest.mark.parametrize(
    "url",
    [
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=<script>",
        "https://www.youtube.com/channel/UC123456",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://vimeo.com/channels/staffpicks",
        "https://x.com/newsdesk",
        "https://user@x.com/newsdesk/status/1",
        "javascript:alert(1)",
        "https://[::1",
    ],
)
def test_refused_links(url):
    assert parse_embed(url) is None


@given(st.text(max_size=200))
def test_any_text_is_a_link_or_nothing_never_an_error(text):
    embed = parse_embed(text)

    assert embed is None or embed.url == text


ALLOWED = {"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a"}
MARKUP = st.lists(
    st.sampled_from(["<p>", "</p>", "<script>", "</script>", "<img src=x onerror=y>",
                     '<a href="javascript:x" onclick="y">', "</a>", "<b>", "text", "<",
                     ">", "&", '"', "<style>p{}</style>", "<iframe src=//x>"]),
    max_size=12,
).map("".join)  # fmt: skip


@given(st.one_of(MARKUP, st.text(max_size=200)))
def test_cleaned_text_keeps_only_the_entry_elements(text):
    soup = BeautifulSoup(clean_entry_html(text), "html.parser")

    for tag in soup.find_all(True):
        assert tag.name in ALLOWED
        assert set(tag.attrs) <= {"href", "linktype", "id"}
        assert not tag.get("href", "").lower().startswith("javascript")

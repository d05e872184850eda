"""The edition's LIVE page: the player, today's schedule and what is on air."""

from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale

from masthead.front.setup import ensure_edition_home
from masthead.live.models import LiveChannelPage
from masthead.live.models.channel import validate_stream_url
from masthead.live.schedule import todays_programmes
from masthead.live.tests.factories import live_channel, publish

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def around_now(now, *titles):
    """Consecutive hour-long programmes, the second one on air."""
    return [
        (
            now + timedelta(hours=n - 1, minutes=-30),
            now + timedelta(hours=n, minutes=-30),
            t,
        )
        for n, t in enumerate(titles)
    ]


def test_the_player_falls_back_to_a_link(client, home):
    channel = live_channel(home)

    soup = soup_of(client, channel.url)

    video = soup.select_one("video.live-channel__video")
    assert video.has_attr("controls")
    assert video["data-stream"] == "/media/live/en/stream.m3u8"
    assert video.source["type"] == "application/vnd.apple.mpegurl"
    assert soup.select_one(".live-channel__link a")["href"] == channel.stream_url
    player = soup.select_one("[data-live-player]")
    assert player["data-hls"].endswith("live/hls.min.js")
    assert any("live_channel.js" in s["src"] for s in soup.select("script[src]"))
    # hls.js is loaded by the script only where the browser needs it.
    assert not any("hls.min.js" in s["src"] for s in soup.select("script[src]"))


def test_now_on_air_is_marked(client, home):
    titles = ("Morning edition", "Newsroom live", "The interview")
    channel = live_channel(home, programmes=around_now(timezone.now(), *titles))

    soup = soup_of(client, channel.url)

    items = soup.select(".schedule__item")
    assert [i.select_one(".schedule__title").get_text() for i in items] == [
        "Morning edition", "Newsroom live", "The interview"
    ]  # fmt: skip
    current = soup.select(".schedule__item--now")
    assert len(current) == 1 and current[0] is items[1]
    assert items[1]["aria-current"] == "true"
    assert items[1].select_one("[data-now-label]").get("hidden") is None
    assert items[0].select_one("[data-now-label]").has_attr("hidden")
    assert items[1]["data-start"] and items[1]["data-end"]


def test_the_schedule_is_today_in_the_edition_time_zone(home):
    home.time_zone = "Asia/Beirut"  # UTC+2 in winter
    publish(home)
    from django.core.cache import cache

    cache.clear()
    now = datetime(2025, 1, 10, 23, 0, tzinfo=UTC)  # 01:00 on the 11th in Beirut
    channel = live_channel(home, programmes=[
        (datetime(2025, 1, 10, 20, 0, tzinfo=UTC), datetime(2025, 1, 10, 21, 0, tzinfo=UTC), "Yesterday"),  # noqa: E501
        (datetime(2025, 1, 10, 21, 30, tzinfo=UTC), datetime(2025, 1, 10, 23, 30, tzinfo=UTC), "Overnight"),  # noqa: E501
        (datetime(2025, 1, 11, 21, 0, tzinfo=UTC), datetime(2025, 1, 11, 23, 0, tzinfo=UTC), "Late news"),  # noqa: E501
        (datetime(2025, 1, 11, 22, 0, tzinfo=UTC), datetime(2025, 1, 11, 23, 0, tzinfo=UTC), "Tomorrow"),  # noqa: E501
    ])  # fmt: skip

    titles = [p.title for p in todays_programmes(channel, now)]

    assert titles == ["Overnight", "Late news"]


def test_the_page_is_cached_briefly_so_now_on_air_moves_on(client, home, page_cache):
    channel = live_channel(home)

    response = client.get(channel.url)

    assert response["Cache-Control"] == (
        "public, max-age=0, s-maxage=30, stale-while-revalidate=30"
    )


def test_an_external_stream_is_allowed_by_the_page_policy(client, home):
    channel = live_channel(
        home, stream_url="https://streams.example.org/news/live.m3u8"
    )

    policy = client.get(channel.url)["Content-Security-Policy"]

    assert "media-src 'self' blob: https://streams.example.org" in policy
    assert "connect-src 'self' https://streams.example.org" in policy
    assert "script-src 'self'" in policy


def test_a_local_stream_keeps_the_site_policy(client, home):
    channel = live_channel(home)

    policy = client.get(channel.url)["Content-Security-Policy"]

    assert "media-src 'self' blob:;" in policy
    assert "worker-src 'self' blob:" in policy


@pytest.mark.parametrize(
    "url",
    [
        "http://streams.example.org/live.m3u8",
        "//streams.example.org/live.m3u8",
        "https://streams.example.org/live.mp4",
        "javascript:alert(1)//.m3u8",
        "media/live/stream.m3u8",
        "https://user:pass@streams.example.org/live.m3u8",
    ],
)
def test_bad_stream_addresses_are_refused(url):
    with pytest.raises(ValidationError):
        validate_stream_url(url)


def test_good_stream_addresses_are_accepted():
    validate_stream_url("/media/live/en/stream.m3u8")
    validate_stream_url("https://streams.example.org/news/live.m3u8?token=1")


def test_a_programme_ends_after_it_starts(home):
    from masthead.live.models import ChannelProgramme

    now = timezone.now()
    with pytest.raises(ValidationError):
        ChannelProgramme(start_at=now, end_at=now, title="Empty").clean()


def test_one_channel_per_edition(home):
    assert LiveChannelPage.max_count_per_parent == 1
    assert LiveChannelPage.parent_page_types == ["front.HomePage"]
    live_channel(home)
    assert not LiveChannelPage.can_create_at(home)


@pytest.mark.parametrize("language_code", ["en", "ar", "es"])
def test_the_channel_renders_in_every_edition(client, home, language_code):
    channel = live_channel(home, programmes=around_now(timezone.now(), "A", "B"))
    if language_code != "en":
        ensure_edition_home(language_code)
        locale = Locale.objects.get(language_code=language_code)
        channel = publish(channel.copy_for_translation(locale, copy_parents=True))

    soup = soup_of(client, channel.url)

    assert soup.html["lang"] == language_code
    assert len(soup.select(".schedule__item")) == 2
    assert len(soup.select(".schedule__item--now")) == 1
    assert soup.select_one("video")

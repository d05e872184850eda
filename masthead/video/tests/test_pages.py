"""Video and series pages: every kind in every edition, the players, captions,
transcript, and a series' seasons and episode links."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale

from masthead.front.setup import ensure_edition_home
from masthead.video.models import SeriesKind, VideoCaption, VideoKind, VideoPage
from masthead.video.tests.factories import (
    YOUTUBE_ID,
    SeriesPageFactory,
    VideoPageFactory,
    publish,
)

pytestmark = pytest.mark.django_db

CUE = "00:00.000 --> 00:01.000\n"
TITLES = {
    "ar": "الأمطار تغلق الطريق الساحلي",
    "es": "La lluvia cierra la carretera costera",
}


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def translate(page, language_code, **fields):
    copy = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return publish(copy)


@pytest.fixture
def editions(home):
    ensure_edition_home("ar")
    ensure_edition_home("es")


def page_of_kind(news, kind):
    if kind in (VideoKind.TV_EPISODE, VideoKind.SERIES_EPISODE):
        series_kind = (
            SeriesKind.TV if kind == VideoKind.TV_EPISODE else SeriesKind.DIGITAL
        )
        series = publish(SeriesPageFactory(parent=news, kind=series_kind))
        return publish(VideoPageFactory(parent=series, kind=kind, episode_number=3))
    return publish(VideoPageFactory(parent=news, kind=kind))


@pytest.mark.parametrize("kind", VideoKind.values)
def test_every_kind_renders_in_every_edition(client, news, editions, kind):
    english = page_of_kind(news, kind)
    pages = {"en": english}
    for code, title in TITLES.items():
        pages[code] = translate(english, code, title=title)

    for code, page in pages.items():
        assert page.url.startswith("/" if code == "en" else f"/{code}/")
        html = soup(client, page.url)
        assert html.html["lang"] == code
        assert html.html["dir"] == ("rtl" if code == "ar" else "ltr")
        assert html.h1.get_text() == page.title
        assert html.select_one(".video__kind").get_text()
        assert html.select_one("[data-video-facade]")


def test_embedded_video_is_a_poster_and_a_link_until_played(client, news, image):
    page = publish(
        VideoPageFactory(
            parent=news, title="Floods close the coastal road", lead_image=image,
            lead_image_alt="Water covers the coastal road",
            video_link=f"https://youtu.be/{YOUTUBE_ID}",
        )
    )  # fmt: skip

    html = soup(client, page.url)

    facade = html.select_one("[data-video-facade]")
    assert facade["data-embed-src"] == (
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1"
    )
    play = facade.select_one("a[data-video-play]")
    assert play.get_text(strip=True) == "Play video: Floods close the coastal road"
    assert play["href"] == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
    assert facade.img["alt"] == "Water covers the coastal road"
    assert facade.img["src"].startswith("/media/")
    assert html.find("iframe") is None
    # Nothing on the page comes from another host before the reader presses play.
    for node in html.select("[src], link[href]"):
        address = node.get("src") or node.get("href")
        assert address.startswith("/"), address
    assert html.select_one('script[src="/static/video/player.js"][defer]')
    assert html.select_one('link[rel=stylesheet][href="/static/video/video.css"]')


def test_link_is_normalised_and_a_page_needs_exactly_one_source(news):
    page = VideoPageFactory(
        parent=news, video_link=f"https://youtube.com/shorts/{YOUTUBE_ID}"
    )
    assert page.video_link == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"

    page.hls_url = "https://streams.example/live.m3u8"
    with pytest.raises(ValidationError) as both:
        page.full_clean()
    assert "video_link" in both.value.error_dict

    page.hls_url = page.video_link = ""
    with pytest.raises(ValidationError):
        page.full_clean()

    page.video_link = "https://example.com/watch?v=" + YOUTUBE_ID
    with pytest.raises(ValidationError) as bad:
        page.full_clean()
    assert "video_link" in bad.value.error_dict


def test_hls_stream_plays_in_the_native_player_with_captions(client, news):
    page = publish(
        VideoPageFactory(
            parent=news,
            video_link="",
            hls_url="https://streams.example/news/master.m3u8",
        )
    )
    for order, (language, text) in enumerate([("en", "Rain"), ("ar", "مطر")]):
        VideoCaption.objects.create(
            page=page, language=language, sort_order=order,
            file=SimpleUploadedFile("c.vtt", f"WEBVTT\n\n{CUE}{text}\n".encode()),
        )  # fmt: skip

    html = soup(client, page.url)

    video = html.select_one("video")
    assert "controls" in video.attrs
    assert video["preload"] == "none"  # the stream's host sees no one until play
    assert video["data-hls-src"] == page.hls_url
    source = video.select_one("source")
    assert (source["src"], source["type"]) == (
        page.hls_url,
        "application/vnd.apple.mpegurl",
    )
    tracks = [(t["kind"], t["srclang"], t["label"]) for t in video.select("track")]
    assert tracks == [("captions", "en", "English"), ("captions", "ar", "العربيّة")]
    assert all(t["src"].endswith(".vtt") for t in video.select("track"))


def test_transcript_is_below_the_player_in_a_details_element(client, news):
    page = publish(
        VideoPageFactory(
            parent=news, transcript="<p>Rain fell all night on the coast.</p>"
        )
    )

    html = soup(client, page.url)

    details = html.select_one("details.video__transcript")
    assert details.summary.get_text() == "Transcript"
    assert "Rain fell all night" in details.get_text()
    assert html.select_one(".video-player").find_next("details") is details


def test_series_lists_seasons_and_episodes_in_order(client, news):
    series = publish(SeriesPageFactory(parent=news, title="The Week"))
    for season, episode in [(2, 1), (1, 2), (1, 1), (2, 2)]:
        publish(
            VideoPageFactory(
                parent=series, kind="tv_episode", title=f"S{season}E{episode}",
                season_number=season, episode_number=episode,
            )
        )  # fmt: skip

    html = soup(client, series.url)

    seasons = html.select(".series-season")
    assert [s.h2.get_text() for s in seasons] == ["Season 1", "Season 2"]
    assert [[a.get_text() for a in s.select(".card__headline a")] for s in seasons] == [
        ["S1E1", "S1E2"],
        ["S2E1", "S2E2"],
    ]


def test_an_episode_shows_its_number_and_its_neighbours(client, news):
    series = publish(SeriesPageFactory(parent=news, title="The Week"))
    episodes = {
        (season, episode): publish(
            VideoPageFactory(
                parent=series, kind="tv_episode", title=f"S{season}E{episode}",
                season_number=season, episode_number=episode,
            )
        )
        for season, episode in [(1, 1), (1, 2), (2, 1)]
    }  # fmt: skip

    html = soup(client, episodes[(1, 2)].url)

    assert "Season 1, episode 2" in html.select_one(".video__episode").get_text()
    assert html.select_one(".video__episode a")["href"] == series.url
    nav = html.select_one("nav.episode-nav")
    assert nav.select_one("a[rel=prev]")["href"] == episodes[(1, 1)].url
    assert nav.select_one("a[rel=next]")["href"] == episodes[(2, 1)].url

    first = soup(client, episodes[(1, 1)].url)
    assert first.select_one("a[rel=prev]") is None
    assert first.select_one("a[rel=next]")["href"] == episodes[(1, 2)].url


def test_an_episode_number_follows_the_edition_digits(client, news):
    arabic_home = ensure_edition_home("ar")
    arabic_home.digits = "arabic-indic"
    publish(arabic_home)
    series = publish(SeriesPageFactory(parent=news))
    english = publish(
        VideoPageFactory(
            parent=series, kind="tv_episode", season_number=2, episode_number=3
        )
    )
    arabic = translate(english, "ar", title=TITLES["ar"])

    text = soup(client, arabic.url).select_one(".video__episode").get_text()

    assert "٢" in text and "٣" in text


def test_an_episode_needs_its_number(news):
    series = publish(SeriesPageFactory(parent=news))
    page = VideoPage(
        title="Untitled", slug="untitled", kind="tv_episode", summary_text="A summary.",
        video_link=f"https://youtu.be/{YOUTUBE_ID}",
    )  # fmt: skip

    with pytest.raises(ValidationError) as error:
        series.add_child(instance=page)
    assert "episode_number" in error.value.error_dict

"""What machines read: VideoObject, episodes and series in JSON-LD, and the
entries of the video sitemap."""

import json

import pytest
from bs4 import BeautifulSoup

from masthead.video.metadata import iso_duration
from masthead.video.models import VideoPage
from masthead.video.sitemaps import video_sitemap_entries
from masthead.video.tests.factories import (
    YOUTUBE_ID,
    SeriesPageFactory,
    VideoPageFactory,
    pattern_upload,
    publish,
)

pytestmark = pytest.mark.django_db

BASE = "https://news.example"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.MASTHEAD_BASE_URL = BASE


def json_ld(client, page) -> dict[str, dict]:
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html5lib")
    blocks = [
        json.loads(s.string)
        for s in soup.find_all("script", type="application/ld+json")
    ]
    return {block["@type"]: block for block in blocks}


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(90, "PT1M30S"), (2.04, "PT2S"), (3600, "PT1H"), (3725, "PT1H2M5S"), (0, "PT0S"),
     (None, None)],
)  # fmt: skip
def test_iso_durations(seconds, expected):
    assert iso_duration(seconds) == expected


def test_embedded_video_object_field_by_field(client, home, news, image):
    page = publish(
        VideoPageFactory(
            parent=news, title="Floods close the coastal road", lead_image=image,
            lead_image_alt="Water on the road", duration=90,
            summary_text="Heavy rain flooded the coastal road overnight.",
        )
    )  # fmt: skip

    data = json_ld(client, page)["VideoObject"]

    canonical = f"{BASE}{page.url}"
    assert data["@context"] == "https://schema.org"
    assert data["@id"] == f"{canonical}#video"
    assert data["name"] == "Floods close the coastal road"
    assert data["description"] == "Heavy rain flooded the coastal road overnight."
    assert len(data["thumbnailUrl"]) == 3
    assert all(url.startswith(f"{BASE}/media/images/") for url in data["thumbnailUrl"])
    assert [u.split(".")[-3] for u in data["thumbnailUrl"]] == [
        "fill-1200x675", "fill-1200x900", "fill-1200x1200",
    ]  # fmt: skip
    assert data["uploadDate"] == page.first_published_at.isoformat()
    assert data["duration"] == "PT1M30S"
    assert data["embedUrl"] == f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"
    assert "contentUrl" not in data
    assert data["url"] == canonical
    assert data["inLanguage"] == "en"
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == home.site_name
    assert data["publisher"]["logo"]["url"] == f"{BASE}/static/img/logo.png"
    assert "TVEpisode" not in json_ld(client, page)


def test_uploaded_video_object_points_at_the_prepared_file(
    client, news, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(
            VideoPageFactory(
                parent=news, video_link="", duration=None,
                source_file=pattern_upload(tmp_path),
            )
        )  # fmt: skip

    data = json_ld(client, page)["VideoObject"]

    encoding = VideoPage.objects.get(pk=page.pk).encoding
    assert data["contentUrl"] == f"{BASE}{encoding.output.url}"
    assert data["duration"] == "PT2S"
    assert len(data["thumbnailUrl"]) == 3  # from the poster frame
    assert "embedUrl" not in data


def test_hls_video_object_gives_the_stream(client, news):
    stream = "https://streams.example/news/master.m3u8"
    page = publish(VideoPageFactory(parent=news, video_link="", hls_url=stream))

    assert json_ld(client, page)["VideoObject"]["contentUrl"] == stream


@pytest.mark.parametrize(
    ("kind", "series_type", "season_type", "episode_type", "video_kind"),
    [
        ("tv", "TVSeries", "TVSeason", "TVEpisode", "tv_episode"),
        ("digital", "CreativeWorkSeries", "CreativeWorkSeason", "Episode",
         "series_episode"),
    ],
)  # fmt: skip
def test_episode_and_series_field_by_field(
    client, home, news, image, kind, series_type, season_type, episode_type, video_kind
):
    series = publish(
        SeriesPageFactory(
            parent=news, title="The Week", kind=kind, lead_image=image,
            lead_image_alt="The presenters in the studio",
            intro="Our correspondents look back at the week.",
        )
    )  # fmt: skip
    episodes = [
        publish(
            VideoPageFactory(
                parent=series, kind=video_kind,
                title=f"Season {season}, episode {number}",
                season_number=season, episode_number=number,
            )
        )
        for season, number in [(1, 1), (1, 2), (2, 1)]
    ]  # fmt: skip

    episode = json_ld(client, episodes[1])
    data = episode[episode_type]
    assert data["@id"] == f"{BASE}{episodes[1].url}#episode"
    assert data["name"] == "Season 1, episode 2"
    assert data["episodeNumber"] == 2
    assert data["partOfSeason"] == {"@type": season_type, "seasonNumber": 1}
    assert data["partOfSeries"] == {
        "@type": series_type, "name": "The Week", "url": f"{BASE}{series.url}",
    }  # fmt: skip
    assert data["video"] == {"@id": episode["VideoObject"]["@id"]}
    assert data["inLanguage"] == "en"

    listing = json_ld(client, series)[series_type]
    assert listing["name"] == "The Week"
    assert listing["description"] == "Our correspondents look back at the week."
    assert listing["url"] == f"{BASE}{series.url}"
    assert len(listing["image"]) == 3
    assert listing["inLanguage"] == "en"
    assert listing["publisher"]["name"] == home.site_name
    assert [part["url"] for part in listing["hasPart"]] == [
        f"{BASE}{page.url}" for page in episodes
    ]
    assert all(part["@type"] == episode_type for part in listing["hasPart"])
    if kind == "tv":
        assert (listing["numberOfEpisodes"], listing["numberOfSeasons"]) == (3, 2)
    else:
        assert "numberOfSeasons" not in listing


def test_sitemap_entries_give_what_google_needs(
    news, image, tmp_path, django_capture_on_commit_callbacks
):
    embedded = publish(
        VideoPageFactory(
            parent=news, lead_image=image, lead_image_alt="Road", duration=90
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        uploaded = publish(
            VideoPageFactory(
                parent=news, video_link="", duration=None,
                source_file=pattern_upload(tmp_path),
            )
        )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=False):
        publish(  # still being prepared: left out
            VideoPageFactory(
                parent=news,
                video_link="",
                source_file=pattern_upload(tmp_path, name="b.mkv"),
            )
        )
    publish(VideoPageFactory(parent=news))  # no poster: left out

    entries = {
        entry["title"]: entry
        for entry in video_sitemap_entries(VideoPage.objects.live().order_by("pk"))
    }

    assert set(entries) == {embedded.title, uploaded.title}
    first = entries[embedded.title]
    assert first["page_url"] == f"{BASE}{embedded.url}"
    assert first["thumbnail_url"].startswith(f"{BASE}/media/images/")
    assert first["description"] == embedded.summary
    assert first["player_url"] == f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"
    assert first["content_url"] == ""
    assert first["duration"] == 90
    second = entries[uploaded.title]
    assert second["content_url"].startswith(f"{BASE}/media/video/encoded/")
    assert second["content_url"].endswith(".mp4")
    assert second["player_url"] == ""
    assert second["duration"] == 2

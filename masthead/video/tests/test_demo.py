import pytest

from masthead.front.setup import ensure_edition_home
from masthead.sections.tests.factories import SectionPageFactory
from masthead.video.demo import build_demo_videos
from masthead.video.models import EncodingStatus, SeriesPage, VideoEncoding, VideoPage

pytestmark = pytest.mark.django_db


def test_demo_builds_ready_videos_and_a_series_in_the_edition_language(
    client, home, image
):
    arabic_home = ensure_edition_home("ar")
    section = SectionPageFactory(parent=arabic_home, title="فيديو", slug="video")

    made = build_demo_videos(arabic_home, section, "ar", [image])

    assert len(made) == 7
    series = SeriesPage.objects.get()
    assert series.title == "حصاد الأسبوع"
    episodes = VideoPage.objects.child_of(series).order_by("episode_number")
    assert [e.episode_number for e in episodes] == [1, 2, 3]
    assert set(VideoEncoding.objects.values_list("status", flat=True)) == {
        EncodingStatus.READY
    }
    assert VideoEncoding.objects.count() == 5
    for page in made:
        response = client.get(page.url)
        assert response.status_code == 200
        assert "being prepared" not in response.content.decode()


def test_without_ffmpeg_the_demo_videos_play_from_a_link(client, home, monkeypatch):
    monkeypatch.setattr("masthead.video.demo.FFMPEG", "/nonexistent/ffmpeg")
    section = SectionPageFactory(parent=home, title="Videos", slug="videos")

    made = build_demo_videos(home, section, "en", [])

    assert len(made) == 7
    assert not VideoEncoding.objects.exists()
    for page in made:
        assert client.get(page.url).status_code == 200
    assert all(page.video_link for page in VideoPage.objects.descendant_of(section))

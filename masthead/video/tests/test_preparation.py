"""Publishing an uploaded video prepares it in the background: an H.264/AAC MP4
that starts playing at once, its duration, and a poster frame. A failure never
blocks publishing, is shown to editors and can be retried."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage

from masthead.video.ffmpeg import probe
from masthead.video.models import EncodingStatus, VideoEncoding, VideoPage
from masthead.video.tests.factories import VideoPageFactory, pattern_upload, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploaded(news, tmp_path):
    """A published page with an uploaded file whose preparation is queued."""
    return publish(
        VideoPageFactory(
            parent=news,
            video_link="",
            duration=None,
            source_file=pattern_upload(tmp_path),
        )
    )


def soup(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def test_a_published_upload_becomes_an_mp4_with_its_duration_and_poster(
    client, news, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(
            VideoPageFactory(
                parent=news, video_link="", duration=None,
                source_file=pattern_upload(tmp_path),
            )
        )  # fmt: skip

    encoding = VideoEncoding.objects.get(source=page.source_file.name)
    assert encoding.status == EncodingStatus.READY
    assert encoding.attempts == 1
    mp4 = Path(default_storage.path(encoding.output.name))
    made = probe(mp4)
    assert (made.video_codec, made.audio_codec) == ("h264", "aac")
    assert "mp4" in made.format_name
    assert made.duration == pytest.approx(2.0, abs=0.15)
    assert encoding.duration == pytest.approx(made.duration)
    header = mp4.read_bytes()[:65536]
    assert header.find(b"moov") < header.find(b"mdat")  # +faststart: index first
    assert (encoding.poster.width, encoding.poster.height) == (320, 240)
    assert "A frame from the video" in encoding.poster.description
    page.refresh_from_db()
    assert page.lead_image == encoding.poster
    assert page.get_latest_revision().content["lead_image"] == encoding.poster.pk

    html = soup(client, page)
    video = html.select_one("video.video-player__media")
    assert video["controls"] == "" and video["preload"] == "metadata"
    assert video["poster"].endswith(".jpg")
    assert html.select_one("video source")["src"] == encoding.output.url
    assert html.select_one("video source")["type"] == "video/mp4"
    assert "0:02" in html.select_one(".video__meta").get_text()


def test_the_page_says_the_video_is_being_prepared_until_it_is(
    client, news, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        page = publish(
            VideoPageFactory(
                parent=news, video_link="", source_file=pattern_upload(tmp_path)
            )
        )
    assert queued  # the task is enqueued once the publish commits

    html = soup(client, page)
    assert html.select_one("video") is None
    status = html.select_one(".video-player--pending[role=status]")
    assert "being prepared" in status.get_text()


def break_source(page) -> bytes:
    path = Path(default_storage.path(page.source_file.name))
    original = path.read_bytes()
    path.write_bytes(b"damaged on disk")
    return original


def test_a_failure_is_recorded_shown_to_editors_and_can_be_retried(
    client, admin_client, news, tmp_path, django_capture_on_commit_callbacks
):
    page = VideoPageFactory(
        parent=news, video_link="", source_file=pattern_upload(tmp_path)
    )
    original = break_source(page)
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)

    encoding = VideoEncoding.objects.get(source=page.source_file.name)
    assert encoding.status == EncodingStatus.FAILED
    assert encoding.error
    assert VideoPage.objects.get(pk=page.pk).live  # publishing was not blocked
    assert "being prepared" in soup(client, page).get_text()
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Failed" in edit and encoding.error in edit
    assert f"/admin/video/{page.pk}/prepare/" in edit

    Path(default_storage.path(page.source_file.name)).write_bytes(original)
    assert admin_client.get(f"/admin/video/{page.pk}/prepare/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/video/{page.pk}/prepare/")

    assert response.status_code == 302
    encoding.refresh_from_db()
    assert (encoding.status, encoding.error, encoding.attempts) == ("ready", "", 2)
    assert soup(client, page).select_one("video source")["src"] == encoding.output.url


def test_republishing_a_failed_video_tries_again(
    news, tmp_path, django_capture_on_commit_callbacks
):
    page = VideoPageFactory(
        parent=news, video_link="", source_file=pattern_upload(tmp_path)
    )
    original = break_source(page)
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    Path(default_storage.path(page.source_file.name)).write_bytes(original)

    with django_capture_on_commit_callbacks(execute=True):
        publish(page)

    assert VideoEncoding.objects.get().status == EncodingStatus.READY


def test_a_prepared_video_is_not_prepared_again_on_the_next_publish(
    news, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(
            VideoPageFactory(
                parent=news, video_link="", source_file=pattern_upload(tmp_path)
            )
        )
    with django_capture_on_commit_callbacks(execute=True):
        publish(VideoPage.objects.get(pk=page.pk))

    assert VideoEncoding.objects.get().attempts == 1


def test_retrying_needs_a_page_with_an_uploaded_file(admin_client, news):
    embedded = publish(VideoPageFactory(parent=news))

    assert admin_client.get("/admin/video/999999/prepare/").status_code == 404
    assert admin_client.post(f"/admin/video/{embedded.pk}/prepare/").status_code == 404

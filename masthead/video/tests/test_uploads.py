"""Uploads are judged by their content: caption files must be WebVTT, video files
must be video, both within a size limit; a bad file is a clear form error."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from masthead.video import validators
from masthead.video.models import VideoCaption, VideoPage
from masthead.video.tests.factories import (
    SeriesPageFactory,
    VideoPageFactory,
    pattern_upload,
)

pytestmark = pytest.mark.django_db

CUE = "\n\n00:00.000 --> 00:02.000\nRain fell all night.\n"


def caption_errors(content: bytes, name="captions.vtt") -> list[str]:
    caption = VideoCaption(language="en", file=SimpleUploadedFile(name, content))
    try:
        caption.full_clean(exclude=["page", "sort_order"])
    except ValidationError as error:
        return [e.code for e in error.error_dict["file"]]
    return []


@pytest.mark.parametrize(
    "content",
    [
        f"WEBVTT{CUE}".encode(),
        f"WEBVTT - the coastal road{CUE}".encode(),
        f"\ufeffWEBVTT{CUE}".encode(),
        b"WEBVTT",
        "WEBVTT\n\n00:00.000 --> 00:02.000\nهطلت الأمطار طوال الليل\n".encode(),
    ],
)
def test_webvtt_files_are_accepted(content):
    assert caption_errors(content) == []


@pytest.mark.parametrize(
    "content",
    [
        b"1\n00:00:00,000 --> 00:00:02,000\nRain fell all night.\n",  # SRT
        f"WEBVTTX{CUE}".encode(),
        f" WEBVTT{CUE}".encode(),
        b"",
        b"\x89PNG\r\n\x1a\n",
    ],
)
def test_other_files_are_refused_as_not_webvtt(content):
    assert caption_errors(content, name="captions.vtt") in (
        ["not_webvtt"],
        ["required"],
    )


def test_webvtt_must_be_utf8():
    assert caption_errors(b"WEBVTT\n\n00:00.000 --> 00:01.000\n\xe9t\xe9\n") == [
        "not_utf8"
    ]


def test_caption_files_over_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(validators, "MAX_CAPTIONS_BYTES", 100)

    assert caption_errors(b"WEBVTT" + CUE.encode() * 10) == ["file_too_large"]


def test_caption_files_are_stored_as_vtt(news):
    page = VideoPageFactory(parent=news)
    caption = VideoCaption(
        page=page, language="ar", file=SimpleUploadedFile("Arabic subs.txt", b"WEBVTT")
    )
    caption.save()

    assert caption.file.name.startswith("video/captions/arabic-subs-ar")
    assert caption.file.name.endswith(".vtt")
    assert caption.label == "العربيّة"


def source_errors(upload) -> list[str]:
    page = VideoPage(
        title="Floods", slug="floods", summary_text="Floods.", source_file=upload
    )
    try:
        page.full_clean(exclude=["path", "depth"])
    except ValidationError as error:
        return [e.code for e in error.error_dict.get("source_file", [])]
    return []


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_real_video_upload_is_accepted(tmp_path):
    assert source_errors(pattern_upload(tmp_path)) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.mp4", b"This is a plain text file pretending to be a video.\n" * 50),
        ("still.mp4", png_bytes()),
        ("empty.mov", b""),
        ("random.webm", bytes(range(256)) * 40),
    ],
)
def test_an_upload_that_is_not_video_is_refused_whatever_its_name(name, content):
    errors = source_errors(SimpleUploadedFile(name, content))
    assert errors and set(errors) <= {"not_video", "invalid", "empty"}


def test_video_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(validators, "MAX_VIDEO_BYTES", 1000)

    assert source_errors(pattern_upload(tmp_path)) == ["file_too_large"]


def test_work_files_stay_inside_media_root(settings, tmp_path):
    source_errors(pattern_upload(tmp_path))

    work = settings.MEDIA_ROOT / "video" / "work"
    assert work.is_dir() and list(work.iterdir()) == []


def test_the_admin_shows_a_form_error_for_a_file_that_is_not_video(admin_client, news):
    # Under a series: sections take videos once the site lists them as subpages.
    series = SeriesPageFactory(parent=news)
    data = nested_form_data(
        {
            "title": "Floods close the coastal road",
            "slug": "floods",
            "summary_text": "Heavy rain flooded the coastal road overnight.",
            "kind": "tv_episode",
            "episode_number": 1,
            "source_file": SimpleUploadedFile("floods.mp4", b"not a video at all" * 20),
            "hls_url": "",
            "video_link": "",
            "season_number": 1,
            "transcript": rich_text(""),
            "captions": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/video/videopage/{series.pk}/", data)

    assert response.status_code == 200
    assert "This file is not a video that can be read" in response.content.decode()
    assert not VideoPage.objects.exists()

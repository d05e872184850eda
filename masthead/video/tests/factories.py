import factory
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile

from masthead.video.ffmpeg import render_test_pattern
from masthead.video.models import SeriesPage, VideoPage

YOUTUBE_ID = "dQw4w9WgXcQ"


class VideoPageFactory(wagtail_factories.PageFactory):
    """A video played from YouTube, unless another source is given."""

    class Meta:
        model = VideoPage

    title = factory.Sequence(lambda n: f"Floods close the coastal road, report {n}")
    summary_text = "Heavy rain flooded the coastal road overnight; crews are at work."
    video_link = f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
    duration = 90


class SeriesPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SeriesPage

    title = factory.Sequence(lambda n: f"The Week in Review {n}")
    intro = "Our correspondents look back at the week's main stories."
    kind = "tv"


def pattern_upload(tmp_path, seconds=2, name="clip.mkv") -> SimpleUploadedFile:
    """A short test card and tone made by ffmpeg, as an editor would upload it."""
    path = tmp_path / name
    render_test_pattern(path, seconds=seconds)
    return SimpleUploadedFile(name, path.read_bytes(), content_type="video/x-matroska")


def publish(page):
    page.save_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()
    return page

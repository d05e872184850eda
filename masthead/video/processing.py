"""Preparing an uploaded video: an MP4 for every browser, its duration and a
poster frame. Called by the background task, and inline by the demo."""

import logging
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext as _

from masthead.caching.purge import keys_for_page, purge
from masthead.media.models import CustomImage

from .ffmpeg import MediaToolError, extract_frame, probe, transcode
from .models import EncodingStatus, VideoEncoding, VideoPage
from .validators import scratch_dir

logger = logging.getLogger(__name__)

MAX_ERROR_LENGTH = 2000
POSTER_AT_SECONDS = 1.0


def prepare_upload(source_name: str) -> VideoEncoding | None:
    """Prepare the uploaded file stored as `source_name`, unless another run has
    it in hand or has finished it. A failure is recorded, never raised: the page
    stays published and says the video is being prepared."""
    claimed = VideoEncoding.objects.filter(
        source=source_name,
        status__in=[EncodingStatus.PENDING, EncodingStatus.FAILED],
    ).update(status=EncodingStatus.PROCESSING, error="", attempts=F("attempts") + 1)
    if not claimed:
        return VideoEncoding.objects.filter(source=source_name).first()
    page = VideoPage.objects.filter(source_file=source_name).order_by("pk").first()
    try:
        output, duration, poster = encode(source_name, page)
    except (MediaToolError, OSError, NotImplementedError) as error:
        logger.warning("Preparing the video %s failed: %s", source_name, error)
        VideoEncoding.objects.filter(source=source_name).update(
            status=EncodingStatus.FAILED, error=str(error)[:MAX_ERROR_LENGTH]
        )
        return VideoEncoding.objects.get(source=source_name)
    with transaction.atomic():
        VideoEncoding.objects.filter(source=source_name).update(
            status=EncodingStatus.READY, output=output, duration=duration, poster=poster
        )
        give_pages_the_poster(source_name, poster)
        for shown in VideoPage.objects.live().filter(source_file=source_name):
            purge(keys_for_page(shown))
    return VideoEncoding.objects.get(source=source_name)


def encode(source_name: str, page) -> tuple[str, float, CustomImage]:
    # Local storage only: ffmpeg reads and writes files under MEDIA_ROOT.
    source = Path(default_storage.path(source_name))
    if not probe(source).is_video:
        raise MediaToolError("the file holds no video stream")
    stem = Path(source_name).stem
    with tempfile.TemporaryDirectory(dir=scratch_dir()) as work:
        mp4 = Path(work) / "video.mp4"
        transcode(source, mp4)
        made = probe(mp4)
        frame = Path(work) / "poster.jpg"
        extract_frame(mp4, frame, min(POSTER_AT_SECONDS, made.duration / 2))
        with mp4.open("rb") as handle:
            output = default_storage.save(f"video/encoded/{stem}.mp4", File(handle))
        with frame.open("rb") as handle:
            poster = make_poster(File(handle, name=f"{stem}.jpg"), page)
    return output, made.duration, poster


def make_poster(picture: File, page) -> CustomImage:
    title = page.title if page else picture.name
    language = page.locale.language_code if page else None
    with translation.override(language):
        description = _("A frame from the video “%(title)s”") % {"title": title}
    poster = CustomImage(title=title[:255], description=description[:255])
    poster.file.save(picture.name, picture, save=False)
    poster.save()
    return poster


def give_pages_the_poster(source_name: str, poster: CustomImage) -> None:
    """The frame becomes the lead image of the pages of this file that have
    none, live and in their latest revision, so the next publish keeps it."""
    pages = VideoPage.objects.filter(source_file=source_name, lead_image__isnull=True)
    for page in pages.select_related("latest_revision"):
        revision = page.latest_revision
        if revision is not None and not revision.content.get("lead_image"):
            revision.content["lead_image"] = poster.pk
            revision.save(update_fields=["content"])
    pages.update(lead_image=poster)

"""Live coverage for the demo newsroom: one running live blog per edition and the
edition's LIVE channel with a local test stream. Loading twice adds nothing."""

import logging
import shutil
import subprocess
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from masthead.editions.formatting import formats_for

from .actions import post_entry
from .demo_content import BLOGS, CHANNELS
from .models import ChannelProgramme, LiveBlogPage, LiveChannelPage

logger = logging.getLogger(__name__)

STREAM_SECONDS = 30


def build_demo_live_blog(home, section, language_code: str, pictures: list):
    """An ongoing live blog under `section`, with eight entries over the last
    hours (two of them key events); pictures are reused from `pictures`."""
    content = BLOGS[language_code]
    existing = LiveBlogPage.objects.child_of(section).filter(slug=content["slug"])
    if blog := existing.first():
        return blog
    lead = pictures[0] if pictures else None
    blog = section.add_child(
        instance=LiveBlogPage(
            title=content["title"],
            slug=content["slug"],
            summary=content["summary"],
            lead_image=lead,
            locale=section.locale,
        )
    )
    revision = blog.save_revision()
    revision.publish(skip_permission_checks=True)
    now = timezone.now()
    for number, (minutes, key, headline, text) in enumerate(content["entries"]):
        # Every fourth entry shows one of the edition's pictures.
        picture = None
        if pictures and number % 4 == 3:
            picture = pictures[(number // 4 + 1) % len(pictures)]
        post_entry(
            blog,
            body=text,
            headline=headline,
            is_key_event=key,
            image=picture if picture and picture.description else None,
            posted_at=now - timedelta(minutes=minutes),
        )
    # Coverage began with the first entry, hours ago.
    first = now - timedelta(minutes=content["entries"][0][0])
    LiveBlogPage.objects.filter(pk=blog.pk).update(first_published_at=first)
    blog.refresh_from_db()
    return blog


def build_demo_live_channel(home, language_code: str, *, seconds=STREAM_SECONDS):
    """The edition's LIVE page under `home`, with today's schedule and a test
    stream made by ffmpeg in MEDIA_ROOT/live/<language>/ (kept when it exists)."""
    content = CHANNELS[language_code]
    stream_url = f"{settings.MEDIA_URL}live/{language_code}/stream.m3u8"
    make_test_stream(
        Path(settings.MEDIA_ROOT) / "live" / language_code / "stream.m3u8", seconds
    )
    channel = LiveChannelPage.objects.child_of(home).first()
    if channel is None:
        channel = home.add_child(
            instance=LiveChannelPage(
                title=content["title"],
                slug="live",
                intro=content["intro"],
                stream_url=stream_url,
                locale=home.locale,
            )
        )
    zone = ZoneInfo(formats_for(language_code).time_zone)
    channel.programmes = todays_schedule(content["programmes"], zone)
    channel.save_revision().publish(skip_permission_checks=True)
    return channel


def todays_schedule(slots, zone: ZoneInfo) -> list[ChannelProgramme]:
    today = timezone.localtime(timezone.now(), zone).date()

    def at(hour: int) -> datetime:
        return datetime.combine(today, time.min, tzinfo=zone) + timedelta(hours=hour)

    return [
        ChannelProgramme(
            start_at=at(start),
            end_at=at(end),
            title=title,
            description=text,
            sort_order=order,
        )
        for order, (start, end, title, text) in enumerate(slots)
    ]


def make_test_stream(playlist: Path, seconds: int) -> bool:
    """A short HLS test picture with a tone; False when ffmpeg is missing."""
    if playlist.exists():
        return True
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        logger.warning("ffmpeg not found: no demo stream at %s", playlist)
        return False
    playlist.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 (fixed arguments, no shell)
        [
            ffmpeg,
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=640x360:rate=25",
            "-f",
            "lavfi",
            "-i",
            "sine",
            "-t",
            str(seconds),
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-c:a",
            "aac",
            "-f",
            "hls",
            "-hls_time",
            "4",
            "-hls_list_size",
            "0",
            "-hls_playlist_type",
            "vod",
            str(playlist),
        ],
        check=True,
        timeout=300,
    )
    return True

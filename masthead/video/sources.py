"""Where a video plays from: links to YouTube or Vimeo, and HLS streams.

Editors paste links in many shapes; each is reduced to the provider's video id,
from which every address the site uses (watch page, embed, no-cookie player) is
rebuilt, so nothing an editor typed ever reaches a page verbatim.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
MAX_LINK_LENGTH = 500


@dataclass(frozen=True)
class EmbeddedVideo:
    provider: str  # "youtube" or "vimeo"
    video_id: str

    @property
    def watch_url(self) -> str:
        """The video on the provider's own site, for readers without JavaScript."""
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"

    @property
    def embed_url(self) -> str:
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}"
        return f"https://player.vimeo.com/video/{self.video_id}"

    @property
    def autoplay_url(self) -> str:
        """The player loaded after the reader pressed play: start at once."""
        return f"{self.embed_url}?autoplay=1"

    @property
    def normalised_link(self) -> str:
        return self.watch_url


def _split(link: str):
    link = link.strip()
    if not link or len(link) > MAX_LINK_LENGTH or any(c.isspace() for c in link):
        return None
    try:
        parts = urlsplit(link)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or parts.username or parts.password:
        return None
    return parts, host


def _youtube_id(parts, host: str) -> str | None:
    segments = [s for s in parts.path.split("/") if s]
    if host == "youtu.be":
        candidate = segments[0] if len(segments) == 1 else None
    elif host in YOUTUBE_HOSTS:
        if segments == ["watch"]:
            values = parse_qs(parts.query).get("v", [])
            candidate = values[0] if len(values) == 1 else None
        elif len(segments) == 2 and segments[0] in ("shorts", "embed", "live"):
            candidate = segments[1]
        else:
            candidate = None
    else:
        return None
    if candidate and YOUTUBE_ID.fullmatch(candidate):
        return candidate
    return None


def _vimeo_id(parts, host: str) -> str | None:
    segments = [s for s in parts.path.split("/") if s]
    if host == "player.vimeo.com":
        candidate = (
            segments[1] if len(segments) == 2 and segments[0] == "video" else None
        )
    elif host in VIMEO_HOSTS:
        candidate = segments[0] if len(segments) == 1 else None
    else:
        return None
    if candidate and VIMEO_ID.fullmatch(candidate):
        return candidate
    return None


def parse_video_link(link: str) -> EmbeddedVideo | None:
    """The YouTube or Vimeo video `link` points to, or None for anything else."""
    split = _split(link)
    if split is None:
        return None
    parts, host = split
    if video_id := _youtube_id(parts, host):
        return EmbeddedVideo("youtube", video_id)
    if video_id := _vimeo_id(parts, host):
        return EmbeddedVideo("vimeo", video_id)
    return None


def normalise_video_link(link: str) -> str:
    """The canonical form of a YouTube or Vimeo link; a ValidationError otherwise."""
    video = parse_video_link(link)
    if video is None:
        raise ValidationError(
            _(
                "Paste a YouTube link (youtube.com/watch?v=…, youtu.be/…, "
                "youtube.com/shorts/…) or a Vimeo link (vimeo.com/<number>)."
            ),
            code="invalid_video_link",
        )
    return video.normalised_link


def validate_video_link(link: str) -> None:
    normalise_video_link(link)


def validate_hls_url(url: str) -> None:
    """An HLS stream: an https address whose path ends in .m3u8."""
    split = _split(url)
    if split is None or split[0].scheme != "https" or not split[1]:
        raise ValidationError(
            _("Give the stream's https address, ending in .m3u8."), code="invalid_hls"
        )
    if not split[0].path.lower().endswith(".m3u8"):
        raise ValidationError(
            _("An HLS stream's address ends in .m3u8 (the playlist)."),
            code="invalid_hls",
        )

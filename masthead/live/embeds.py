"""Links to video and posts elsewhere that an entry may carry.

Only a few providers are accepted, and an entry shows their link, never their
player, until the reader asks: nothing is requested from a third party before a
click.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
X_HOSTS = {"x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.x.com"}


@dataclass(frozen=True)
class Embed:
    provider: str  # "youtube", "vimeo" or "x"
    url: str
    # Where the player is, once the reader asks for it (None: a link only).
    player_url: str | None

    @property
    def provider_name(self) -> str:
        return {"youtube": "YouTube", "vimeo": "Vimeo", "x": "X"}[self.provider]


def parse_embed(url: str) -> Embed | None:
    """The embed a link stands for, or None when it is not one we accept."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme != "https" or parts.username or parts.password:
        return None
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in YOUTUBE_HOSTS:
        video = _youtube_id(host, segments, parts.query)
        if video:
            return Embed(
                "youtube", url, f"https://www.youtube-nocookie.com/embed/{video}"
            )
    elif host in VIMEO_HOSTS:
        video = next((s for s in segments if s.isascii() and s.isdigit()), None)
        if video:
            return Embed("vimeo", url, f"https://player.vimeo.com/video/{video}")
    elif host in X_HOSTS and _is_x_post(segments):
        return Embed("x", url, None)
    return None


def _is_x_post(segments: list[str]) -> bool:
    # x.com/<account>/status/<number>
    return (
        len(segments) >= 3
        and segments[1] == "status"
        and segments[2].isascii()
        and segments[2].isdigit()
    )


def _youtube_id(host: str, segments: list[str], query: str) -> str | None:
    if host == "youtu.be":
        candidate = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        candidate = parse_qs(query).get("v", [""])[0]
    elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live"):
        candidate = segments[1]
    else:
        return None
    allowed = candidate.replace("-", "").replace("_", "")
    if 6 <= len(candidate) <= 20 and allowed.isascii() and allowed.isalnum():
        return candidate
    return None


def validate_embed_url(url: str) -> None:
    if url and parse_embed(url) is None:
        raise ValidationError(
            _(
                "Use the address of a YouTube or Vimeo video or of a post on X, "
                "starting with https://."
            ),
            code="unsupported_embed",
        )

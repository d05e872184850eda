"""The edition's LIVE page: the channel's stream and today's programmes."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from masthead.caching.pages import CachedPage
from masthead.common.middleware import PUBLIC_POLICY
from masthead.common.pages import FewPagesManager, LeadImageMixin

# Readers see "Now on air" move on within this time of a programme change, even
# where a front cache answers; the page keeps no copy in the local page cache.
CACHE_CONTROL = "public, max-age=0, s-maxage=30, stale-while-revalidate=30"


def validate_stream_url(value: str) -> None:
    """An HLS playlist on this site (/media/live/stream.m3u8) or over https."""
    parts = urlsplit(value)
    local = value.startswith("/") and not value.startswith("//") and not parts.netloc
    remote = parts.scheme == "https" and parts.hostname and not parts.username
    if not (local or remote) or not parts.path.endswith(".m3u8"):
        raise ValidationError(
            _(
                "Use the address of an HLS playlist (ending in .m3u8): a path on "
                "this site such as /media/live/stream.m3u8, or an https:// address."
            ),
            code="invalid_stream",
        )


class LiveChannelPage(LeadImageMixin, CachedPage, Page):
    """The channel playing live, with the day's schedule (/live/)."""

    objects = FewPagesManager()

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    stream_url = models.CharField(
        _("stream address"),
        max_length=500,
        validators=[validate_stream_url],
        help_text=_("The channel's HLS playlist, e.g. /media/live/stream.m3u8."),
    )

    parent_page_types = ["front.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("stream_url"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Poster picture"),
            help_text=_("Shown before the stream plays."),
        ),
        InlinePanel("programmes", label=_("Schedule")),
    ]

    class Meta:
        verbose_name = _("live channel")

    def clean(self):
        super().clean()
        self.require_lead_image_alt()

    @property
    def stream_origin(self) -> str:
        """The stream's host when it is elsewhere ("" when on this site)."""
        parts = urlsplit(self.stream_url)
        return f"https://{parts.netloc}" if parts.scheme == "https" else ""

    def get_context(self, request, *args, **kwargs):
        from ..schedule import channel_context

        context = super().get_context(request, *args, **kwargs)
        context.update(channel_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = CACHE_CONTROL
        if self.stream_origin:
            response["Content-Security-Policy"] = stream_policy(self.stream_origin)
        return response


def stream_policy(origin: str) -> str:
    """The site's policy, letting the player fetch this stream's host."""
    directives = []
    for directive in PUBLIC_POLICY.split("; "):
        if directive.startswith(("media-src ", "connect-src ")):
            directive = f"{directive} {origin}"
        directives.append(directive)
    return "; ".join(directives)


class ChannelProgramme(Orderable):
    """One slot of the channel's schedule."""

    channel = ParentalKey(
        LiveChannelPage, on_delete=models.CASCADE, related_name="programmes"
    )
    start_at = models.DateTimeField(_("starts"))
    end_at = models.DateTimeField(_("ends"))
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=500)

    panels = [
        FieldPanel("title"),
        FieldPanel("start_at"),
        FieldPanel("end_at"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def clean(self):
        super().clean()
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            raise ValidationError({"end_at": _("A programme ends after it starts.")})

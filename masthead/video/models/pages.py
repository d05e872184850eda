from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page

from masthead.caching import keys
from masthead.caching.pages import CachedPage
from masthead.common.pages import FewPagesManager, LeadImageMixin, ListingCardMixin
from masthead.common.strips import StripPage

from ..panels import EncodingStatusPanel
from ..sources import (
    normalise_video_link,
    parse_video_link,
    validate_hls_url,
    validate_video_link,
)
from ..validators import validate_video_upload
from .encoding import VideoEncoding
from .kinds import SeriesKind, VideoKind

SUMMARY_MAX_LENGTH = 300
EPISODE_KINDS = (VideoKind.TV_EPISODE, VideoKind.SERIES_EPISODE)
# What an episode link needs to build its address.
LINK_FIELDS = ("id", "title", "url_path", "path", "depth", "locale_id")


class LinkField(models.URLField):
    """A web address; one typed without a scheme is taken as https."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


def load_lead_image(page) -> None:
    """The page's lead image with all its renditions, in two queries, so that
    the player's, the picture's and the structured data's sizes cost no more."""
    if page.lead_image_id:
        page.lead_image = (
            get_image_model()
            .objects.prefetch_related("renditions")
            .filter(pk=page.lead_image_id)
            .first()
        )


def attach_encodings(pages) -> list:
    """Give each uploaded-file video its encoding, in one query for all."""
    pages = list(pages)
    names = {page.source_file.name for page in pages if page.source_file}
    found = {}
    if names:
        found = {
            encoding.source: encoding
            for encoding in VideoEncoding.objects.filter(source__in=names)
            .select_related("poster")
            .prefetch_related("poster__renditions")
        }
    for page in pages:
        page.__dict__["encoding"] = found.get(page.source_file.name)
    return pages


class VideoPage(StripPage, ListingCardMixin, LeadImageMixin, CachedPage, Page):
    """A video: a news clip, feature or explainer, or an episode of a series.

    It plays from one source: a file uploaded here (prepared for every browser in
    the background), an HLS stream, or a YouTube or Vimeo video shown behind a
    poster until the reader presses play.
    """

    strip_heading = _("Videos")
    strip_order = 20

    summary_text = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    summary_field = "summary_text"
    kind = models.CharField(
        _("kind"), max_length=16, choices=VideoKind.choices, default=VideoKind.NEWS
    )
    source_file = models.FileField(
        _("video file"),
        upload_to="video/uploads/%Y/%m/",
        blank=True,
        max_length=255,
        validators=[validate_video_upload],
        help_text=_(
            "Any common video format, at most 2 GB. It is converted for every "
            "browser after publishing; the page says the video is being prepared "
            "until then."
        ),
    )
    hls_url = LinkField(
        _("HLS stream"),
        blank=True,
        max_length=500,
        validators=[validate_hls_url],
        help_text=_("The https address of the stream's .m3u8 playlist."),
    )
    video_link = LinkField(
        _("YouTube or Vimeo link"),
        blank=True,
        max_length=500,
        validators=[validate_video_link],
    )
    duration = models.PositiveIntegerField(
        _("duration (seconds)"),
        null=True,
        blank=True,
        help_text=_("Read from the file for uploaded videos."),
    )
    transcript = RichTextField(
        _("transcript"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    season_number = models.PositiveSmallIntegerField(
        _("season"), default=1, validators=[MinValueValidator(1)]
    )
    episode_number = models.PositiveSmallIntegerField(
        _("episode"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("For an episode of a series: its number in the season."),
    )

    parent_page_types = ["sections.SectionPage", "video.SeriesPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary_text"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                EncodingStatusPanel(),
                FieldPanel("source_file"),
                FieldPanel("hls_url"),
                FieldPanel("video_link"),
                FieldPanel("duration"),
            ],
            heading=_("Video (one source)"),
        ),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Poster"),
        ),
        InlinePanel("captions", label=_("Captions")),
        FieldPanel("transcript"),
        FieldRowPanel(
            [FieldPanel("season_number"), FieldPanel("episode_number")],
            heading=_("Episode"),
        ),
    ]

    class Meta:
        verbose_name = _("video")

    def clean(self):
        super().clean()
        sources = [bool(self.source_file), bool(self.hls_url), bool(self.video_link)]
        if sum(sources) != 1:
            message = _("Give exactly one source: a file, an HLS stream or a link.")
            raise ValidationError({"source_file": message, "video_link": message})
        if self.video_link:
            self.video_link = normalise_video_link(self.video_link)
        if self.kind in EPISODE_KINDS and self.episode_number is None:
            raise ValidationError(
                {"episode_number": _("An episode needs its number in the season.")}
            )
        self.require_lead_image_alt()

    # Where it plays from.

    @property
    def source_kind(self) -> str:
        if self.source_file:
            return "file"
        if self.hls_url:
            return "hls"
        return "embed" if self.video_link else ""

    @cached_property
    def embedded(self):
        return parse_video_link(self.video_link) if self.video_link else None

    @cached_property
    def encoding(self) -> VideoEncoding | None:
        if not self.source_file:
            return None
        return (
            VideoEncoding.objects.select_related("poster")
            .prefetch_related("poster__renditions")
            .filter(source=self.source_file.name)
            .first()
        )

    @property
    def is_ready(self) -> bool:
        if self.source_kind == "file":
            return bool(self.encoding and self.encoding.is_ready)
        return bool(self.source_kind)

    @property
    def poster(self):
        """The lead image, else the frame taken from the uploaded file."""
        if self.lead_image:
            return self.lead_image
        return self.encoding.poster if self.encoding else None

    @property
    def poster_alt_text(self) -> str:
        if self.lead_image:
            return self.lead_alt_text
        poster = self.poster
        return poster.description if poster else ""

    @property
    def media_url(self) -> str:
        """The address of what the player plays: the MP4 made here, or the stream."""
        if self.source_kind == "file":
            return self.encoding.output.url if self.is_ready else ""
        return self.hls_url

    @property
    def running_seconds(self) -> int | None:
        if self.encoding and self.encoding.duration:
            return round(self.encoding.duration)
        return self.duration

    # Series.

    @property
    def is_episode(self) -> bool:
        return self.kind in EPISODE_KINDS and self.episode_number is not None

    def find_series(self):
        return (
            SeriesPage.objects.filter(path=self.path[: -self.steplen])
            .only(*LINK_FIELDS, "kind")
            .first()
        )

    def neighbour_episodes(self, series):
        """The episodes before and after this one in the series, in two queries."""
        if series is None or self.episode_number is None:
            return None, None
        siblings = (
            VideoPage.objects.live()
            .child_of(series)
            .exclude(pk=self.pk)
            .only(*LINK_FIELDS, "season_number", "episode_number")
        )
        season, episode = self.season_number, self.episode_number
        earlier = Q(season_number__lt=season) | Q(
            season_number=season, episode_number__lt=episode
        )
        later = Q(season_number__gt=season) | Q(
            season_number=season, episode_number__gt=episode
        )
        previous = (
            siblings.filter(earlier, episode_number__isnull=False)
            .order_by("-season_number", "-episode_number")
            .first()
        )
        following = (
            siblings.filter(later).order_by("season_number", "episode_number").first()
        )
        return previous, following

    def get_context(self, request, *args, **kwargs):
        from masthead.common.homes import home_for
        from masthead.common.templatetags.breadcrumbs import breadcrumb_trail

        from ..metadata import video_json_ld

        context = super().get_context(request, *args, **kwargs)
        load_lead_image(self)
        trail = breadcrumb_trail(self)
        series = self.find_series() if self.is_episode else None
        previous, following = self.neighbour_episodes(series)
        if series is not None:
            # The episode links change when another episode is published.
            keys.add(keys.listing(series.pk))
        context.update(
            trail=trail,
            series=series,
            previous_episode=previous,
            next_episode=following,
            captions=list(self.captions.all()),
        )
        context["json_ld"] = video_json_ld(
            self, request, home=home_for(request, self), series=series
        )
        return context


class SeriesPage(ListingCardMixin, LeadImageMixin, CachedPage, Page):
    """A TV programme or a digital series: its episodes, season by season."""

    objects = FewPagesManager()

    kind = models.CharField(
        _("kind"), max_length=16, choices=SeriesKind.choices, default=SeriesKind.TV
    )
    intro = models.TextField(_("introduction"), max_length=SUMMARY_MAX_LENGTH)
    summary_field = "intro"

    parent_page_types = ["sections.SectionPage"]
    subpage_types = ["video.VideoPage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Poster"),
        ),
    ]

    class Meta:
        verbose_name = _("video series")
        verbose_name_plural = _("video series")

    def clean(self):
        super().clean()
        self.require_lead_image_alt()

    def cache_keys(self) -> set[str]:
        return {*super().cache_keys(), keys.listing(self.pk)}

    def episodes(self) -> list[VideoPage]:
        return attach_encodings(
            VideoPage.objects.live()
            .child_of(self)
            .select_related("lead_image", "locale")
            .prefetch_related("lead_image__renditions")
            .order_by("season_number", "episode_number", "path")
        )

    def get_context(self, request, *args, **kwargs):
        from masthead.common.homes import home_for

        from ..metadata import series_json_ld

        context = super().get_context(request, *args, **kwargs)
        load_lead_image(self)
        episodes = self.episodes()
        seasons: dict[int, list[VideoPage]] = {}
        for episode in episodes:
            seasons.setdefault(episode.season_number, []).append(episode)
        context.update(seasons=sorted(seasons.items()), episodes=episodes)
        context["json_ld"] = series_json_ld(
            self, request, home=home_for(request, self), episodes=episodes
        )
        return context

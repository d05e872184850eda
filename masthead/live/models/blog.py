"""A live blog: a page that grows by timestamped entries, newest first."""

from html import unescape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from masthead.caching.pages import CachedPage
from masthead.common.pages import LeadImageMixin, ListingCardMixin
from masthead.common.strips import StripPage

from ..embeds import parse_embed, validate_embed_url
from ..rich_text import ENTRY_FEATURES

SUMMARY_MAX_LENGTH = 300
LABEL_WORDS = 14


class LiveBlogStatus(models.TextChoices):
    LIVE = "live", pgettext_lazy("live coverage", "Live")
    ENDED = "ended", _("Ended")


class LiveBlogPage(StripPage, ListingCardMixin, LeadImageMixin, CachedPage, Page):
    """Running coverage of an event. Its entries are rows of their own, not part
    of the page's revisions, so an entry is live the moment it is posted."""

    strip_heading = pgettext_lazy("live coverage", "Live")
    strip_order = 10

    summary = models.TextField(
        _("summary"),
        max_length=SUMMARY_MAX_LENGTH,
        help_text=_("What this live blog follows, for listings, feeds and search."),
    )
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=LiveBlogStatus.choices,
        default=LiveBlogStatus.LIVE,
    )
    ended_at = models.DateTimeField(
        _("ended at"),
        null=True,
        blank=True,
        help_text=_("Set when the coverage ends; now, if left empty."),
    )
    summary_field = "summary"

    parent_page_types = ["sections.SectionPage"]
    subpage_types: list[str] = []

    content_panels = [
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Lead image"),
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("ended_at")]),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    class Meta:
        verbose_name = _("live blog")

    @property
    def is_live(self) -> bool:
        return self.status == LiveBlogStatus.LIVE

    def clean(self):
        super().clean()
        self.require_lead_image_alt()
        if self.is_live:
            self.ended_at = None
        elif self.ended_at is None:
            self.ended_at = timezone.now()

    def get_context(self, request, *args, **kwargs):
        from ..timeline import blog_context

        context = super().get_context(request, *args, **kwargs)
        context.update(blog_context(self, request))
        return context


class LiveBlogEntry(models.Model):
    """One timestamped update of a live blog."""

    blog = models.ForeignKey(
        LiveBlogPage,
        verbose_name=_("live blog"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    posted_at = models.DateTimeField(_("posted at"), default=timezone.now)
    author = models.ForeignKey(
        "authors.Author",
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    headline = models.CharField(_("headline"), max_length=160, blank=True)
    body = RichTextField(_("text"), features=ENTRY_FEATURES)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("picture alt text"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty to use the picture's own description."),
    )
    embed_url = models.URLField(
        _("video or post link"),
        max_length=500,
        blank=True,
        validators=[validate_embed_url],
        help_text=_(
            "Optional: a YouTube or Vimeo video or a post on X. Readers see a link; "
            "the video loads only when they ask for it."
        ),
    )
    is_key_event = models.BooleanField(
        _("key event"),
        default=False,
        help_text=_("Also listed in the Key events summary at the top."),
    )

    class Meta:
        verbose_name = _("live blog entry")
        verbose_name_plural = _("live blog entries")
        ordering = ["-posted_at", "-pk"]
        indexes = [
            models.Index(fields=["blog", "-posted_at"], name="live_entry_blog_posted")
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self):
        super().clean()
        if not strip_tags(self.body).strip() and not self.image_id:
            raise ValidationError({"body": _("Write the update, or add a picture.")})
        if self.image_id and not (
            self.image_alt.strip() or self.image.description.strip()
        ):
            raise ValidationError(
                {"image_alt": _("Describe the picture for readers who cannot see it.")}
            )

    @property
    def anchor(self) -> str:
        return f"entry-{self.pk}"

    @property
    def text(self) -> str:
        """The entry's words without markup, for machines and summaries."""
        return " ".join(unescape(strip_tags(self.body.replace("</", " </"))).split())

    @property
    def label(self) -> str:
        return self.headline or Truncator(self.text).words(LABEL_WORDS)

    @property
    def alt_text(self) -> str:
        if not self.image:
            return ""
        return self.image_alt or self.image.description

    @property
    def embed(self):
        return parse_embed(self.embed_url) if self.embed_url else None

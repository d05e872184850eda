"""An infographic: one large raster graphic, with the full text alternative that
readers who cannot see it read instead."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from masthead.caching.pages import CachedPage
from masthead.common.pages import LeadImageMixin, ListingCardMixin
from masthead.media.formats import is_raster

STANDFIRST_MAX_LENGTH = 300
TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]
BLOCK_ENDS = re.compile(r"</(p|li|h[1-6])>|<br\s*/?>", re.IGNORECASE)


class InfographicPage(ListingCardMixin, LeadImageMixin, CachedPage, Page):
    """A chart, map or diagram ("Infographs"), shown full width and zoomable, with
    its original file to download and its content written out as text."""

    standfirst = models.TextField(
        _("standfirst"),
        max_length=STANDFIRST_MAX_LENGTH,
        help_text=_("What the graphic shows, in a sentence or two; used on cards."),
    )
    summary_field = "standfirst"
    graphic = models.ForeignKey(
        "media.CustomImage",
        verbose_name=_("graphic"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A PNG, JPEG, WebP or AVIF file at its full resolution; vector files "
            "(SVG) are not accepted."
        ),
    )
    graphic_alt = models.CharField(
        _("short description"),
        max_length=250,
        help_text=_(
            'A line naming the graphic, e.g. "Bar chart of rainfall by month"; '
            "the text version below gives its content."
        ),
    )
    text_alternative = RichTextField(
        _("text version"),
        features=TEXT_FEATURES,
        help_text=_(
            "Everything the graphic tells, written out: every figure, label and "
            "source, for readers who cannot see it."
        ),
    )
    caption = models.TextField(
        _("caption"),
        max_length=1000,
        blank=True,
        help_text=_("Leave empty to use the graphic's default caption."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the graphic's own credit."),
    )

    parent_page_types = ["sections.SectionPage"]
    subpage_types: list[str] = []

    content_panels = [
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("graphic"),
                FieldPanel("graphic_alt"),
                FieldPanel("caption"),
                FieldPanel("credit"),
            ],
            heading=_("Graphic"),
        ),
        FieldPanel("text_alternative"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Card picture"),
            help_text=_("Leave empty to show the graphic itself on cards."),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("text_alternative"),
    ]

    class Meta:
        verbose_name = _("infographic")

    def clean(self):
        super().clean()
        if not self.graphic_id:
            raise ValidationError({"graphic": _("Choose the graphic to show.")})
        if not is_raster(self.graphic):
            raise ValidationError(
                {
                    "graphic": _(
                        "Upload the graphic as a PNG, JPEG, WebP or AVIF file: "
                        "vector files such as SVG can carry scripts and are not "
                        "accepted."
                    )
                }
            )
        if not self.text_plain.strip():
            raise ValidationError(
                {"text_alternative": _("Write out what the graphic shows.")}
            )
        if not self.lead_image_id:
            # Cards show the graphic itself unless the editor chose a picture.
            self.lead_image = self.graphic
            self.lead_image_alt = self.lead_image_alt or self.graphic_alt
        self.require_lead_image_alt()

    @property
    def text_plain(self) -> str:
        """The text version without markup, one line per paragraph or item."""
        text = strip_tags(BLOCK_ENDS.sub("\n", self.text_alternative))
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())

    @property
    def shown_caption(self) -> str:
        if not self.graphic:
            return self.caption
        return self.caption or self.graphic.default_caption

    @property
    def shown_credit(self) -> str:
        if not self.graphic:
            return self.credit
        return self.credit or self.graphic.credit

    def get_context(self, request, *args, **kwargs):
        from masthead.common.homes import home_for
        from masthead.common.templatetags.breadcrumbs import breadcrumb_trail

        from .metadata import infographic_json_ld

        context = super().get_context(request, *args, **kwargs)
        context.update(home=home_for(request, self), trail=breadcrumb_trail(self))
        context["json_ld"] = infographic_json_ld(self, request, context["home"])
        return context

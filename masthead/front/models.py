import zoneinfo

from django.conf import settings
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from masthead.articles.models import ArticlePage, StoryPick
from masthead.caching import keys
from masthead.caching.pages import CachedPage
from masthead.common.listings import paginate_stories, published_stories
from masthead.common.pages import FewPagesManager
from masthead.common.strips import strips_below
from masthead.regions.models import Region

from .front_page import build_front


class HomePage(RoutablePageMixin, CachedPage, Page):
    """The front page of one edition; the root of its section tree.

    Each edition (English, Arabic, Spanish) has its own home page, a translation
    of the others, carrying that edition's name and slogan. Tag and region listings
    hang off it (/tags/<slug>/, /regions/<slug>/) so they exist in every edition
    without pages for editors to create.
    """

    objects = FewPagesManager()

    site_name = models.CharField(
        _("site name"),
        max_length=80,
        help_text=_("The edition's name, shown in the masthead and in titles."),
    )
    slogan = models.CharField(_("slogan"), max_length=160, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=[(name, name) for name in sorted(zoneinfo.available_timezones())],
        default=settings.TIME_ZONE,
        help_text=_("Times on this edition's pages are shown in this zone."),
    )
    date_format = models.CharField(
        _("date format"),
        max_length=40,
        default="j M Y",
        help_text=_(
            'How dates are written, in Django\'s date format: "j M Y" gives '
            '"5 Aug 2024", "j F Y" gives "5 August 2024".'
        ),
    )
    time_format = models.CharField(_("time format"), max_length=20, default="H:i")
    digits = models.CharField(
        _("digits"),
        max_length=16,
        choices=[
            ("latin", _("Latin (0123456789)")),
            ("arabic-indic", _("Arabic-Indic (٠١٢٣٤٥٦٧٨٩)")),
        ],
        default="latin",
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Search engines show it beside the edition's stories: at least 112 "
            "pixels wide, on a plain background."
        ),
    )
    social_profiles = models.TextField(
        _("social profiles"),
        blank=True,
        help_text=_(
            "The edition's accounts elsewhere (X, Facebook, YouTube…), one address "
            "per line; search engines link them to the edition."
        ),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "sections.SectionPage",
        "authors.AuthorIndexPage",
        "coverage.CoverageIndexPage",
        "pages.StandardPage",
        "pages.ContactPage",
        "live.LiveChannelPage",
    ]

    content_panels = [
        *Page.content_panels,
        InlinePanel(
            "top_stories",
            label=_("Top stories"),
            help_text=_(
                "Pin the lead and top stories in this order. Empty places, and "
                "pinned stories that are unpublished, fill with the newest stories."
            ),
            max_num=7,
        ),
        MultiFieldPanel(
            [
                FieldPanel("site_name"),
                FieldPanel("slogan"),
                FieldPanel("time_zone"),
                FieldPanel("date_format"),
                FieldPanel("time_format"),
                FieldPanel("digits"),
            ],
            heading=_("Edition"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("social_profiles")],
            heading=_("Identity for search engines"),
        ),
    ]

    class Meta:
        verbose_name = _("home page")

    @path("")
    def front(self, request):
        keys.add(keys.listing(self.pk))
        return self.render(
            request,
            context_overrides={
                "front": build_front(self),
                "strips": strips_below(self),
            },
        )

    @path("tags/<str:slug>/", name="tag")
    def tag_listing(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        return self._listing(
            request, {"tags": tag}, keys.tag(tag.pk), _("Tag"), tag.name, tag=tag
        )

    @path("regions/", name="regions")
    def region_index(self, request):
        """The newest stories of every region, under links to each region."""
        with_region = ArticlePage.regions.through.objects.values("articlepage_id")
        return self._listing(
            request, {"pk__in": with_region}, keys.listing(self.pk), "",
            _("Regions"), region_index=True,
        )  # fmt: skip

    @path("regions/<str:slug>/", name="region")
    def region_listing(self, request, slug):
        region = get_object_or_404(Region, locale_id=self.locale_id, slug=slug)
        return self._listing(
            request, {"regions": region}, keys.region(region.pk), _("Region"),
            region.name, region=region,
        )  # fmt: skip

    def _listing(self, request, story_filter, key, kind, title, **context):
        """A paginated list of this edition's stories matching `story_filter`."""
        keys.add(key)
        stories = paginate_stories(
            request, published_stories().descendant_of(self).filter(**story_filter)
        )
        return self.render(
            request,
            template="front/listing_page.html",
            context_overrides={
                "listing_title": title,
                "listing_kind": kind,
                "stories": stories,
                **context,
            },
        )


class HomeTopStory(StoryPick):
    """A story an editor pinned to the top of the front page."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="top_stories")

    class Meta(StoryPick.Meta):
        verbose_name = _("top story")
        verbose_name_plural = _("top stories")

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page

from masthead.articles.models import StoryPick
from masthead.common.pages import FewPagesManager


class CoverageIndexPage(Page):
    """All coverage hubs of an edition (/coverage/)."""

    objects = FewPagesManager()

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    parent_page_types = ["editions.HomePage"]
    subpage_types = ["coverage.CoveragePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("coverage index")

    def get_context(self, request, *args, **kwargs):
        from masthead.caching import keys

        context = super().get_context(request, *args, **kwargs)
        keys.add(keys.listing(self.pk))
        context["hubs"] = (
            CoveragePage.objects.live()
            .child_of(self)
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-last_published_at")
        )
        return context


class CoveragePage(Page):
    """A hub for one ongoing story ("War on Gaza"): the editors' pick of stories
    first, then every story tagged into the hub, newest first."""

    objects = FewPagesManager()

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    lead_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image alt text"), max_length=250, blank=True
    )

    parent_page_types = ["coverage.CoverageIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Lead image"),
        ),
        InlinePanel(
            "pins",
            label=_("Pinned stories"),
            help_text=_("Shown first, in this order. Unpublished stories are skipped."),
            max_num=6,
        ),
    ]

    class Meta:
        verbose_name = _("coverage hub")

    @property
    def lead_alt_text(self) -> str:
        if not self.lead_image:
            return ""
        return self.lead_image_alt or self.lead_image.description

    def pinned_stories(self) -> list:
        from masthead.articles.listings import attach_sections, published_articles

        order = {pin.story_id: pin.sort_order for pin in self.pins.all()}
        stories = published_articles().filter(pk__in=order)
        return attach_sections(sorted(stories, key=lambda story: order[story.pk]))

    def tagged_stories(self):
        from masthead.articles.listings import published_articles

        return published_articles().filter(coverage=self)

    def get_context(self, request, *args, **kwargs):
        from masthead.articles.listings import paginate_stories
        from masthead.caching import keys

        context = super().get_context(request, *args, **kwargs)
        keys.add(keys.hub(self.pk))
        stories = paginate_stories(request, self.tagged_stories())
        pinned = self.pinned_stories() if stories.number == 1 else []
        pinned_ids = {story.pk for story in pinned}
        stories.object_list = [s for s in stories.object_list if s.pk not in pinned_ids]
        context.update(pinned=pinned, stories=stories)
        return context


class CoveragePin(StoryPick):
    hub = ParentalKey(CoveragePage, on_delete=models.CASCADE, related_name="pins")

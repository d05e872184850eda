from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page

from masthead.articles.models import StoryPick
from masthead.caching import keys
from masthead.caching.pages import CachedPage
from masthead.common.listings import (
    attach_sections,
    paginate_stories,
    published_stories,
)
from masthead.common.pages import FewPagesManager, LeadImageMixin, ListingCardMixin


class CoverageIndexPage(CachedPage, Page):
    """All coverage hubs of an edition (/coverage/)."""

    objects = FewPagesManager()

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    parent_page_types = ["front.HomePage"]
    subpage_types = ["coverage.CoveragePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("coverage index")

    def cache_keys(self) -> set[str]:
        return {*super().cache_keys(), keys.listing(self.pk)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["hubs"] = (
            CoveragePage.objects.live()
            .child_of(self)
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-last_published_at")
        )
        return context


class CoveragePage(ListingCardMixin, LeadImageMixin, CachedPage, Page):
    """A hub for one ongoing story ("War on Gaza"): the editors' pick of stories
    first, then every story tagged into the hub, newest first."""

    objects = FewPagesManager()

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    summary_field = "intro"

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

    def cache_keys(self) -> set[str]:
        return {*super().cache_keys(), keys.hub(self.pk)}

    def pinned_stories(self) -> list:
        order = {pin.story_id: pin.sort_order for pin in self.pins.all()}
        stories = published_stories().filter(pk__in=order)
        return attach_sections(sorted(stories, key=lambda story: order[story.pk]))

    def tagged_stories(self):
        return published_stories().filter(coverage=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = paginate_stories(request, self.tagged_stories())
        pinned = self.pinned_stories() if stories.number == 1 else []
        pinned_ids = {story.pk for story in pinned}
        stories.object_list = [s for s in stories.object_list if s.pk not in pinned_ids]
        context.update(pinned=pinned, stories=stories)
        return context


class CoveragePin(StoryPick):
    hub = ParentalKey(CoveragePage, on_delete=models.CASCADE, related_name="pins")

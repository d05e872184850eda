from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from masthead.caching import keys
from masthead.caching.pages import CachedPage
from masthead.common.listings import paginate_stories, section_stories
from masthead.common.pages import FewPagesManager
from masthead.common.strips import strips_below


class SectionPage(CachedPage, Page):
    """A section of the site (News, Politics…); at most two levels deep.

    Articles live under their section, so a story's address reads like the menu:
    /news/politics/<story>/.
    """

    objects = FewPagesManager()

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    front_layout = models.CharField(
        _("on the front page"),
        max_length=8,
        choices=[
            ("block", _("A block of its latest stories")),
            ("strip", _("A strip of pictures (videos, galleries)")),
            ("none", _("Not shown")),
        ],
        default="block",
        help_text=_("How a top-level section appears on the edition's front page."),
    )

    parent_page_types = ["front.HomePage", "sections.SectionPage"]
    subpage_types = [
        "sections.SectionPage",
        "articles.ArticlePage",
        "video.VideoPage",
        "video.SeriesPage",
        "galleries.GalleryPage",
        "infographics.InfographicPage",
        "live.LiveBlogPage",
    ]

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("front_layout")]

    class Meta:
        verbose_name = _("section")

    @classmethod
    def can_create_at(cls, parent):
        # Two levels only: News › Politics, never News › Politics › Elections.
        if isinstance(parent.specific, SectionPage) and isinstance(
            parent.get_parent().specific, SectionPage
        ):
            return False
        return super().can_create_at(parent)

    def cache_keys(self) -> set[str]:
        # A new story anywhere below the section changes its listing.
        return {*super().cache_keys(), keys.listing(self.pk)}

    def purge_keys(self) -> set[str]:
        # Every section is in the menu, however deep.
        return {*super().purge_keys(), keys.menu(self.locale.language_code)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = paginate_stories(request, section_stories(self))
        context["subsections"] = self.get_children().live().type(SectionPage)
        context["strips"] = strips_below(self) if context["stories"].number == 1 else []
        return context

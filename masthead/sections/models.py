from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

SECTION_PAGE_SIZE = 20


class SectionPage(Page):
    """A section of the site (News, Politics…); at most two levels deep.

    Articles live under their section, so a story's address reads like the menu:
    /news/politics/<story>/.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    parent_page_types = ["editions.HomePage", "sections.SectionPage"]
    subpage_types = ["sections.SectionPage", "articles.ArticlePage"]

    content_panels = [*Page.content_panels, FieldPanel("intro")]

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

    def get_context(self, request, *args, **kwargs):
        from masthead.articles.listings import attach_sections, section_articles

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(section_articles(self), SECTION_PAGE_SIZE)
        try:
            stories = paginator.page(int(request.GET.get("page", "1")))
        except (ValueError, PageNotAnInteger, EmptyPage) as error:
            raise Http404("No such page of stories.") from error
        stories.object_list = attach_sections(stories.object_list)
        context["stories"] = stories
        context["subsections"] = self.get_children().live().type(SectionPage)
        return context

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page


class HomePage(RoutablePageMixin, Page):
    """The front page of one edition; the root of its section tree.

    Each edition (English, Arabic, Spanish) has its own home page, a translation
    of the others, carrying that edition's name and slogan. Tag and region listings
    hang off it (/tags/<slug>/, /regions/<slug>/) so they exist in every edition
    without pages for editors to create.
    """

    site_name = models.CharField(
        _("site name"),
        max_length=80,
        help_text=_("The edition's name, shown in the masthead and in titles."),
    )
    slogan = models.CharField(_("slogan"), max_length=160, blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "sections.SectionPage",
        "authors.AuthorIndexPage",
        "pages.StandardPage",
        "pages.ContactPage",
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("slogan")],
            heading=_("Edition"),
        ),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from masthead.articles.listings import latest_articles

        context = super().get_context(request, *args, **kwargs)
        context["latest"] = latest_articles(self, limit=24)
        return context

    @path("")
    def front(self, request):
        return self.render(request)

    @path("tags/<str:slug>/", name="tag")
    def tag_listing(self, request, slug):
        from masthead.articles.listings import paginate_stories, published_articles

        tag = get_object_or_404(Tag, slug=slug)
        stories = paginate_stories(
            request, published_articles().descendant_of(self).filter(tags=tag)
        )
        return self.render(
            request,
            template="editions/listing_page.html",
            context_overrides={
                "listing_title": tag.name,
                "listing_kind": _("Tag"),
                "stories": stories,
            },
        )

    @path("regions/<str:slug>/", name="region")
    def region_listing(self, request, slug):
        from masthead.articles.listings import paginate_stories, published_articles
        from masthead.regions.models import Region

        region = get_object_or_404(Region, locale_id=self.locale_id, slug=slug)
        stories = paginate_stories(
            request, published_articles().descendant_of(self).filter(regions=region)
        )
        return self.render(
            request,
            template="editions/listing_page.html",
            context_overrides={
                "listing_title": region.name,
                "listing_kind": _("Region"),
                "stories": stories,
            },
        )

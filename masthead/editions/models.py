from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The front page of one edition; the root of its section tree.

    Each edition (English, Arabic, Spanish) has its own home page, a translation
    of the others, carrying that edition's name and slogan.
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

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class StandardPage(Page):
    """A page of plain editorial text: About Us, Privacy Policy, terms."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)

    parent_page_types = ["editions.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")


class ContactPage(Page):
    """Contact Us: how to reach the newsroom."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)

    parent_page_types = ["editions.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("contact page")

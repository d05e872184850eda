from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from masthead.caching.pages import CachedPage

from .contact import handle_contact
from .messages import ContactMessage

__all__ = ["ContactMessage", "ContactPage", "StandardPage"]

BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class StandardPage(CachedPage, Page):
    """A page of plain editorial text: About Us, Privacy Policy, terms."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)

    parent_page_types = ["front.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")


class ContactPage(CachedPage, Page):
    """Contact Us: how to reach the newsroom, and a form that does."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)
    to_address = models.EmailField(
        _("send messages to"),
        blank=True,
        help_text=_("The newsroom's address for messages from the form."),
    )
    thank_you = models.TextField(
        _("thank-you text"),
        blank=True,
        default=_("Thank you. Your message has reached the newsroom."),
    )

    parent_page_types = ["front.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("to_address"),
        FieldPanel("thank_you"),
    ]

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        return handle_contact(self, request)

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

    parent_page_types = ["editions.HomePage"]
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
        from .contact import handle_contact

        return handle_contact(self, request)


class ContactMessage(models.Model):
    """A message a reader sent through the contact form. Kept even if the email
    to the newsroom fails, so nothing a reader wrote is lost."""

    page = models.ForeignKey(
        ContactPage, null=True, on_delete=models.SET_NULL, related_name="messages"
    )
    name = models.CharField(_("your name"), max_length=120)
    email = models.EmailField(_("your email address"))
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    emailed_at = models.DateTimeField(
        _("emailed to the newsroom"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("contact message")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.subject} ({self.name})"

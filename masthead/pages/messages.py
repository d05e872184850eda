"""What readers send through the contact form, kept apart from the page types so
that the form, the page and its handler import it without importing each other."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactMessage(models.Model):
    """A message a reader sent through the contact form. Kept even if the email
    to the newsroom fails, so nothing a reader wrote is lost."""

    page = models.ForeignKey(
        "pages.ContactPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="messages",
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

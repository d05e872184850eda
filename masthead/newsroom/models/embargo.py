from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmbargoQuerySet(models.QuerySet):
    def in_force(self, now=None):
        """Embargoes that still hold: not lifted, and their time not yet come."""
        return self.filter(lifted_at__isnull=True, until__gt=now or timezone.now())


class Embargo(models.Model):
    """A story that must not be published before a time.

    Kept outside the page's revisions on purpose: an editor cannot remove it by
    saving a new draft. It ends by itself at `until`, or when someone lifts it
    with a reason; both are kept, so the record shows who published early and why.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="embargoes",
    )
    until = models.DateTimeField(
        _("embargoed until"),
        help_text=_("The story cannot be published before this time."),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_('Where the embargo comes from, e.g. "Agency embargo, 00:01 GMT".'),
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    set_at = models.DateTimeField(_("set at"), default=timezone.now)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lifted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lift_reason = models.TextField(_("reason for lifting"), blank=True)

    objects = EmbargoQuerySet.as_manager()

    class Meta:
        verbose_name = _("embargo")
        verbose_name_plural = _("embargoes")
        ordering = ["-set_at"]
        indexes = [models.Index(fields=["page", "lifted_at", "until"])]

    def __str__(self):
        return f"{self.page} until {self.until:%Y-%m-%d %H:%M}"

    def in_force(self, now=None) -> bool:
        return self.lifted_at is None and self.until > (now or timezone.now())

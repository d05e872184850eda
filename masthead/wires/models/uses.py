from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .items import WireStatus


class WireUseQuerySet(models.QuerySet):
    def flagged(self) -> "WireUseQuerySet":
        """Uses whose item changed since: a newer version, or a cancellation."""
        return self.filter(
            Q(item__version__gt=F("version")) | Q(item__status=WireStatus.CANCELED)
        )


class WireUse(models.Model):
    """A draft made from a wire item: which item, which version of it, by whom."""

    item = models.ForeignKey(
        "wires.WireItem",
        verbose_name=_("wire item"),
        on_delete=models.CASCADE,
        related_name="uses",
    )
    version = models.PositiveIntegerField(_("version used"))
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("draft"),
        on_delete=models.CASCADE,
        related_name="wire_uses",
    )
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("used by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    used_at = models.DateTimeField(_("used at"), default=timezone.now)

    objects = WireUseQuerySet.as_manager()

    class Meta:
        verbose_name = _("wire use")
        verbose_name_plural = _("wire uses")
        ordering = ["-used_at", "-pk"]
        # "add" is the right to turn a wire into a draft.
        default_permissions = ("add", "view")

    def __str__(self) -> str:
        return f"{self.item} (v{self.version})"

    @property
    def has_newer_version(self) -> bool:
        return self.item.version > self.version

    @property
    def is_flagged(self) -> bool:
        return self.has_newer_version or self.item.status == WireStatus.CANCELED

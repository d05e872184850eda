from collections.abc import Iterable
from datetime import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 500
DETAIL_MAX_LENGTH = 2000
KEPT_PER_SOURCE = 200


def _bounded(text: str, limit: int) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class WireSourceErrorManager(models.Manager):
    def record(
        self,
        source,
        problems: Iterable[tuple[str, str]],
        now: datetime | None = None,
    ) -> int:
        """Store (message, detail) pairs for the source and forget its oldest
        errors beyond KEPT_PER_SOURCE; returns how many were stored."""
        now = now or timezone.now()
        rows = [
            self.model(
                source=source,
                occurred_at=now,
                message=_bounded(message, MESSAGE_MAX_LENGTH),
                detail=_bounded(detail, DETAIL_MAX_LENGTH),
            )
            for message, detail in problems
        ]
        if not rows:
            return 0
        # A document with thousands of bad items keeps only the last ones anyway.
        self.bulk_create(rows[-KEPT_PER_SOURCE:])
        oldest_kept = (
            self.filter(source=source)
            .order_by("-pk")
            .values_list("pk", flat=True)[KEPT_PER_SOURCE - 1 : KEPT_PER_SOURCE]
        )
        threshold = next(iter(oldest_kept), None)
        if threshold is not None:
            self.filter(source=source, pk__lt=threshold).delete()
        return len(rows)


class WireSourceError(models.Model):
    """Something that went wrong reading a source: an unreachable feed, a document
    that could not be read, an item that was refused."""

    source = models.ForeignKey(
        "wires.WireSource",
        verbose_name=_("source"),
        on_delete=models.CASCADE,
        related_name="errors",
    )
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)
    message = models.CharField(_("problem"), max_length=MESSAGE_MAX_LENGTH)
    detail = models.TextField(_("detail"), blank=True, max_length=DETAIL_MAX_LENGTH)

    objects = WireSourceErrorManager()

    class Meta:
        verbose_name = _("wire source error")
        verbose_name_plural = _("wire source errors")
        ordering = ["-occurred_at", "-pk"]
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["source", "-id"], name="wires_error_source_latest"),
        ]

    def __str__(self) -> str:
        return self.message

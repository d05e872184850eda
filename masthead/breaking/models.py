from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TEXT_MAX_LENGTH = 280
ATTRIBUTION_MAX_LENGTH = 120
DEFAULT_LIFETIME = timedelta(hours=24)


class BreakingItemQuerySet(models.QuerySet):
    def live(self, now: datetime | None = None) -> "BreakingItemQuerySet":
        """Items readers see now: published, not withdrawn, not expired."""
        now = now or timezone.now()
        return self.filter(
            withdrawn_at__isnull=True, published_at__lte=now, expires_at__gt=now
        )

    def for_edition(self, language_code: str) -> "BreakingItemQuerySet":
        return self.filter(locale__language_code=language_code)


class BreakingItem(models.Model):
    """One line of the breaking-news ticker of one edition.

    Items are withdrawn, never deleted, so the newsroom keeps a record of every
    line that ran and when it came down.
    """

    class Status(models.TextChoices):
        LIVE = "live", _("Live")
        EXPIRED = "expired", _("Expired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("edition"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=ATTRIBUTION_MAX_LENGTH,
        blank=True,
        help_text=_(
            'Shown before the text: "Our correspondent in Lebanon", '
            '"Israeli media". Leave empty for the newsroom\'s own line.'
        ),
    )
    text = models.CharField(
        _("text"),
        max_length=TEXT_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "Keep breaking news to %(limit_value)d characters; "
                "this has %(show_value)d."
            )
        },
    )
    story = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="breaking_items",
        help_text=_("The story readers reach by following the line, if there is one."),
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    expires_at = models.DateTimeField(
        _("expires at"),
        blank=True,
        help_text=_(
            "When the line leaves the ticker. Leave empty for 24 hours after "
            "publication."
        ),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(
        _("withdrawn at"), null=True, blank=True, editable=False
    )
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = BreakingItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("breaking news item")
        verbose_name_plural = _("breaking news")
        ordering = ["-published_at", "-pk"]
        # No delete permission: see the class docstring.
        default_permissions = ("add", "change", "view")
        indexes = [
            models.Index(
                fields=["locale", "-published_at"], name="breaking_edition_latest"
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs):
        if self.expires_at is None:
            self.expires_at = self.published_at + DEFAULT_LIFETIME
        super().save(*args, **kwargs)

    @property
    def headline(self) -> str:
        """The line as readers see it, attribution first."""
        if self.attribution:
            return f"{self.attribution}: {self.text}"
        return self.text

    def clean(self):
        super().clean()
        # An empty text is refused as blank before this runs; only spaces are not.
        if self.text and not self.text.strip():
            raise ValidationError({"text": _("Write the breaking news line.")})
        self.text = self.text.strip()
        self.attribution = self.attribution.strip()
        if self.published_at and self.expires_at is None:
            self.expires_at = self.published_at + DEFAULT_LIFETIME
        if (
            self.published_at
            and self.expires_at
            and self.expires_at <= self.published_at
        ):
            raise ValidationError(
                {"expires_at": _("The expiry must come after the publication time.")}
            )

    def status(self, now: datetime | None = None) -> "BreakingItem.Status":
        now = now or timezone.now()
        if self.withdrawn_at is not None:
            return self.Status.WITHDRAWN
        if self.expires_at <= now:
            return self.Status.EXPIRED
        return self.Status.LIVE

    @property
    def is_live(self) -> bool:
        return self.status() == self.Status.LIVE

    def status_label(self) -> str:
        return self.status().label

    status_label.short_description = _("status")  # type: ignore[attr-defined]

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale

# Bounds on what one item may store, whatever an agency sends.
HEADLINE_MAX_LENGTH = 500
SUMMARY_MAX_LENGTH = 2000
BODY_MAX_LENGTH = 100_000
MAX_PARAGRAPHS = 300
MAX_SUBJECTS = 50
SUBJECT_MAX_LENGTH = 100
GUID_MAX_LENGTH = 255
PARAGRAPH_SEPARATOR = "\n\n"


class WireStatus(models.TextChoices):
    """The agency's word on an item (ninjs pubStatus, NewsML-G2 pubStatus)."""

    USABLE = "usable", _("Usable")
    WITHHELD = "withheld", _("Withheld")
    CANCELED = "canceled", _("Canceled")


def split_paragraphs(body: str) -> list[str]:
    return [paragraph for paragraph in body.split(PARAGRAPH_SEPARATOR) if paragraph]


class WireText(models.Model):
    """The text of one version of an item. Paragraphs are kept as plain text
    separated by blank lines (never HTML), so search can match them."""

    headline = models.CharField(_("headline"), max_length=HEADLINE_MAX_LENGTH)
    summary = models.TextField(_("summary"), blank=True, max_length=SUMMARY_MAX_LENGTH)
    body = models.TextField(_("text"), blank=True, max_length=BODY_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=8, choices=WireStatus.choices, default=WireStatus.USABLE
    )

    class Meta:
        abstract = True

    @property
    def paragraphs(self) -> list[str]:
        return split_paragraphs(self.body)


class WireItem(WireText):
    """One story from an agency, as its latest version says."""

    source = models.ForeignKey(
        "wires.WireSource",
        verbose_name=_("source"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    guid = models.CharField(_("agency identifier"), max_length=GUID_MAX_LENGTH)
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_("The agency's version number, or ours when the agency gives none."),
    )
    language = models.CharField(_("language"), max_length=8)
    byline = models.CharField(_("byline"), max_length=255, blank=True)
    credit = models.CharField(
        pgettext_lazy("agency wire", "credit"), max_length=255, blank=True
    )
    url = models.CharField(_("agency link"), max_length=1000, blank=True)
    subjects = models.JSONField(_("subjects"), default=list, blank=True)
    urgency = models.PositiveSmallIntegerField(_("urgency"), null=True, blank=True)
    embargoed_until = models.DateTimeField(_("embargoed until"), null=True, blank=True)
    published_at = models.DateTimeField(_("sent by the agency"), null=True, blank=True)
    provider_updated_at = models.DateTimeField(
        _("updated by the agency"), null=True, blank=True
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    updated_at = models.DateTimeField(
        _("latest version received"), default=timezone.now
    )
    fingerprint = models.BigIntegerField(_("fingerprint"), db_index=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("similar to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text=_(
            "The first item of a group of near-identical stories; the list of "
            "incoming wires shows the group once."
        ),
    )

    class Meta:
        verbose_name = _("wire item")
        verbose_name_plural = _("incoming wires")
        ordering = ["-received_at", "-pk"]
        default_permissions = ("view",)  # items come from agencies, never the admin
        constraints = [
            models.UniqueConstraint(
                fields=["source", "guid"], name="wires_item_guid_per_source"
            ),
        ]
        indexes = [
            models.Index(
                fields=["source", "-received_at"], name="wires_item_source_latest"
            ),
            # The list: one row per group of near duplicates, newest first.
            models.Index(
                fields=["-received_at"],
                condition=models.Q(duplicate_of__isnull=True),
                name="wires_item_heads_latest",
            ),
            models.Index(
                fields=["language", "-received_at"], name="wires_item_recent_language"
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    @property
    def cluster_head_id(self) -> int:
        return self.duplicate_of_id or self.pk

    @property
    def is_usable(self) -> bool:
        return self.status == WireStatus.USABLE

    def keep_version(self, received_at=None) -> "WireItemVersion":
        """Record the item's current text as its version `self.version`."""
        return WireItemVersion.objects.create(
            item=self,
            version=self.version,
            headline=self.headline,
            summary=self.summary,
            body=self.body,
            status=self.status,
            received_at=received_at or timezone.now(),
        )

    def get_admin_url(self) -> str:
        """The item's page in the admin (Wires › Incoming wires)."""
        return reverse("wires_items:inspect", args=[self.pk])

    def edition(self) -> Locale:
        """The edition the item is for: the one in its language, else its
        source's."""
        return (
            Locale.objects.filter(language_code=self.language).first()
            or self.source.locale
        )


class WireItemVersion(WireText):
    """Every version an agency sent of an item, so that a draft can show the exact
    text it was made from and what changed since."""

    item = models.ForeignKey(
        WireItem,
        verbose_name=_("wire item"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    version = models.PositiveIntegerField(_("version"))
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        verbose_name = _("wire item version")
        verbose_name_plural = _("wire item versions")
        ordering = ["item", "-version"]
        default_permissions = ()  # seen with their item
        constraints = [
            models.UniqueConstraint(
                fields=["item", "version"], name="wires_version_once_per_item"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.headline} (v{self.version})"

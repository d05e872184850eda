from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from masthead.wires.hosts import DisallowedAddress, check_address

MIN_POLL_SECONDS = 10
MAX_POLL_SECONDS = 24 * 60 * 60


def default_poll_interval() -> int:
    return settings.MASTHEAD_WIRE_POLL_SECONDS


class WireFormat(models.TextChoices):
    # The values are the parsers' format names (masthead/wires/parsers).
    RSS = "rss", _("RSS or Atom")
    NINJS = "ninjs", _("IPTC ninjs (JSON)")
    NEWSML = "newsml", _("IPTC NewsML-G2 (XML)")


class WireTransport(models.TextChoices):
    HTTP = "http", _("Fetched over HTTP(S)")
    FOLDER = "folder", _("Read from a drop folder")


class WireSource(models.Model):
    """An agency feed: where its documents come from, in which format, for which
    edition, and the state of its polling."""

    name = models.CharField(
        _("name"),
        max_length=120,
        unique=True,
        help_text=_('What the newsroom calls this feed, e.g. "Reuters world (EN)".'),
    )
    format = models.CharField(
        _("format"), max_length=8, choices=WireFormat.choices, default=WireFormat.RSS
    )
    transport = models.CharField(
        _("transport"),
        max_length=8,
        choices=WireTransport.choices,
        default=WireTransport.HTTP,
    )
    url = models.URLField(
        _("address"),
        max_length=500,
        blank=True,
        help_text=_(
            "For a fetched feed: its http:// or https:// address, on a host listed "
            "in MASTHEAD_WIRE_HOSTS."
        ),
    )
    folder = models.CharField(
        _("drop folder"),
        max_length=200,
        blank=True,
        help_text=_(
            'For a drop folder: its name inside the wire drop folder, e.g. "afp/en".'
        ),
    )
    credit = models.CharField(
        pgettext_lazy("agency wire", "credit"),
        max_length=120,
        blank=True,
        help_text=_(
            'Shown as the source of articles made from this feed, e.g. "Reuters". '
            "Leave empty to use the credit each item gives."
        ),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("edition"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The edition the feed's items are for. Items that say they are in "
            "another language keep their own language."
        ),
    )
    poll_interval = models.PositiveIntegerField(
        _("poll every (seconds)"),
        default=default_poll_interval,
        validators=[
            MinValueValidator(MIN_POLL_SECONDS),
            MaxValueValidator(MAX_POLL_SECONDS),
        ],
    )
    enabled = models.BooleanField(
        _("enabled"), default=True, help_text=_("Untick to stop polling this feed.")
    )
    auto_draft_section = models.ForeignKey(
        "sections.SectionPage",
        verbose_name=_("make drafts in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional: every new usable item of this feed becomes a draft article "
            "in this section as soon as it arrives."
        ),
    )
    # Conditional GET: the validators of the last document fetched.
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    next_poll_at = models.DateTimeField(
        _("next poll"), null=True, blank=True, editable=False
    )
    last_polled_at = models.DateTimeField(
        _("last polled"), null=True, blank=True, editable=False
    )
    last_success_at = models.DateTimeField(
        _("last success"), null=True, blank=True, editable=False
    )
    consecutive_failures = models.PositiveIntegerField(
        _("failures in a row"), default=0, editable=False
    )

    class Meta:
        verbose_name = _("wire source")
        verbose_name_plural = _("wire sources")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["enabled", "next_poll_at"], name="wires_source_due"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_folder(self) -> bool:
        return self.transport == WireTransport.FOLDER

    @property
    def where(self) -> str:
        """The address or folder, as operators read it."""
        return self.folder if self.is_folder else self.url

    def clean(self):
        super().clean()
        if self.transport == WireTransport.HTTP:
            self.folder = ""
            self._clean_url()
        else:
            self.url = ""
            self._clean_folder()
        section = self.auto_draft_section
        if (
            section is not None
            and self.locale_id
            and section.locale_id != self.locale_id
        ):
            raise ValidationError(
                {"auto_draft_section": _("Choose a section of the feed's edition.")}
            )

    def _clean_url(self):
        if not self.url:
            raise ValidationError({"url": _("Give the feed's address.")})
        try:
            check_address(self.url)
        except DisallowedAddress as error:
            raise ValidationError({"url": str(error)}) from None

    def _clean_folder(self):
        folder = self.folder.strip().strip("/")
        if not folder:
            raise ValidationError({"folder": _("Give the drop folder's name.")})
        if self.folder.strip().startswith("/") or "\\" in folder or ":" in folder:
            raise ValidationError(
                {
                    "folder": _(
                        "Give a name inside the wire drop folder, not a full path."
                    )
                }
            )
        parts = PurePosixPath(folder).parts
        if any(part in (".", "..") or part.startswith(".") for part in parts):
            raise ValidationError(
                {
                    "folder": _(
                        "The folder name may not contain “..” or parts starting "
                        "with a dot."
                    )
                }
            )
        self.folder = "/".join(parts)

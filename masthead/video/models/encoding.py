from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .kinds import EncodingStatus


class VideoEncoding(models.Model):
    """What was made from one uploaded video file: the MP4 readers get, its
    duration and a poster frame.

    Kept apart from the page, keyed by the stored file's name: a page's revisions
    never carry (or roll back) the result, and the translations of a page, which
    share its file, share one encoding.
    """

    source = models.CharField(_("source file"), max_length=255, unique=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EncodingStatus.choices,
        default=EncodingStatus.PENDING,
    )
    error = models.TextField(_("error"), blank=True)
    output = models.FileField(
        _("prepared video"), upload_to="video/encoded/", blank=True, max_length=255
    )
    duration = models.FloatField(_("duration (seconds)"), null=True, blank=True)
    poster = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("poster frame"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("video encoding")

    def __str__(self):
        return f"{self.source} ({self.get_status_display()})"

    @property
    def is_ready(self) -> bool:
        return self.status == EncodingStatus.READY and bool(self.output)

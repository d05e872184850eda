from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AudioStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("audio status", "Waiting")
    PROCESSING = "processing", _("Being made")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class ArticleAudio(models.Model):
    """The spoken version of one story: an Opus file, an MP3 for the players that
    lack Opus, and what they were made from.

    Kept beside the page rather than in it: a page's revisions never carry (or
    roll back) the files, and a build never has to save the page. `text_hash`
    names the spoken text the files say; a publish that leaves it unchanged makes
    nothing new.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="spoken_audio",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AudioStatus.choices,
        default=AudioStatus.PENDING,
        db_index=True,
    )
    # The text the files say, and the text of the latest request (they differ
    # while a new version is being made: readers keep the old one until then).
    text_hash = models.CharField(max_length=64, blank=True)
    wanted_hash = models.CharField(max_length=64, blank=True)
    language = models.CharField(_("language"), max_length=12, blank=True)
    engine = models.CharField(_("engine"), max_length=40, blank=True)
    voice = models.CharField(_("voice"), max_length=200, blank=True)
    opus = models.FileField(_("Opus file"), blank=True, max_length=255)
    mp3 = models.FileField(_("MP3 file"), blank=True, max_length=255)
    opus_bytes = models.PositiveIntegerField(default=0)
    mp3_bytes = models.PositiveIntegerField(default=0)
    duration = models.FloatField(_("duration (seconds)"), null=True, blank=True)
    loudness = models.FloatField(_("loudness (LUFS)"), null=True, blank=True)
    words = models.PositiveIntegerField(default=0)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    retry_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    built_at = models.DateTimeField(_("made"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("story audio")
        verbose_name_plural = _("story audio")
        indexes = [models.Index(fields=["status", "retry_at"])]

    def __str__(self):
        return f"{self.page_id} ({self.get_status_display()})"

    @property
    def is_playable(self) -> bool:
        """Readers get the files made last, even while a newer version is made."""
        return bool(self.mp3 and self.opus and self.duration)

    @property
    def opus_url(self) -> str:
        from .serving import audio_url

        return audio_url(self.opus.name)

    @property
    def mp3_url(self) -> str:
        from .serving import audio_url

        return audio_url(self.mp3.name)

    @property
    def is_current(self) -> bool:
        return self.is_playable and self.text_hash == self.wanted_hash

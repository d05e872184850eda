from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class TranslationSync(models.Model):
    """Which version of its original a translation was made from, and whether the
    original has changed significantly since."""

    translation = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="translation_sync"
    )
    source = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    synced_text = models.JSONField(
        default=dict, help_text="The original's text when the translation was synced."
    )
    needs_update = models.BooleanField(default=False)
    changes = models.JSONField(default=list)
    flagged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")

    def __str__(self) -> str:
        return f"{self.translation} ← {self.source}"

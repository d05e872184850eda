from django.conf import global_settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from ..validators import validate_webvtt


def language_choices():
    # Any language Django names, not only the editions': a video in Arabic may
    # carry English captions and the reverse.
    return global_settings.LANGUAGES


def caption_path(instance, filename: str) -> str:
    # Browsers and servers know WebVTT by its extension.
    stem = slugify(filename.rsplit(".", 1)[0])[:60] or "captions"
    return f"video/captions/{stem}-{instance.language}.vtt"


class VideoCaption(Orderable):
    """One caption track of a video, in one language."""

    page = ParentalKey(
        "video.VideoPage", on_delete=models.CASCADE, related_name="captions"
    )
    language = models.CharField(_("language"), max_length=16, choices=language_choices)
    file = models.FileField(
        _("WebVTT file"),
        upload_to=caption_path,
        max_length=255,
        validators=[validate_webvtt],
        help_text=_('A .vtt file starting with "WEBVTT", at most 1 MB.'),
    )

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("file")])]

    class Meta(Orderable.Meta):
        verbose_name = _("caption track")
        verbose_name_plural = _("caption tracks")

    @property
    def label(self) -> str:
        """The language's own name, as readers pick it in the player."""
        try:
            return get_language_info(self.language)["name_local"]
        except KeyError:
            return self.language

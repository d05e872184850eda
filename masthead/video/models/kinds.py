from django.db import models
from django.utils.translation import gettext_lazy as _


class VideoKind(models.TextChoices):
    NEWS = "news", _("News clip")
    FEATURE = "feature", _("Video feature")
    EXPLAINER = "explainer", _("Explainer")
    TV_EPISODE = "tv_episode", _("TV programme episode")
    SERIES_EPISODE = "series_episode", _("Digital-series episode")


class SeriesKind(models.TextChoices):
    TV = "tv", _("TV programme")
    DIGITAL = "digital", _("Digital series")


class EncodingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be prepared")
    PROCESSING = "processing", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")

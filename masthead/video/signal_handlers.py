from wagtail.signals import page_published

from .actions import request_preparation
from .models import VideoPage


def prepare_uploaded_video(sender, instance, **kwargs):
    if instance.source_file:
        request_preparation(instance.source_file.name)


def register_signal_handlers():
    page_published.connect(
        prepare_uploaded_video, sender=VideoPage, dispatch_uid="video-prepare-upload"
    )

import logging

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published

from masthead.common.bulk import bulk_load_under_way
from masthead.common.roles import story_page_model

from .actions import request_audio
from .models import ArticleAudio

logger = logging.getLogger(__name__)


def ask_for_audio(sender, instance, **kwargs):
    """Publishing never waits for, nor fails because of, the audio."""
    if bulk_load_under_way():  # a bulk load queues the audio when it ends
        return
    try:
        request_audio(instance)
    except Exception:
        logger.exception("Could not ask for the audio of story %s", instance.pk)


def delete_audio_files(sender, instance, **kwargs):
    names = [name for name in (instance.opus.name, instance.mp3.name) if name]

    def delete():
        for name in names:
            try:
                default_storage.delete(name)
            except OSError:
                logger.warning("Could not delete the audio file %s", name)

    transaction.on_commit(delete)


def register_signal_handlers():
    page_published.connect(
        ask_for_audio, sender=story_page_model(), dispatch_uid="listen-request-audio"
    )
    post_delete.connect(
        delete_audio_files, sender=ArticleAudio, dispatch_uid="listen-delete-files"
    )

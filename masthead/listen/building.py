"""Making a story's audio: speak the script, encode it, store the files, and let
readers have them. Run by the background task; never raises for a story that
cannot be spoken: the failure is recorded and retried with a growing delay."""

import logging
import tempfile
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from masthead.caching import keys
from masthead.caching.purge import purge
from masthead.common.ffmpeg import MediaToolError
from masthead.common.roles import story_page_model

from .encoding import encode_speech
from .engines import engine_for
from .models import ArticleAudio, AudioStatus
from .script import spoken_script

logger = logging.getLogger(__name__)

MAX_ERROR_LENGTH = 2000
# A build still "being made" after this long was left by a stopped worker.
STALE_AFTER = timedelta(minutes=30)


def retry_delay(attempts: int) -> timedelta | None:
    """1, 4, 16, 64... minutes after the n-th failure; None once attempts run out."""
    if attempts >= settings.MASTHEAD_LISTEN_MAX_ATTEMPTS:
        return None
    return timedelta(
        seconds=settings.MASTHEAD_LISTEN_RETRY_SECONDS * 4 ** (attempts - 1)
    )


def stored_name(page, script_hash: str, extension: str) -> str:
    # The text's hash in the name: a new text is a new address, so caches can
    # keep a file for ever.
    return (
        f"listen/{page.locale.language_code}/{page.pk}-{script_hash[:16]}.{extension}"
    )


def claim(audio: ArticleAudio, wanted: str) -> bool:
    """Take the build in hand unless a live run has it."""
    stale = timezone.now() - STALE_AFTER
    return bool(
        ArticleAudio.objects.filter(pk=audio.pk)
        .filter(~Q(status=AudioStatus.PROCESSING) | Q(updated_at__lt=stale))
        .update(
            status=AudioStatus.PROCESSING,
            wanted_hash=wanted,
            attempts=F("attempts") + 1,
            retry_at=None,
            updated_at=timezone.now(),
        )
    )


def build_audio(page_id: int, *, force: bool = False) -> ArticleAudio | None:
    """Make the audio of the live story `page_id` if its text changed since the
    files were made (or with `force`). Returns its record, or None when the
    story is not live."""
    page = (
        story_page_model()
        .objects.live()
        .select_related("locale")
        .filter(pk=page_id)
        .first()
    )
    audio = ArticleAudio.objects.filter(page_id=page_id).first()
    if page is None:
        if audio is not None:
            # Asked again when it is published again.
            ArticleAudio.objects.filter(pk=audio.pk).exclude(
                status=AudioStatus.PROCESSING
            ).update(wanted_hash="")
        return None
    script = spoken_script(page)
    if audio is None:
        audio, _ = ArticleAudio.objects.get_or_create(
            page_id=page.pk, defaults={"wanted_hash": script.hash}
        )
    if not force and audio.is_playable and audio.text_hash == script.hash:
        ArticleAudio.objects.filter(pk=audio.pk).update(
            status=AudioStatus.READY, wanted_hash=script.hash, error="", retry_at=None
        )
        audio.refresh_from_db()
        return audio
    if not claim(audio, script.hash):
        return audio
    try:
        made = make_files(page, script)
    except (MediaToolError, OSError, ValueError) as error:
        record_failure(audio.pk, error)
        audio.refresh_from_db()
        return audio
    old = {audio.opus.name, audio.mp3.name} - {made["opus"], made["mp3"], ""}
    with transaction.atomic():
        ArticleAudio.objects.filter(pk=audio.pk).update(
            status=AudioStatus.READY,
            text_hash=script.hash,
            error="",
            attempts=0,
            retry_at=None,
            built_at=timezone.now(),
            words=script.words,
            language=script.language,
            **made,
        )
        purge({keys.audio(page.pk), keys.podcast(script.language)})
        transaction.on_commit(lambda: delete_files(old))
    # The story changed while this version was made: the newer one is wanted.
    ArticleAudio.objects.filter(pk=audio.pk).exclude(wanted_hash=script.hash).update(
        status=AudioStatus.PENDING
    )
    audio.refresh_from_db()
    return audio


def make_files(page, script) -> dict:
    if not script.paragraphs:
        raise ValueError("the story has no text to read")
    engine, voice = engine_for(script.language)
    with tempfile.TemporaryDirectory(prefix="masthead-listen-") as folder:
        work = Path(folder)
        speech = work / "speech.wav"
        engine.synthesise(script.text, script.language, speech)
        encoded = encode_speech(speech, work)
        names = {}
        for field, path, extension in (
            ("opus", encoded.opus, "opus"),
            ("mp3", encoded.mp3, "mp3"),
        ):
            with path.open("rb") as handle:
                names[field] = default_storage.save(
                    stored_name(page, script.hash, extension), File(handle)
                )
            names[f"{field}_bytes"] = path.stat().st_size
    return {
        **names,
        "duration": encoded.duration,
        "loudness": encoded.loudness,
        "engine": engine.name,
        "voice": voice[-200:],
    }


def record_failure(audio_pk: int, error: Exception) -> None:
    audio = ArticleAudio.objects.get(pk=audio_pk)
    delay = retry_delay(audio.attempts)
    logger.warning("Making the audio of story %s failed: %s", audio.page_id, error)
    ArticleAudio.objects.filter(pk=audio_pk).update(
        status=AudioStatus.FAILED,
        error=str(error)[:MAX_ERROR_LENGTH] or error.__class__.__name__,
        retry_at=timezone.now() + delay if delay else None,
    )


def delete_files(names: set[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Could not delete the old audio file %s", name)

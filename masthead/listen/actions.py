"""What asks for audio: a publish, an editor's "Regenerate", the retry schedule,
and the demo."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from masthead.common.roles import story_page_model

from .building import STALE_AFTER
from .models import ArticleAudio, AudioStatus
from .script import spoken_script
from .tasks import build_story_audio


def listen_enabled() -> bool:
    return settings.MASTHEAD_LISTEN_ENABLED


def request_build(audio: ArticleAudio, *, force: bool = False) -> None:
    """Queue a build of `audio`'s story once the transaction commits."""
    page_id = audio.page_id
    transaction.on_commit(
        lambda: build_story_audio.enqueue(page_id, force), robust=True
    )


def request_audio(
    page, *, force: bool = False, requeue: bool = False
) -> ArticleAudio | None:
    """Ask for the audio of `page` (a live story). Nothing is queued when its
    spoken text is the one already made or already being made, unless `force`
    (an editor asking again: made even if unchanged) or `requeue` (queued again
    in case the queued task was lost; a build that finds nothing to do is
    cheap)."""
    if not listen_enabled():
        return None
    wanted = spoken_script(page).hash
    audio, created = ArticleAudio.objects.get_or_create(
        page_id=page.pk,
        defaults={"wanted_hash": wanted, "language": page.locale.language_code},
    )
    unchanged = audio.wanted_hash == wanted and audio.status != AudioStatus.FAILED
    if not created and unchanged and not force:
        if requeue and audio.status == AudioStatus.PENDING:
            request_build(audio)
        return audio
    changes = {"wanted_hash": wanted, "requested_at": timezone.now(), "error": ""}
    if force:
        changes["attempts"] = 0
    if audio.status != AudioStatus.PROCESSING:
        changes.update(status=AudioStatus.PENDING, retry_at=None)
    ArticleAudio.objects.filter(pk=audio.pk).update(**changes)
    request_build(audio, force=force)
    return audio


def enqueue_due_retries(now=None) -> int:
    """Queue the failed builds whose retry time has come, and those a stopped
    worker left half made. Run by the newsroom clock."""
    now = now or timezone.now()
    due = ArticleAudio.objects.filter(
        Q(status=AudioStatus.FAILED, retry_at__lte=now)
        | Q(status=AudioStatus.PROCESSING, updated_at__lt=now - STALE_AFTER)
    )
    count = 0
    for audio in due:
        ArticleAudio.objects.filter(pk=audio.pk).update(
            status=AudioStatus.PENDING, retry_at=None
        )
        request_build(audio)
        count += 1
    return count


def request_missing_audio() -> int:
    """Queue every live story that has no audio for its current text (after a
    bulk load, an upgrade or a new voice); returns how many were queued."""
    if not listen_enabled():
        return 0
    stories = story_page_model().objects.live().select_related("locale")
    done = {
        (page_id, text_hash)
        for page_id, text_hash in ArticleAudio.objects.filter(
            status=AudioStatus.READY
        ).values_list("page_id", "text_hash")
    }
    count = 0
    for page in stories.iterator(chunk_size=200):
        if (page.pk, spoken_script(page).hash) in done:
            continue
        request_audio(page, requeue=True)
        count += 1
    return count

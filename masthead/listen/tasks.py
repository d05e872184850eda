from django_tasks import task

from .building import build_audio
from .models import AudioStatus

# Behind the work a publish waits on (purges, renditions): audio can come later.
AUDIO_PRIORITY = -10


@task(priority=AUDIO_PRIORITY)
def build_story_audio(page_id: int, force: bool = False) -> None:
    """Speak a published story and encode its audio, unless its text is unchanged."""
    audio = build_audio(page_id, force=force)
    if audio is not None and audio.status == AudioStatus.PENDING:
        # Its text changed while this version was made: make the newer one.
        build_story_audio.enqueue(page_id)

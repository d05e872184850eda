from dataclasses import asdict
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .ingest import poll_source
from .models import WireSource


@task()
def poll_wire_source(source_id: int) -> dict:
    """Poll one source (queued by `schedule.enqueue_due_polls`)."""
    source = (
        WireSource.objects.select_related("locale", "auto_draft_section")
        .filter(pk=source_id, enabled=True)
        .first()
    )
    if source is None:
        return {}
    # Polls queued while the worker was down all run when it returns: one is
    # enough, the others see it was just done.
    just_now = timezone.now() - timedelta(seconds=source.poll_interval / 2)
    if source.last_polled_at and source.last_polled_at > just_now:
        return {"skipped": True}
    return asdict(poll_source(source))

"""When sources are polled: the clock calls `enqueue_due_polls` every few seconds
(MASTHEAD_CLOCK_SECONDS), and each due source gets one poll task."""

import logging
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from .models import WireSource
from .tasks import poll_wire_source

logger = logging.getLogger(__name__)


def due_sources(now: datetime):
    return WireSource.objects.filter(enabled=True).filter(
        Q(next_poll_at__lte=now) | Q(next_poll_at__isnull=True)
    )


def _claim(pk: int, due_at: datetime | None, next_at: datetime) -> bool:
    """Move the source's next poll forward, if nobody did since it was read: of
    two clocks that saw it due, only one gets to queue the poll."""
    unchanged = (
        Q(next_poll_at__isnull=True) if due_at is None else Q(next_poll_at=due_at)
    )
    return bool(
        WireSource.objects.filter(unchanged, pk=pk, enabled=True).update(
            next_poll_at=next_at
        )
    )


def enqueue_due_polls(now: datetime | None = None) -> int:
    """Queue a poll of every enabled source that is due; returns how many."""
    now = now or timezone.now()
    queued = 0
    due = due_sources(now).values_list("pk", "next_poll_at", "poll_interval")
    for pk, due_at, interval in list(due):
        # Pushed a whole interval ahead: if the worker never runs the task, the
        # source is queued again then. The poll itself sets the real next time.
        if not _claim(pk, due_at, now + timedelta(seconds=interval)):
            continue
        try:
            poll_wire_source.enqueue(pk)
        except Exception:
            logger.exception("Could not queue a poll of wire source %s", pk)
            continue
        queued += 1
    return queued

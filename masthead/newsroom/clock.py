"""The newsroom's clock: what must happen at a time, done every few seconds.

Scheduled stories go live and expired ones come down (Wagtail's publish_scheduled
does the same once per call; this keeps going when one story cannot publish, as
an embargoed one cannot), wire sources that are due are queued for polling, and
stories' audio that failed is queued again when its retry time comes.
`masthead serve --with-worker` runs it beside the server, so the embedded setup
needs no cron.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision

from masthead.listen.actions import enqueue_due_retries
from masthead.wires.schedule import enqueue_due_polls

from .embargo import EmbargoedError

logger = logging.getLogger(__name__)


@dataclass
class Tick:
    published: int = 0
    expired: int = 0
    held: int = 0
    failed: int = 0
    polls: int = 0
    audio_retries: int = 0


def expire_due(now, tick: Tick) -> None:
    for page in Page.objects.filter(live=True, expire_at__lt=now).specific():
        try:
            page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            tick.expired += 1
        except Exception:
            tick.failed += 1
            logger.exception("Could not unpublish expired page %s", page.pk)


def publish_due(now, tick: Tick) -> None:
    due = Revision.objects.filter(approved_go_live_at__lte=now).order_by(
        "approved_go_live_at"
    )
    for revision in due:
        try:
            # Atomic: a refused publish must not leave the revision unscheduled.
            with transaction.atomic():
                revision.publish(log_action="wagtail.publish.scheduled")
            tick.published += 1
        except EmbargoedError:
            # Stays scheduled; it goes live at the first tick after the embargo.
            tick.held += 1
        except Exception:
            tick.failed += 1
            logger.exception("Could not publish scheduled revision %s", revision.pk)


def tick(now=None) -> Tick:
    now = now or timezone.now()
    result = Tick()
    expire_due(now, result)
    publish_due(now, result)
    try:
        result.polls = enqueue_due_polls(now)
    except Exception:
        result.failed += 1
        logger.exception("Could not queue the wire polls")
    try:
        result.audio_retries = enqueue_due_retries(now)
    except Exception:
        result.failed += 1
        logger.exception("Could not queue the audio retries")
    return result

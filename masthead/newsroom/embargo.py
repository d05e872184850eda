"""Embargoes: a story that must not go live before its time.

The refusal sits where every way of publishing passes, the save that makes the
page live (admin, bulk actions, workflow approval, scheduled publishing, code):
nobody publishes an embargoed story, administrators included, until the embargo
ends or someone lifts it with a reason. The admin asks first, so an editor sees a
message and keeps the draft instead of an error page.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from .models import Embargo

SET_LOG_ACTION = "newsroom.embargo.set"
LIFT_LOG_ACTION = "newsroom.embargo.lift"
MIN_REASON_LENGTH = 10


class EmbargoedError(PermissionDenied):
    def __init__(self, embargo: Embargo):
        self.embargo = embargo
        super().__init__(refusal_message(embargo))


def refusal_message(embargo: Embargo) -> str:
    return _(
        "This story is embargoed until %(until)s. It cannot be published before "
        "then: schedule it for that time or later (Go live date/time), or lift "
        "the embargo with a reason."
    ) % {"until": local_time(embargo.until)}


def local_time(moment: datetime) -> str:
    # 24-hour and without abbreviations, as embargo times are written ("6 a.m."
    # would end a sentence with two full stops).
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def embargo_in_force(page_id: int, now: datetime | None = None) -> Embargo | None:
    return Embargo.objects.filter(page_id=page_id).in_force(now).first()


def allows(embargo: Embargo | None, go_live_at: datetime | None) -> bool:
    """Whether publishing with this go-live date respects the embargo."""
    return embargo is None or (go_live_at is not None and go_live_at >= embargo.until)


def refuse_early_publication(page: Page) -> None:
    """Raise EmbargoedError when `page` is about to go live under an embargo."""
    if not page.pk or not page.live:
        return
    embargo = embargo_in_force(page.pk)
    if embargo is not None:
        raise EmbargoedError(embargo)


@transaction.atomic
def set_embargo(page: Page, until: datetime, user, note: str = "") -> Embargo:
    now = timezone.now()
    if until <= now:
        raise ValidationError(_("An embargo ends in the future."), code="past")
    if page.live:
        raise ValidationError(
            _("This story is already published: an embargo can no longer hold it."),
            code="live",
        )
    for current in Embargo.objects.filter(page=page).in_force(now):
        # One embargo holds at a time: the new time replaces the old.
        current.lifted_at, current.lifted_by = now, user
        current.lift_reason = _("Replaced by a new embargo")
        current.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    embargo = Embargo.objects.create(page=page, until=until, note=note, set_by=user)
    log(
        instance=page.specific,
        action=SET_LOG_ACTION,
        user=user,
        data={"until": until.isoformat(), "note": note},
    )
    return embargo


@transaction.atomic
def lift_embargo(embargo: Embargo, user, reason: str) -> Embargo:
    reason = reason.strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(
            _("Say why the embargo is lifted (at least %(count)s characters).")
            % {"count": MIN_REASON_LENGTH},
            code="reason",
        )
    if not embargo.in_force():
        raise ValidationError(_("This embargo no longer holds."), code="ended")
    embargo.lifted_at, embargo.lifted_by, embargo.lift_reason = (
        timezone.now(),
        user,
        reason,
    )
    embargo.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    log(
        instance=embargo.page.specific,
        action=LIFT_LOG_ACTION,
        user=user,
        data={"until": embargo.until.isoformat(), "reason": reason},
    )
    return embargo

"""The channel's programmes for today in the edition's time zone, and what is on
air now."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from masthead.common.homes import home_for
from masthead.editions.formatting import formats_for

from .metadata import channel_json_ld


def day_bounds(now: datetime, time_zone: str) -> tuple[datetime, datetime]:
    """Midnight to midnight of `now`'s day where the edition is."""
    zone = ZoneInfo(time_zone)
    day = timezone.localtime(now, zone).date()
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def todays_programmes(channel, now: datetime | None = None) -> list:
    now = now or timezone.now()
    start, end = day_bounds(now, formats_for(channel.locale.language_code).time_zone)
    return list(
        channel.programmes.filter(start_at__lt=end, end_at__gt=start).order_by(
            "start_at", "sort_order"
        )
    )


def on_air(programmes: list, now: datetime):
    return next((p for p in programmes if p.start_at <= now < p.end_at), None)


def channel_context(channel, request, now=None) -> dict:
    now = now or timezone.now()
    programmes = todays_programmes(channel, now)
    current = on_air(programmes, now)
    return {
        "programmes": programmes,
        "on_air": current,
        "json_ld": [
            channel_json_ld(
                channel, request, current=current, home=home_for(request, channel)
            )
        ],
    }

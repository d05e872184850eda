from django import template
from django.template.defaultfilters import date as format_date
from django.utils import timezone

from ..formatting import active_formats

register = template.Library()


@register.filter
def edition_date(value) -> str:
    """A date as the edition writes it: its format, month names and digits."""
    if not value:
        return ""
    formats = active_formats.get()
    return formats.localise_digits(
        format_date(timezone.localtime(value), formats.date_format)
    )


@register.filter
def edition_datetime(value) -> str:
    if not value:
        return ""
    formats = active_formats.get()
    text = format_date(
        timezone.localtime(value), f"{formats.date_format} {formats.time_format}"
    )
    return formats.localise_digits(text)


@register.filter
def iso_datetime(value) -> str:
    """A date and time for a `datetime` attribute: ISO 8601 to the second (HTML
    allows at most three digits of a second's fraction)."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


@register.filter
def edition_digits(value) -> str:
    """Any text with its digits written the edition's way."""
    return active_formats.get().localise_digits(str(value))

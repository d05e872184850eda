from django import template
from django.template.defaultfilters import date as format_date
from django.utils import timezone

from masthead.editions.formatting import active_formats

register = template.Library()


@register.filter
def edition_time(value) -> str:
    """A time of day as the edition writes it: its format and digits."""
    if not value:
        return ""
    formats = active_formats.get()
    return formats.localise_digits(
        format_date(timezone.localtime(value), formats.time_format)
    )

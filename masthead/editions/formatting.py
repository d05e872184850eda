"""Each edition writes dates, times and numbers its own way.

The edition's settings live on its home page; `EditionMiddleware` finds them for
the request's language, activates the edition's time zone and keeps the formats
for the template filters below.
"""

from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from masthead.common.roles import home_page_model

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
CACHE_SECONDS = 300


@dataclass(frozen=True)
class EditionFormats:
    time_zone: str = settings.TIME_ZONE
    date_format: str = "j M Y"
    time_format: str = "H:i"
    digits: str = "latin"

    def localise_digits(self, text: str) -> str:
        if self.digits == "arabic-indic":
            return text.translate(ARABIC_INDIC)
        return text


DEFAULT_FORMATS = EditionFormats()
active_formats: ContextVar[EditionFormats] = ContextVar(
    "edition_formats", default=DEFAULT_FORMATS
)


def cache_key(language_code: str) -> str:
    return f"edition-formats:{language_code}"


def formats_for(language_code: str) -> EditionFormats:
    formats = cache.get(cache_key(language_code))
    if formats is None:
        home = (
            home_page_model()
            .objects.filter(locale__language_code=language_code)
            .only("time_zone", "date_format", "time_format", "digits")
            .first()
        )
        formats = (
            EditionFormats(
                home.time_zone, home.date_format, home.time_format, home.digits
            )
            if home
            else DEFAULT_FORMATS
        )
        cache.set(cache_key(language_code), formats, CACHE_SECONDS)
    return formats


def forget_formats(language_code: str) -> None:
    cache.delete(cache_key(language_code))

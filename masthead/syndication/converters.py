"""The edition part of the machine-readable files' addresses."""

from django.conf import settings


class EditionConverter:
    """One of the configured languages (settings.LANGUAGES)."""

    regex = "|".join(code for code, _name in settings.LANGUAGES)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value

from django.utils import timezone, translation

from .formatting import active_formats, formats_for


class EditionMiddleware:
    """Activate the edition's time zone and formats for the request's language.

    Runs after LocaleMiddleware, which has picked the language from the URL.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(("/admin/", "/static/", "/media/")):
            return self.get_response(request)
        formats = formats_for(translation.get_language() or "en")
        token = active_formats.set(formats)
        timezone.activate(formats.time_zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
            active_formats.reset(token)

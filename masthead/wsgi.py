import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

django_application = get_wsgi_application()


def _build():
    from django.conf import settings

    from masthead.caching.store import get_store
    from masthead.caching.wsgi import PageCacheApplication

    if not settings.PAGE_CACHE_ENABLED:
        return django_application
    # Cache hits are answered before Django's request cycle begins.
    return PageCacheApplication(django_application, get_store)


application = _build()

"""The site's URL conf plus a view that fails, to test the 500 page."""

from django.urls import path

from masthead.urls import handler404, handler500
from masthead.urls import urlpatterns as site_patterns


def failing_view(request):
    return 1 / 0


urlpatterns = [path("fail/", failing_view), *site_patterns]
__all__ = ["handler404", "handler500", "urlpatterns"]

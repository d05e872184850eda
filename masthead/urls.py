from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from masthead.listen.serving import serve_audio

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Stories' audio, with the byte ranges players seek with (listen/serving.py).
    path("audio/<path:name>", serve_audio, name="listen-audio"),
    # Site-wide machine-readable files: robots.txt, sitemaps.
    path("", include("masthead.syndication.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# English lives at the root, the other editions under /ar/ and /es/.
urlpatterns += i18n_patterns(
    path("breaking/", include("masthead.breaking.urls")),
    path("live/", include("masthead.live.urls")),
    path("search/", include("masthead.search.urls")),
    path("discovery/", include("masthead.discovery.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "masthead.front.views.bad_request"
handler403 = "masthead.front.views.permission_denied"
handler404 = "masthead.front.views.page_not_found"
handler500 = "masthead.front.views.server_error"

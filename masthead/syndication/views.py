"""robots.txt, the sitemaps and the OpenSearch description document."""

from django.conf import settings
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.views.decorators.http import require_safe

from masthead.caching import keys as surrogate_keys
from masthead.caching.policy import shared_cache_control
from masthead.common.absolute import absolute_url

from . import sitemaps, video_sitemap
from .editions import edition_or_404, live_editions

XML = "application/xml; charset=utf-8"
# Kept out of every edition: searches are endless and the Most Read beacon
# (/discovery/) only counts visits.
PRIVATE_PATHS = ("search/", "discovery/")


def _edition_prefix(language_code: str) -> str:
    # English is served at the root (prefix_default_language=False).
    return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    for language_code, _name in settings.LANGUAGES:
        prefix = _edition_prefix(language_code)
        lines += [f"Disallow: {prefix}{path}" for path in PRIVATE_PATHS]
    lines += ["", f"Sitemap: {absolute_url(reverse('syndication:sitemap-index'))}"]
    lines += [
        "Sitemap: "
        + sitemaps.sitemap_url("sitemap-news", language=edition.language_code)
        for edition in live_editions()
    ]
    surrogate_keys.add(surrogate_keys.SITEMAP)
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _streamed(chunks) -> StreamingHttpResponse:
    # Streamed, so the page cache does not keep them; a front cache may, until
    # the next change to any page (every change purges the sitemap key).
    surrogate_keys.add(surrogate_keys.SITEMAP)
    response = StreamingHttpResponse(chunks, content_type=XML)
    response["Cache-Control"] = shared_cache_control()
    return response


@require_safe
def sitemap_index(request):
    return _streamed(
        sitemaps.write_index(video_sitemap.with_video_files(live_editions()))
    )


@require_safe
def sitemap_pages(request, language):
    edition = edition_or_404(language)
    return _streamed(sitemaps.write_urlset(sitemaps.page_entries(edition), edition))


@require_safe
def sitemap_articles(request, language, number):
    edition = edition_or_404(language)
    if not 1 <= number <= sitemaps.article_file_count(edition):
        raise Http404("No such sitemap file.")
    return _streamed(
        sitemaps.write_urlset(sitemaps.article_entries(edition, number), edition)
    )


@require_safe
def sitemap_news(request, language):
    edition = edition_or_404(language)
    return _streamed(
        sitemaps.write_urlset(sitemaps.news_entries(edition), edition, news=True)
    )


@require_safe
def sitemap_videos(request, language):
    edition = edition_or_404(language)
    if not video_sitemap.has_videos(edition):
        raise Http404("This edition has no video yet.")
    return _streamed(video_sitemap.write_video_urlset(edition))


@require_safe
def opensearch(request, language):
    edition = edition_or_404(language)
    with translation.override(edition.language_code):
        document = render_to_string(
            "syndication/opensearch.xml",
            {
                # The specification allows 16 characters for the short name.
                "short_name": edition.name[:16],
                "edition": edition,
                "results": iri_to_uri(absolute_url(reverse("search:search")))
                + "?q={searchTerms}",
                "self_url": absolute_url(request.path),
            },
        )
    surrogate_keys.add(surrogate_keys.menu(edition.language_code))
    return HttpResponse(
        document, content_type="application/opensearchdescription+xml; charset=utf-8"
    )

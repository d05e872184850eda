"""Sitemaps, written as they are read from the database.

Rows arrive as plain values through a chunked iterator and leave as XML in
chunks, so a file of 50,000 URLs costs the memory of a few thousand, and the
index costs two small queries per file. Article files are cut by id order:
a new story lands in the last file, and the files before it stay unchanged for
crawlers that remember them.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import chain, islice
from xml.sax.saxutils import escape, quoteattr

from django.core.files.storage import FileSystemStorage, default_storage
from django.db.models import F, Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import filepath_to_uri, iri_to_uri
from wagtail.models import Page

from masthead.articles.models import ArticlePage
from masthead.authors.models import Author, AuthorIndexPage
from masthead.common.absolute import absolute_url
from masthead.media.models import CustomRendition
from masthead.regions.models import Region

from .conf import NEWS_SITEMAP_HOURS, NEWS_SITEMAP_MAX_URLS, sitemap_page_size
from .editions import Edition
from .entries import FEED_IMAGE_SPEC

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
ROWS_PER_FETCH = 2_000
URLS_PER_WRITE = 500


@dataclass(frozen=True)
class UrlEntry:
    loc: str
    lastmod: datetime | None = None
    image: str = ""
    news_title: str = ""
    news_published: datetime | None = None


@dataclass(frozen=True)
class SitemapFile:
    loc: str
    lastmod: datetime | None


def w3c_datetime(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _media_urls() -> Callable[[str | None], str]:
    """name -> absolute URL of a stored file, for thousands of names in a row.

    Local storage URLs are the media prefix and the quoted name, so that is all
    this does for them; any other storage is asked for each URL.
    """
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        prefix = absolute_url(storage.base_url)
        return lambda name: prefix + filepath_to_uri(name) if name else ""
    return lambda name: iri_to_uri(absolute_url(storage.url(name))) if name else ""


# Sources of rows ---------------------------------------------------------------


def edition_articles(edition: Edition):
    return ArticlePage.objects.live().public().descendant_of(edition.home)


def _with_image(articles):
    large_jpeg = CustomRendition.objects.filter(
        image_id=OuterRef("lead_image_id"), filter_spec=FEED_IMAGE_SPEC
    ).values("file")[:1]
    # Stories whose rendition is not made yet offer the original picture.
    return articles.annotate(
        image_rendition=Subquery(large_jpeg), image_original=F("lead_image__file")
    )


def article_file_count(edition: Edition) -> int:
    return -(-edition_articles(edition).count() // sitemap_page_size())


def article_file_lastmods(edition: Edition) -> Iterator[tuple[int, datetime | None]]:
    """(file number, newest change in it) for every article file.

    Two queries a file, whatever its size: the id that starts the next file, then
    the newest date below it. The database walks the index; no row reaches Python.
    """
    size = sitemap_page_size()
    articles = edition_articles(edition).order_by("pk")
    number, start = 1, None
    while True:
        rest = articles if start is None else articles.filter(pk__gte=start)
        following = list(rest.values_list("pk", flat=True)[size : size + 1])
        in_file = rest.filter(pk__lt=following[0]) if following else rest
        newest = in_file.aggregate(newest=Max("last_published_at"))["newest"]
        if newest is None and number == 1 and not in_file.exists():
            return  # an edition without stories has no article file
        yield number, newest
        if not following:
            return
        number, start = number + 1, following[0]


def article_entries(edition: Edition, number: int) -> Iterator[UrlEntry]:
    size = sitemap_page_size()
    rows = (
        _with_image(edition_articles(edition))
        .order_by("pk")
        .values_list(
            "url_path", "last_published_at", "image_rendition", "image_original"
        )
    )[(number - 1) * size : number * size]
    media_url = _media_urls()
    for url_path, changed, rendition, original in rows.iterator(
        chunk_size=ROWS_PER_FETCH
    ):
        yield UrlEntry(
            loc=edition.url_for(url_path),
            lastmod=changed,
            image=media_url(rendition or original),
        )


def news_entries(edition: Edition) -> Iterator[UrlEntry]:
    since = timezone.now() - timedelta(hours=NEWS_SITEMAP_HOURS)
    rows = (
        _with_image(edition_articles(edition).filter(first_published_at__gte=since))
        .order_by("-first_published_at", "-pk")
        .values_list(
            "url_path",
            "title",
            "first_published_at",
            "image_rendition",
            "image_original",
        )
    )[:NEWS_SITEMAP_MAX_URLS]
    media_url = _media_urls()
    for url_path, title, published, rendition, original in rows.iterator(
        chunk_size=ROWS_PER_FETCH
    ):
        yield UrlEntry(
            loc=edition.url_for(url_path),
            image=media_url(rendition or original),
            news_title=title,
            news_published=published,
        )


def page_entries(edition: Edition) -> Iterator[UrlEntry]:
    """Everything but stories: home, sections, static pages, author and region
    listings. Bounded by the file size like the rest."""
    home = edition.home
    pages = (
        Page.objects.live()
        .public()
        .descendant_of(home, inclusive=True)
        .not_type(ArticlePage)
        .order_by("path")
        .values_list("url_path", "last_published_at")
        .iterator(chunk_size=ROWS_PER_FETCH)
    )
    entries = chain(
        (
            UrlEntry(loc=edition.url_for(url_path), lastmod=changed)
            for url_path, changed in pages
        ),
        _author_entries(edition),
        (
            UrlEntry(
                loc=edition.url_for(
                    home.url_path
                    + home.reverse_subpage("region", kwargs={"slug": slug})
                )
            )
            for slug in Region.objects.filter(locale_id=home.locale_id).values_list(
                "slug", flat=True
            )
        ),
    )
    return islice(entries, sitemap_page_size())


def _author_entries(edition: Edition) -> Iterator[UrlEntry]:
    directory = (
        AuthorIndexPage.objects.live().public().descendant_of(edition.home).first()
    )
    if directory is None:
        return
    slugs = Author.objects.filter(locale_id=edition.home.locale_id).values_list(
        "slug", flat=True
    )
    for slug in slugs.iterator(chunk_size=ROWS_PER_FETCH):
        path = directory.reverse_subpage("author_page", kwargs={"slug": slug})
        yield UrlEntry(loc=edition.url_for(directory.url_path + path))


def pages_lastmod(edition: Edition) -> datetime | None:
    return (
        Page.objects.live()
        .public()
        .descendant_of(edition.home, inclusive=True)
        .not_type(ArticlePage)
        .aggregate(newest=Max("last_published_at"))["newest"]
    )


def news_lastmod(edition: Edition) -> datetime | None:
    since = timezone.now() - timedelta(hours=NEWS_SITEMAP_HOURS)
    return (
        edition_articles(edition)
        .filter(first_published_at__gte=since)
        .aggregate(newest=Max("last_published_at"))["newest"]
    )


def sitemap_url(name: str, **kwargs) -> str:
    return absolute_url(reverse(f"syndication:{name}", kwargs=kwargs))


def sitemap_files(editions: Iterable[Edition]) -> Iterator[SitemapFile]:
    for edition in editions:
        language = edition.language_code
        yield SitemapFile(
            sitemap_url("sitemap-pages", language=language), pages_lastmod(edition)
        )
        for number, lastmod in article_file_lastmods(edition):
            yield SitemapFile(
                sitemap_url("sitemap-articles", language=language, number=number),
                lastmod,
            )
        # The schema wants at least one URL per file: a quiet edition's news
        # file is left out of the index until it has a story again.
        latest_news = news_lastmod(edition)
        if latest_news is not None:
            yield SitemapFile(
                sitemap_url("sitemap-news", language=language), latest_news
            )


# Writing XML -------------------------------------------------------------------


def _lastmod(moment: datetime | None) -> str:
    return f"<lastmod>{w3c_datetime(moment)}</lastmod>" if moment else ""


def _url_xml(entry: UrlEntry, publication: tuple[str, str]) -> str:
    parts = [f"<url><loc>{escape(entry.loc)}</loc>", _lastmod(entry.lastmod)]
    if entry.news_published:
        name, language = publication
        parts.append(
            "<news:news><news:publication>"
            f"<news:name>{escape(name)}</news:name>"
            f"<news:language>{escape(language)}</news:language>"
            "</news:publication>"
            f"<news:publication_date>{w3c_datetime(entry.news_published)}"
            "</news:publication_date>"
            f"<news:title>{escape(entry.news_title)}</news:title>"
            "</news:news>"
        )
    if entry.image:
        parts.append(
            f"<image:image><image:loc>{escape(entry.image)}</image:loc></image:image>"
        )
    parts.append("</url>\n")
    return "".join(parts)


def _in_chunks(pieces: Iterable[str]) -> Iterator[str]:
    batch: list[str] = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) == URLS_PER_WRITE:
            yield "".join(batch)
            batch.clear()
    if batch:
        yield "".join(batch)


def write_urlset(
    entries: Iterable[UrlEntry], edition: Edition, *, news: bool = False
) -> Iterator[str]:
    namespaces = f"xmlns={quoteattr(SITEMAP_NS)} xmlns:image={quoteattr(IMAGE_NS)}"
    if news:
        namespaces += f" xmlns:news={quoteattr(NEWS_NS)}"
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {namespaces}>\n'
    publication = (edition.name, edition.language_code)
    yield from _in_chunks(_url_xml(entry, publication) for entry in entries)
    yield "</urlset>\n"


def write_index(files: Iterable[SitemapFile]) -> Iterator[str]:
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<sitemapindex xmlns={quoteattr(SITEMAP_NS)}>\n"
    )
    yield from _in_chunks(
        f"<sitemap><loc>{escape(file.loc)}</loc>{_lastmod(file.lastmod)}</sitemap>\n"
        for file in files
    )
    yield "</sitemapindex>\n"

"""The <link> elements that point feed readers and browsers at an edition's feeds
and search, chosen from what the page being rendered shows."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from masthead.articles.models import ArticlePage
from masthead.authors.models import AuthorIndexPage
from masthead.coverage.models import CoveragePage
from masthead.front.models import HomePage
from masthead.sections.models import SectionPage

from .podcasts import show_title

FEED_TYPES = (("rss", "application/rss+xml"), ("atom", "application/atom+xml"))


@dataclass(frozen=True)
class HeadLink:
    rel: str
    type: str
    title: str
    href: str


def edition_language() -> str | None:
    """The language of the edition being served, from its address prefix."""
    language = translation.get_language()
    configured = {code for code, _name in settings.LANGUAGES}
    return language if language in configured else None


def _path_below(home, page) -> str:
    """A page's path below its edition's home, e.g. "news/politics"."""
    return page.url_path[len(home.url_path) :].strip("/")


def _is_parent_section(section, article, home) -> bool:
    # The article view passes its parent (a plain Page) as `section`; articles
    # always live in a section (ArticlePage.parent_page_types).
    return (
        isinstance(section, Page)
        and section.path == article.path[: -Page.steplen]
        and section.depth > home.depth
    )


def _section_feed(section, home) -> tuple[str, str, dict]:
    return section.title, "feed-section", {"section_path": _path_below(home, section)}


def _listing_feed(context, home) -> tuple[str, str, dict] | None:
    """(title, feed URL name, URL kwargs) of the listing this page is or belongs
    to, if any: a story points at its section's feed."""
    page = context.get("page")
    if isinstance(page, ArticlePage):
        section = context.get("section")
        if not _is_parent_section(section, page, home):
            return None
        return _section_feed(section, home)
    if isinstance(page, SectionPage):
        return _section_feed(page, home)
    if isinstance(page, HomePage):
        for key, name in (("tag", "feed-tag"), ("region", "feed-region")):
            if context.get(key) is not None:
                return context[key].name, name, {"slug": context[key].slug}
    if isinstance(page, CoveragePage):
        return page.title, "feed-coverage", {"slug": page.slug}
    if isinstance(page, AuthorIndexPage) and context.get("author") is not None:
        author = context["author"]
        return author.name, "feed-author", {"slug": author.slug}
    return None


def _podcast_feed(context, home) -> tuple[str, str, dict] | None:
    """(title, URL name, URL kwargs) of the podcast the front page or a section
    page offers: the edition's or the section's. None while the site makes no
    audio (masthead.listen switched off)."""
    if not getattr(settings, "MASTHEAD_LISTEN_ENABLED", False):
        return None
    page = context.get("page")
    if isinstance(page, SectionPage):
        kwargs = {"section_path": _path_below(home, page)}
        return show_title(home.site_name, page.title), "podcast-section", kwargs
    if isinstance(page, HomePage) and context.get("front") is not None:
        return show_title(home.site_name), "podcast", {}
    return None


def head_links(context, home) -> list[HeadLink]:
    """The edition's latest feed, the listing's own feed, the podcast of the front
    page or section, and the edition's search."""
    language = edition_language()
    if language is None or home is None:
        return []
    edition = home.site_name
    feeds = [(_("%(edition)s: latest news") % {"edition": edition}, "feed-latest", {})]
    listing = _listing_feed(context, home)
    if listing is not None:
        title, name, kwargs = listing
        feeds.append((f"{edition}: {title}", name, kwargs))
    links = [
        HeadLink(
            "alternate",
            mime_type,
            title,
            reverse(
                f"syndication:{name}-{format_name}",
                kwargs={"language": language, **kwargs},
            ),
        )
        for title, name, kwargs in feeds
        for format_name, mime_type in FEED_TYPES
    ]
    podcast = _podcast_feed(context, home)
    if podcast is not None:
        title, name, kwargs = podcast
        links.append(
            HeadLink(
                "alternate",
                "application/rss+xml",
                title,
                reverse(f"syndication:{name}", kwargs={"language": language, **kwargs}),
            )
        )
    links.append(
        HeadLink(
            "search",
            "application/opensearchdescription+xml",
            edition,
            reverse("syndication:opensearch", kwargs={"language": language}),
        )
    )
    return links

"""RSS and Atom feeds of stories: one base class, a few lines per kind of listing.

A feed is a `FeedSource` (the stories, newest first, and what the feed is called)
turned into entries by `StoryFeed`. Adding a kind of feed means writing its
`source()`; the format, the full-text variant, the caching and the query budget
come with the base class (and what every edition's feed shares, with
`edition_feeds.EditionFeed`).
"""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Enclosure
from django.utils.translation import gettext as _
from taggit.models import Tag

from masthead.authors.models import Author, AuthorIndexPage
from masthead.caching import keys as surrogate_keys
from masthead.common.absolute import absolute_url
from masthead.common.listings import published_stories
from masthead.coverage.models import CoveragePage
from masthead.regions.models import Region

from .edition_feeds import BuiltFeed, EditionFeed, FeedSource, section_or_404
from .editions import Edition
from .entries import build_entries
from .feedgen import FEED_TYPES

# `?full=1` adds each story's text to its entry.
FULL_TEXT_PARAMETER = "full"


def wants_full_text(request) -> bool:
    return request.GET.get(FULL_TEXT_PARAMETER) == "1"


class StoryFeed(EditionFeed):
    """Subclasses implement `source(edition, **url_kwargs)`."""

    def __init__(self, format_name: str):
        self.feed_type = FEED_TYPES[format_name]

    def build(self, request, source, stories):
        full_text = wants_full_text(request)
        return BuiltFeed(
            source=source,
            entries=build_entries(
                stories, language_code=source.edition.language_code, full_text=full_text
            ),
            self_url=absolute_url(
                request.path + (f"?{FULL_TEXT_PARAMETER}=1" if full_text else "")
            ),
        )

    def subtitle(self, obj):
        return obj.source.description

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return item.categories

    def item_enclosures(self, item):
        if item.image is None:
            return []
        image = item.image
        return [Enclosure(image.url, str(image.length), image.mime_type)]

    def item_extra_kwargs(self, item):
        return {"authors": item.authors, "content": item.content, "image": item.image}


def _edition_stories(edition: Edition) -> QuerySet:
    return published_stories().descendant_of(edition.home)


class LatestFeed(StoryFeed):
    def source(self, edition):
        return FeedSource(
            edition=edition,
            title=_("%(edition)s: latest news") % {"edition": edition.name},
            link=edition.url_for(edition.home.url_path),
            description=edition.home.slogan or edition.name,
            stories=_edition_stories(edition),
            keys={surrogate_keys.listing(edition.home.pk)},
        )


class SectionFeed(StoryFeed):
    def source(self, edition, section_path):
        section = section_or_404(edition, section_path)
        return FeedSource(
            edition=edition,
            title=f"{edition.name}: {section.title}",
            link=edition.url_for(section.url_path),
            description=section.intro or section.title,
            stories=published_stories().descendant_of(section),
            keys={surrogate_keys.listing(section.pk)},
        )


class TagFeed(StoryFeed):
    def source(self, edition, slug):
        tag = get_object_or_404(Tag, slug=slug)
        listing = edition.home.reverse_subpage("tag", kwargs={"slug": tag.slug})
        return FeedSource(
            edition=edition,
            title=f"{edition.name}: {tag.name}",
            link=edition.url_for(edition.home.url_path + listing),
            description=_("Stories tagged %(tag)s") % {"tag": tag.name},
            stories=_edition_stories(edition).filter(tags=tag),
            keys={surrogate_keys.tag(tag.pk)},
        )


class RegionFeed(StoryFeed):
    def source(self, edition, slug):
        region = get_object_or_404(Region, locale_id=edition.home.locale_id, slug=slug)
        listing = edition.home.reverse_subpage("region", kwargs={"slug": region.slug})
        return FeedSource(
            edition=edition,
            title=f"{edition.name}: {region.name}",
            link=edition.url_for(edition.home.url_path + listing),
            description=_("Stories about %(region)s") % {"region": region.name},
            stories=_edition_stories(edition).filter(regions=region),
            keys={surrogate_keys.region(region.pk)},
        )


class AuthorFeed(StoryFeed):
    def source(self, edition, slug):
        author = get_object_or_404(Author, locale_id=edition.home.locale_id, slug=slug)
        directory = AuthorIndexPage.objects.live().descendant_of(edition.home).first()
        link = (
            edition.url_for(
                directory.url_path
                + directory.reverse_subpage("author_page", kwargs={"slug": slug})
            )
            if directory
            else edition.url_for(edition.home.url_path)
        )
        return FeedSource(
            edition=edition,
            title=f"{edition.name}: {author.name}",
            link=link,
            description=author.role or author.name,
            stories=_edition_stories(edition).filter(authors__author=author),
            keys={surrogate_keys.author(author.pk)},
        )


class CoverageFeed(StoryFeed):
    def source(self, edition, slug):
        hub = get_object_or_404(
            CoveragePage.objects.live().public().descendant_of(edition.home), slug=slug
        )
        return FeedSource(
            edition=edition,
            title=f"{edition.name}: {hub.title}",
            link=edition.url_for(hub.url_path),
            description=hub.intro or hub.title,
            stories=hub.tagged_stories(),
            keys={surrogate_keys.hub(hub.pk)},
        )

"""RSS and Atom feeds of stories: one base class, a few lines per kind of listing.

A feed is a `FeedSource` (the stories, newest first, and what the feed is called)
turned into entries by `StoryFeed`. Adding a kind of feed means writing its
`source()`; the format, the full-text variant, the caching and the query budget
come with the base class.
"""

from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.feedgenerator import Enclosure
from django.utils.translation import gettext as _
from taggit.models import Tag

from masthead.authors.models import Author, AuthorIndexPage
from masthead.caching import keys as surrogate_keys
from masthead.common.absolute import absolute_url
from masthead.common.listings import published_stories
from masthead.coverage.models import CoveragePage
from masthead.regions.models import Region
from masthead.sections.models import SectionPage

from .conf import feed_items
from .editions import Edition, edition_or_404
from .entries import FeedEntry, build_entries
from .feedgen import FEED_TYPES

# `?full=1` adds each story's text to its entry.
FULL_TEXT_PARAMETER = "full"


def wants_full_text(request) -> bool:
    return request.GET.get(FULL_TEXT_PARAMETER) == "1"


@dataclass
class FeedSource:
    edition: Edition
    title: str
    link: str  # the listing page the feed mirrors
    description: str
    stories: QuerySet  # newest first
    # Surrogate keys of the listing the feed mirrors, so a front cache can keep
    # the feed until a story enters or leaves it.
    keys: set[str] = field(default_factory=set)


@dataclass
class BuiltFeed:
    source: FeedSource
    entries: list[FeedEntry]
    self_url: str


class StoryFeed(Feed):
    """Subclasses implement `source(edition, **url_kwargs)`."""

    def __init__(self, format_name: str):
        self.feed_type = FEED_TYPES[format_name]

    def source(self, edition: Edition, **kwargs) -> FeedSource:
        raise NotImplementedError

    def __call__(self, request, language, **kwargs):
        # Feeds live outside the language prefixes; the edition's language names
        # the feed and dates its corrections.
        with translation.override(language):
            return super().__call__(request, language=language, **kwargs)

    def get_object(self, request, language, **kwargs):
        edition = edition_or_404(language)
        source = self.source(edition, **kwargs)
        full_text = wants_full_text(request)
        stories = list(source.stories[: feed_items()])
        surrogate_keys.add(*source.keys, *(surrogate_keys.page(s.pk) for s in stories))
        return BuiltFeed(
            source=source,
            entries=build_entries(
                stories, language_code=edition.language_code, full_text=full_text
            ),
            self_url=absolute_url(
                request.path + (f"?{FULL_TEXT_PARAMETER}=1" if full_text else "")
            ),
        )

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.source.edition.language_code
        return feed

    def title(self, obj):
        return obj.source.title

    def link(self, obj):
        return obj.source.link

    def description(self, obj):
        return obj.source.description

    def subtitle(self, obj):
        return obj.source.description

    def feed_url(self, obj):
        return obj.self_url

    def author_name(self, obj):
        return obj.source.edition.name

    def items(self, obj):
        return obj.entries

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.link

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published

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
        section = get_object_or_404(
            SectionPage.objects.live().descendant_of(edition.home),
            url_path=f"{edition.home.url_path}{section_path}/",
        )
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

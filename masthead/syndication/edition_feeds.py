"""What the feeds of an edition's listings share, whether their entries are stories
(`feeds.StoryFeed`, RSS and Atom) or a podcast's episodes (`podcasts.PodcastFeed`).

A feed is a `FeedSource` (the stories, newest first, and what the feed is called)
built into entries by a subclass of `EditionFeed`: the subclass says how a story
becomes an entry, the base class finds the edition, takes the newest stories,
records the surrogate keys and names the feed in the edition's language.
"""

from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import translation

from masthead.caching import keys as surrogate_keys
from masthead.sections.models import SectionPage

from .conf import feed_items
from .editions import Edition, edition_or_404


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


def section_or_404(edition: Edition, section_path: str) -> SectionPage:
    """The edition's live section at `section_path` ("news/politics")."""
    return get_object_or_404(
        SectionPage.objects.live().descendant_of(edition.home),
        url_path=f"{edition.home.url_path}{section_path}/",
    )


@dataclass
class BuiltFeed:
    source: FeedSource
    # Newest first, each with a title, link, summary and published date.
    entries: list
    self_url: str


class EditionFeed(Feed):
    """Subclasses implement `source(edition, **url_kwargs)`, the listing, and
    `build(request, source, stories)`, the feed of its newest stories."""

    def source(self, edition: Edition, **kwargs) -> FeedSource:
        raise NotImplementedError

    def build(self, request, source: FeedSource, stories: list) -> BuiltFeed:
        raise NotImplementedError

    def __call__(self, request, language, **kwargs):
        # Feeds live outside the language prefixes; the edition's language names
        # the feed and dates what it shows.
        with translation.override(language):
            return super().__call__(request, language=language, **kwargs)

    def get_object(self, request, language, **kwargs):
        edition = edition_or_404(language)
        source = self.source(edition, **kwargs)
        stories = list(source.stories[: feed_items()])
        surrogate_keys.add(*source.keys, *(surrogate_keys.page(s.pk) for s in stories))
        return self.build(request, source, stories)

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

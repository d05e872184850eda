"""Podcast feeds: an edition's stories, or a section's, as the episodes of a show,
their spoken versions (masthead.listen) as the enclosures.

RSS 2.0 with the tags Apple Podcasts reads (which the other podcast apps read
too). The enclosure is the MP3: every podcast app plays it, where Opus is not
played everywhere. A story is an episode while its audio has files, so a story
keeps its episode while a newer version of its audio is being made.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.utils import translation
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from masthead.caching import keys as surrogate_keys
from masthead.common.absolute import absolute_url
from masthead.common.listings import published_stories
from masthead.sections.models import SectionPage

from .conf import feed_items
from .editions import Edition, edition_or_404

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ARTWORK = "img/icon-512.png"
CATEGORY = "News"
AUDIO_TYPE = "audio/mpeg"


def clock_duration(seconds: float) -> str:
    """HH:MM:SS, as Apple documents itunes:duration; at least one second."""
    whole = max(1, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"


def show_title(edition_name: str, section_title: str | None = None) -> str:
    """What a podcast is called, in the active language."""
    if section_title is None:
        return _("%(edition)s: Listen") % {"edition": edition_name}
    return _("%(edition)s: %(section)s, Listen") % {
        "edition": edition_name,
        "section": section_title,
    }


def playable_stories() -> QuerySet:
    """Live, public stories whose audio has its files, newest first, each with
    its audio joined (`story.spoken_audio`), in one query.

    `__gt=""` is "not empty" as a join condition, the same test as
    `ArticleAudio.is_playable`, whatever the audio's status."""
    return (
        published_stories()
        .prefetch_related(None)  # the lead pictures' renditions: not shown here
        .select_related("spoken_audio")
        .filter(
            spoken_audio__mp3__gt="",
            spoken_audio__opus__gt="",
            spoken_audio__duration__gt=0,
        )
    )


@dataclass
class Show:
    edition: Edition
    title: str
    link: str  # the listing page the show mirrors
    description: str
    stories: QuerySet  # newest first, audio joined
    # The listing's key (a story published or unpublished); the edition's
    # podcast key (a story's audio made) is added to every show.
    keys: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Episode:
    title: str
    link: str
    summary: str
    published: datetime
    audio_url: str
    audio_bytes: int
    duration: str  # HH:MM:SS


@dataclass
class BuiltShow:
    show: Show
    episodes: list[Episode]
    self_url: str
    artwork: str


class PodcastRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES_NS}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.startElement("image", {})
        handler.addQuickElement("url", feed["artwork"])
        handler.addQuickElement("title", feed["title"])
        handler.addQuickElement("link", feed["link"])
        handler.endElement("image")
        handler.addQuickElement("itunes:image", attrs={"href": feed["artwork"]})
        handler.addQuickElement("itunes:author", feed["author_name"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.addQuickElement("itunes:category", attrs={"text": CATEGORY})
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:type", "episodic")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:duration", item["duration"])
        handler.addQuickElement("itunes:episodeType", "full")
        handler.addQuickElement("itunes:explicit", "false")


class PodcastFeed(Feed):
    """Subclasses implement `show(edition, **url_kwargs)`."""

    feed_type = PodcastRssFeed

    def show(self, edition: Edition, **kwargs) -> Show:
        raise NotImplementedError

    def __call__(self, request, language, **kwargs):
        # Feeds live outside the language prefixes; the edition's language names
        # the show.
        with translation.override(language):
            return super().__call__(request, language=language, **kwargs)

    def get_object(self, request, language, **kwargs):
        edition = edition_or_404(language)
        show = self.show(edition, **kwargs)
        stories = list(show.stories[: feed_items()])
        surrogate_keys.add(
            surrogate_keys.podcast(edition.language_code),
            *show.keys,
            *(surrogate_keys.page(story.pk) for story in stories),
        )
        return BuiltShow(
            show=show,
            episodes=[_episode(story, edition) for story in stories],
            self_url=absolute_url(request.path),
            artwork=absolute_url(static(ARTWORK)),
        )

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.show.edition.language_code
        return feed

    def feed_extra_kwargs(self, obj):
        return {"artwork": obj.artwork}

    def title(self, obj):
        return obj.show.title

    def link(self, obj):
        return obj.show.link

    def description(self, obj):
        return obj.show.description

    def feed_url(self, obj):
        return obj.self_url

    def author_name(self, obj):
        return obj.show.edition.name

    def items(self, obj):
        return obj.episodes

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return item.link

    def item_guid_is_permalink(self, item):
        return True

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published

    def item_enclosures(self, item):
        return [Enclosure(item.audio_url, str(item.audio_bytes), AUDIO_TYPE)]

    def item_extra_kwargs(self, item):
        return {"duration": item.duration}


def _episode(story, edition: Edition) -> Episode:
    audio = story.spoken_audio
    return Episode(
        title=story.title,
        link=edition.url_for(story.url_path),
        summary=story.standfirst,
        published=story.first_published_at,
        audio_url=absolute_url(audio.mp3.url),
        audio_bytes=audio.mp3_bytes,
        duration=clock_duration(audio.duration),
    )


class EditionPodcast(PodcastFeed):
    def show(self, edition):
        return Show(
            edition=edition,
            title=show_title(edition.name),
            link=edition.url_for(edition.home.url_path),
            description=_("The stories of %(edition)s, read aloud.")
            % {"edition": edition.name},
            stories=playable_stories().descendant_of(edition.home),
            keys={surrogate_keys.listing(edition.home.pk)},
        )


class SectionPodcast(PodcastFeed):
    def show(self, edition, section_path):
        section = get_object_or_404(
            SectionPage.objects.live().descendant_of(edition.home),
            url_path=f"{edition.home.url_path}{section_path}/",
        )
        names = {"edition": edition.name, "section": section.title}
        return Show(
            edition=edition,
            title=show_title(edition.name, section.title),
            link=edition.url_for(section.url_path),
            description=_("The %(section)s stories of %(edition)s, read aloud.")
            % names,
            stories=playable_stories().descendant_of(section),
            keys={surrogate_keys.listing(section.pk)},
        )

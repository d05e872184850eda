"""Podcast feeds: an edition's stories, or a section's, as the episodes of a show,
their spoken versions (masthead.listen) as the enclosures.

RSS 2.0 with the tags Apple Podcasts reads (which the other podcast apps read
too). The enclosure is the MP3: every podcast app plays it, where Opus is not
played everywhere. A story is an episode while its audio has files, so a story
keeps its episode while a newer version of its audio is being made.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.templatetags.static import static
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from masthead.caching import keys as surrogate_keys
from masthead.common.absolute import absolute_url
from masthead.common.listings import published_stories

from .edition_feeds import BuiltFeed, EditionFeed, FeedSource, section_or_404
from .editions import Edition

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
class BuiltShow(BuiltFeed):
    """A show: its `entries` are `Episode`s."""

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


class PodcastFeed(EditionFeed):
    """Subclasses implement `source(edition, **url_kwargs)`: the show, its stories
    `playable_stories()` (newest first, audio joined), its keys the listing's (a
    story published or unpublished)."""

    feed_type = PodcastRssFeed

    def build(self, request, source, stories):
        edition = source.edition
        # The edition's podcast key is on every show: a story's audio made.
        surrogate_keys.add(surrogate_keys.podcast(edition.language_code))
        return BuiltShow(
            source=source,
            entries=[_episode(story, edition) for story in stories],
            self_url=absolute_url(request.path),
            artwork=absolute_url(static(ARTWORK)),
        )

    def feed_extra_kwargs(self, obj):
        return {"artwork": obj.artwork}

    def item_guid(self, item):
        return item.link

    def item_guid_is_permalink(self, item):
        return True

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
    def source(self, edition):
        return FeedSource(
            edition=edition,
            title=show_title(edition.name),
            link=edition.url_for(edition.home.url_path),
            description=_("The stories of %(edition)s, read aloud.")
            % {"edition": edition.name},
            stories=playable_stories().descendant_of(edition.home),
            keys={surrogate_keys.listing(edition.home.pk)},
        )


class SectionPodcast(PodcastFeed):
    def source(self, edition, section_path):
        section = section_or_404(edition, section_path)
        names = {"edition": edition.name, "section": section.title}
        return FeedSource(
            edition=edition,
            title=show_title(edition.name, section.title),
            link=edition.url_for(section.url_path),
            description=_("The %(section)s stories of %(edition)s, read aloud.")
            % names,
            stories=playable_stories().descendant_of(section),
            keys={surrogate_keys.listing(section.pk)},
        )

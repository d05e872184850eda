"""Podcast feeds: an edition's or a section's stories, their spoken versions as the
episodes, read as Apple Podcasts and the other podcast apps read them."""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from lxml import etree

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticlePageFactory
from masthead.caching import keys
from masthead.caching.models import CachedResponse
from masthead.caching.purge import purge
from masthead.listen.models import ArticleAudio, AudioStatus
from masthead.sections.tests.factories import SectionPageFactory
from masthead.syndication.podcasts import clock_duration

from .helpers import body_of, path_of

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "atom": "http://www.w3.org/2005/Atom",
}
# An MPEG audio frame header and some padding: podcast apps are not asked to
# play it here, only the feed to describe it.
MP3 = b"\xff\xfb\x90\x64" + b"\x00" * 413
OPUS = b"OggS" + b"\x00" * 200


def give_audio(story, *, duration=65.4, status=AudioStatus.READY, files=True):
    """The story's spoken version, its files in default storage (or none yet)."""
    made = {}
    if files:
        language = story.locale.language_code
        made = {
            "mp3": default_storage.save(
                f"listen/{language}/{story.pk}-abc.mp3", ContentFile(MP3)
            ),
            "opus": default_storage.save(
                f"listen/{language}/{story.pk}-abc.opus", ContentFile(OPUS)
            ),
            "mp3_bytes": len(MP3),
            "opus_bytes": len(OPUS),
            "duration": duration,
        }
    return ArticleAudio.objects.create(page_id=story.pk, status=status, **made)


def published_at(story, moment: datetime):
    ArticlePage.objects.filter(pk=story.pk).update(first_published_at=moment)


def podcast(client, url):
    """The feed parsed as XML (the channel), after checking feedparser reads it."""
    body = body_of(client.get(url))
    assert not feedparser.parse(body).bozo, url
    document = etree.fromstring(body)
    assert document.tag == "rss"
    assert document.get("version") == "2.0"
    return document.find("channel")


def titles(channel) -> list[str]:
    return channel.xpath("item/title/text()")


@pytest.fixture
def episode(article):
    give_audio(article)
    return article


def test_the_feed_is_rss_with_the_apple_podcasts_tags(client, episode, home):
    response = client.get("/feeds/en/podcast.rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    document = etree.fromstring(body_of(response))
    channel = document.find("channel")

    assert document.nsmap["itunes"] == NS["itunes"]
    assert document.nsmap["atom"] == NS["atom"]
    assert channel.findtext("title") == "The Masthead: Listen"
    assert channel.findtext("link") == f"{BASE}/"
    assert channel.findtext("description")
    assert channel.findtext("language") == "en"
    self_link = channel.find("atom:link", NS)
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == f"{BASE}/feeds/en/podcast.rss"
    assert channel.findtext("itunes:author", namespaces=NS) == home.site_name
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("itunes:type", namespaces=NS) == "episodic"
    assert channel.find("itunes:category", NS).get("text") == "News"
    artwork = f"{BASE}/static/img/icon-512.png"
    assert channel.find("itunes:image", NS).get("href") == artwork
    assert channel.findtext("image/url") == artwork
    assert channel.findtext("image/title") == "The Masthead: Listen"
    assert channel.findtext("image/link") == f"{BASE}/"
    assert finders.find("img/icon-512.png")


def test_an_episode_is_the_story_with_its_mp3(client, episode):
    audio = episode.spoken_audio
    item = podcast(client, "/feeds/en/podcast.rss").find("item")

    link = f"{BASE}{episode.url}"
    assert item.findtext("title") == episode.title
    assert item.findtext("link") == link
    guid = item.find("guid")
    assert (guid.text, guid.get("isPermaLink")) == (link, "true")
    assert item.findtext("description") == episode.standfirst
    assert item.findtext("pubDate")
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == f"{BASE}/media/{audio.mp3.name}"
    assert enclosure.get("length") == str(len(MP3))
    assert enclosure.get("type") == "audio/mpeg"
    assert default_storage.exists(audio.mp3.name)
    assert item.findtext("itunes:duration", namespaces=NS) == "00:01:05"
    assert item.findtext("itunes:episodeType", namespaces=NS) == "full"
    assert item.findtext("itunes:explicit", namespaces=NS) == "false"
    assert client.get(path_of(link)).status_code == 200


@pytest.mark.parametrize(
    ("seconds", "clock"),
    [(0.2, "00:00:01"), (59.6, "00:01:00"), (65.4, "00:01:05"), (3725, "01:02:05")],
)
def test_durations_are_hours_minutes_seconds(seconds, clock):
    assert clock_duration(seconds) == clock


def test_only_live_stories_with_their_files_are_episodes(client, episode, politics):
    ArticlePageFactory(parent=politics, title="No audio yet")
    pending = ArticlePageFactory(parent=politics, title="Audio waiting")
    give_audio(pending, status=AudioStatus.PENDING, files=False)
    failed = ArticlePageFactory(parent=politics, title="Audio failed")
    give_audio(failed, status=AudioStatus.FAILED, files=False)
    withdrawn = ArticlePageFactory(parent=politics, title="Withdrawn")
    give_audio(withdrawn)
    withdrawn.unpublish()
    # Its text changed: the new version is being made, the old one stays.
    remade = ArticlePageFactory(parent=politics, title="Being remade")
    give_audio(remade, status=AudioStatus.PROCESSING)

    channel = podcast(client, "/feeds/en/podcast.rss")

    assert sorted(titles(channel)) == sorted([episode.title, remade.title])


def test_episodes_are_newest_first(client, politics, episode):
    older = ArticlePageFactory(parent=politics, title="Older")
    newer = ArticlePageFactory(parent=politics, title="Newer")
    for story in (older, newer):
        give_audio(story)
    now = datetime(2026, 5, 1, 12, tzinfo=UTC)
    published_at(newer, now)
    published_at(episode, now - timedelta(hours=1))
    published_at(older, now - timedelta(days=1))

    channel = podcast(client, "/feeds/en/podcast.rss")

    assert titles(channel) == ["Newer", episode.title, "Older"]


def test_a_feed_has_at_most_the_configured_number_of_episodes(
    client, settings, politics
):
    settings.SYNDICATION_FEED_ITEMS = 2
    for number in range(3):
        give_audio(ArticlePageFactory(parent=politics, title=f"Story {number}"))

    assert len(titles(podcast(client, "/feeds/en/podcast.rss"))) == 2


def test_a_section_podcast_has_only_its_stories(client, episode, home, news):
    sport = SectionPageFactory(parent=home, title="Sport", slug="sport")
    match = ArticlePageFactory(parent=sport, title="Cup final tonight")
    give_audio(match)

    politics = podcast(client, "/feeds/en/podcast/sections/news/politics.rss")
    whole_news = podcast(client, "/feeds/en/podcast/sections/news.rss")
    sports = podcast(client, "/feeds/en/podcast/sections/sport.rss")
    edition = podcast(client, "/feeds/en/podcast.rss")

    assert titles(politics) == titles(whole_news) == [episode.title]
    assert titles(sports) == [match.title]
    assert titles(edition) == [match.title, episode.title]
    assert politics.findtext("title") == "The Masthead: Politics, Listen"
    assert politics.findtext("link") == f"{BASE}/news/politics/"
    assert (
        politics.find("atom:link", NS).get("href")
        == f"{BASE}/feeds/en/podcast/sections/news/politics.rss"
    )


def test_each_edition_has_its_own_podcast(client, episode, arabic_news):
    arabic = ArticlePageFactory(
        parent=arabic_news, title="قمة إقليمية في القاهرة", authors=[]
    )
    give_audio(arabic, duration=125)

    english = podcast(client, "/feeds/en/podcast.rss")
    channel = podcast(client, "/feeds/ar/podcast.rss")
    section = podcast(client, "/feeds/ar/podcast/sections/akhbar.rss")

    assert titles(english) == [episode.title]
    assert titles(channel) == titles(section) == [arabic.title]
    assert channel.findtext("language") == "ar"
    assert channel.findtext("link") == f"{BASE}/ar/"
    assert channel.findtext("itunes:author", namespaces=NS) == arabic_news.get_parent(
    ).specific.site_name  # fmt: skip
    item = channel.find("item")
    assert path_of(item.findtext("link")).startswith("/ar/")
    assert client.get(path_of(item.findtext("link"))).status_code == 200
    assert item.find("enclosure").get("url").startswith(f"{BASE}/media/listen/ar/")
    assert item.findtext("itunes:duration", namespaces=NS) == "00:02:05"


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/xx/podcast.rss",
        "/feeds/es/podcast.rss",  # no Spanish edition yet
        "/feeds/en/podcast.atom",
        "/feeds/en/podcast/sections/nowhere.rss",
        "/feeds/en/podcast/sections/news/nowhere.rss",
        "/feeds/ar/podcast.rss",  # no Arabic edition in this test
    ],
)
def test_unknown_podcasts_are_not_found(client, episode, url):
    assert client.get(url).status_code == 404


def test_a_section_of_another_edition_is_not_found(client, episode, arabic_news):
    assert client.get("/feeds/ar/podcast/sections/news.rss").status_code == 404
    assert client.get("/feeds/en/podcast/sections/akhbar.rss").status_code == 404


def test_the_routes_are_named(episode):
    assert reverse("syndication:podcast", kwargs={"language": "ar"}) == (
        "/feeds/ar/podcast.rss"
    )
    assert reverse(
        "syndication:podcast-section",
        kwargs={"language": "en", "section_path": "news/politics"},
    ) == "/feeds/en/podcast/sections/news/politics.rss"  # fmt: skip


def test_podcasts_are_kept_by_the_page_cache_with_their_keys(
    client, page_cache, episode, home, politics
):
    edition = client.get("/feeds/en/podcast.rss")
    section = client.get("/feeds/en/podcast/sections/news/politics.rss")

    assert "s-maxage" in edition["Cache-Control"]
    assert set(edition["Surrogate-Key"].split()) == {
        keys.podcast("en"),
        keys.listing(home.pk),
        keys.page(episode.pk),
    }
    assert set(section["Surrogate-Key"].split()) == {
        keys.podcast("en"),
        keys.listing(politics.pk),
        keys.page(episode.pk),
    }
    assert CachedResponse.objects.filter(url__contains="/podcast").count() == 2


def test_new_audio_purges_the_editions_podcasts(
    client, page_cache, episode, politics, django_capture_on_commit_callbacks
):
    newer = ArticlePageFactory(parent=politics, title="Ceasefire announced")
    client.get("/feeds/en/podcast.rss")
    client.get("/feeds/en/podcast/sections/news/politics.rss")
    assert CachedResponse.objects.count() == 2

    # What masthead.listen.building does once a story's files are made.
    with django_capture_on_commit_callbacks(execute=True):
        give_audio(newer)
        purge({keys.audio(newer.pk), keys.podcast("en")})

    assert CachedResponse.objects.count() == 0
    assert titles(podcast(client, "/feeds/en/podcast.rss"))[0] == newer.title


def test_unpublishing_a_story_purges_the_podcasts_it_was_in(
    client, page_cache, episode, django_capture_on_commit_callbacks
):
    client.get("/feeds/en/podcast.rss")

    with django_capture_on_commit_callbacks(execute=True):
        episode.unpublish()

    assert CachedResponse.objects.count() == 0
    assert titles(podcast(client, "/feeds/en/podcast.rss")) == []


# What any feed of an edition costs (the edition and its address: 4; the view
# restrictions: 1), then one query for the stories with their audio joined.
PODCAST_QUERIES = 6


@pytest.mark.parametrize("count", [1, 8])
def test_a_podcast_costs_the_same_queries_for_one_episode_or_many(
    client, politics, image, count, django_assert_num_queries
):
    for number in range(count):
        give_audio(
            ArticlePageFactory(parent=politics, lead_image=image, title=f"S{number}")
        )

    with django_assert_num_queries(PODCAST_QUERIES):
        channel = podcast(client, "/feeds/en/podcast.rss")
    assert len(titles(channel)) == count


@pytest.mark.parametrize("count", [1, 8])
def test_a_section_podcast_costs_one_query_more(
    client, politics, count, django_assert_num_queries
):
    for number in range(count):
        give_audio(ArticlePageFactory(parent=politics, title=f"S{number}"))

    with django_assert_num_queries(PODCAST_QUERIES + 1):  # the section
        channel = podcast(client, "/feeds/en/podcast/sections/news/politics.rss")
    assert len(titles(channel)) == count


def feed_links(client, path) -> list[tuple[str, str, str]]:
    response = client.get(path)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html5lib")
    return [
        (link["type"], link["title"], link["href"])
        for link in soup.select("head link[rel=alternate][type]")
    ]


def test_the_front_page_and_sections_link_their_podcasts(
    client, settings, episode, arabic_news
):
    # Publishing stays as it was: only what pages link to is looked at here.
    settings.MASTHEAD_LISTEN_ENABLED = True
    rss = "application/rss+xml"

    front = feed_links(client, "/")
    section = feed_links(client, "/news/politics/")
    story = feed_links(client, episode.url)
    tag = feed_links(client, "/tags/iran/")
    arabic = feed_links(client, arabic_news.url)

    assert front[-1] == (rss, "The Masthead: Listen", "/feeds/en/podcast.rss")
    assert section[-1] == (
        rss,
        "The Masthead: Politics, Listen",
        "/feeds/en/podcast/sections/news/politics.rss",
    )
    assert arabic[-1][2] == "/feeds/ar/podcast/sections/akhbar.rss"
    for links in (story, tag):
        assert not [href for _, _, href in links if "/podcast" in href]
    for _type, _title, href in front + section:
        if "/podcast" in href:
            assert podcast(client, href).find("item") is not None


def test_no_podcast_is_linked_while_the_site_makes_no_audio(client, settings, episode):
    settings.MASTHEAD_LISTEN_ENABLED = False

    for path in ("/", "/news/politics/"):
        assert not [href for *_, href in feed_links(client, path) if "podcast" in href]

"""RSS and Atom feeds: they parse, link to live pages and carry the whole entry."""

from datetime import UTC, datetime

import pytest

from masthead.articles.models import ArticleCorrection, ArticlePage
from masthead.articles.tests.factories import ArticlePageFactory, paragraphs
from masthead.authors.models import AuthorIndexPage
from masthead.authors.tests.factories import AuthorFactory
from masthead.caching.models import CachedResponse
from masthead.media.renditions import ARTICLE_LEAD_SPECS
from masthead.syndication.entries import FEED_IMAGE_SPEC

from .helpers import parsed_feed, path_of

pytestmark = pytest.mark.django_db

FORMATS = ["rss", "atom"]


@pytest.fixture
def directory(home):
    page = home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
    page.save_revision().publish(skip_permission_checks=True)
    return page


@pytest.fixture
def newsroom(article, politics, directory):
    """The conftest story (tagged Iran and Russia, in MENA, by Lina Haddad) and one
    more."""
    other = ArticlePageFactory(parent=politics, title="Budget vote delayed")
    return article, other


FEED_URLS = [
    "/feeds/en/latest.{}",
    "/feeds/en/sections/news.{}",
    "/feeds/en/sections/news/politics.{}",
    "/feeds/en/tags/iran.{}",
    "/feeds/en/regions/mena.{}",
    "/feeds/en/authors/lina-haddad.{}",
]


@pytest.mark.parametrize("format_name", FORMATS)
@pytest.mark.parametrize("url", FEED_URLS)
def test_every_feed_parses_and_links_to_live_pages(client, newsroom, url, format_name):
    feed = parsed_feed(client, url.format(format_name))

    assert feed.entries
    assert client.get(path_of(feed.feed.link)).status_code == 200
    for entry in feed.entries:
        assert client.get(path_of(entry.link)).status_code == 200


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_feed_lists_only_its_stories_newest_first(client, newsroom, format_name):
    article, other = newsroom

    latest = parsed_feed(client, f"/feeds/en/latest.{format_name}")
    tagged = parsed_feed(client, f"/feeds/en/tags/iran.{format_name}")

    assert [entry.title for entry in latest.entries] == [other.title, article.title]
    assert [entry.title for entry in tagged.entries] == [article.title]


@pytest.mark.parametrize("format_name", FORMATS)
def test_an_entry_carries_what_readers_show(client, article, format_name):
    second = AuthorFactory(name="Omar Said")
    article.authors.create(author=second, sort_order=1)
    article.save_revision().publish(skip_permission_checks=True)

    entry = parsed_feed(client, f"/feeds/en/latest.{format_name}").entries[0]

    assert entry.title == article.title
    assert article.standfirst in entry.summary
    assert entry.published_parsed is not None
    assert entry.updated_parsed is not None
    names = [author["name"] for author in entry.get("authors", [])]
    assert names == ["Lina Haddad", "Omar Said"]
    assert [tag.term for tag in entry.tags] == ["Politics", "Iran", "Russia"]


@pytest.mark.parametrize("format_name", FORMATS)
def test_the_lead_picture_is_a_large_jpeg_in_media_rss_and_an_enclosure(
    client, article, format_name
):
    feed = parsed_feed(client, f"/feeds/en/latest.{format_name}")
    entry = feed.entries[0]

    assert feed.namespaces.get("media") == "http://search.yahoo.com/mrss/"
    media = entry.media_content[0]
    assert media["medium"] == "image"
    assert media["type"] == "image/jpeg"
    assert (media["width"], media["height"]) == ("1280", "720")
    assert int(media["filesize"]) > 0
    assert media["url"].startswith("http://127.0.0.1:8000/media/")
    enclosure = entry.enclosures[0]
    assert enclosure["href"] == media["url"]
    assert enclosure["type"] == "image/jpeg"
    assert int(enclosure["length"]) == int(media["filesize"])


def test_the_feed_picture_is_one_made_ahead_on_publishing():
    assert FEED_IMAGE_SPEC in ARTICLE_LEAD_SPECS


@pytest.mark.parametrize("format_name", FORMATS)
def test_corrections_are_in_the_entry(client, article, format_name):
    article.corrections = [
        ArticleCorrection(
            noted_at=datetime(2026, 11, 2, tzinfo=UTC),
            text="The meeting was in Tehran.",
        )
    ]
    article.save_revision().publish(skip_permission_checks=True)
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=datetime(2026, 11, 1, tzinfo=UTC)
    )

    entry = parsed_feed(client, f"/feeds/en/latest.{format_name}").entries[0]

    assert "Correction, 2 November 2026:" in entry.summary
    assert "The meeting was in Tehran." in entry.summary
    assert entry.updated_parsed[:3] == (2026, 11, 2)


@pytest.mark.parametrize("format_name", FORMATS)
def test_full_text_only_when_asked_for(client, politics, format_name):
    ArticlePageFactory(
        parent=politics,
        body=paragraphs("First paragraph of the story.", "A <b>bold</b> second one."),
    )

    summary = parsed_feed(client, f"/feeds/en/latest.{format_name}").entries[0]
    full = parsed_feed(client, f"/feeds/en/latest.{format_name}?full=1").entries[0]

    assert "content" not in summary
    text = full.content[0].value
    assert "First paragraph of the story." in text
    assert "<b>bold</b>" in text


def test_links_inside_the_full_text_are_absolute(client, politics, article):
    link = f'<a linktype="page" id="{article.pk}">earlier story</a>'
    ArticlePageFactory(parent=politics, body=paragraphs(f"See the {link}."))

    entry = parsed_feed(client, "/feeds/en/latest.rss?full=1").entries[0]

    assert f'href="http://127.0.0.1:8000{article.url}"' in entry.content[0].value


@pytest.mark.parametrize("format_name", FORMATS)
def test_the_feed_names_its_edition_and_language(client, article, format_name):
    feed = parsed_feed(client, f"/feeds/en/sections/news/politics.{format_name}")

    assert feed.feed.title == "The Masthead: Politics"
    assert feed.feed.get("language", "en") == "en"
    assert path_of(feed.feed.link) == "/news/politics/"


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/en/sections/nowhere.rss",
        "/feeds/en/tags/no-such-tag.rss",
        "/feeds/en/regions/atlantis.atom",
        "/feeds/en/authors/nobody.atom",
        "/feeds/es/latest.rss",  # no Spanish edition yet
        "/feeds/xx/latest.rss",
        "/feeds/en/latest.json",
    ],
)
def test_unknown_feeds_are_not_found(client, article, url):
    assert client.get(url).status_code == 404


def test_fifty_stories_cost_no_more_queries_than_five(
    client, politics, image, django_assert_max_num_queries
):
    authors = [AuthorFactory(), AuthorFactory()]
    stories = []
    for number in range(50):
        story = ArticlePageFactory(
            parent=politics, lead_image=image, authors=authors, title=f"Story {number}"
        )
        story.tags.add("Iran", f"Topic {number}")
        story.corrections.create(text="A name was misspelt.")
        story.save_revision().publish(skip_permission_checks=True)
        stories.append(story)
    image.get_renditions(FEED_IMAGE_SPEC)  # made on publishing in production

    # A constant budget: the same for 50 entries as it would be for 5.
    with django_assert_max_num_queries(12):
        feed = parsed_feed(client, "/feeds/en/latest.atom?full=1")
    assert len(feed.entries) == 50


def test_feeds_are_kept_by_the_page_cache_with_their_keys(
    client, page_cache, article, politics
):
    response = client.get("/feeds/en/latest.rss")
    keys = set(response["Surrogate-Key"].split())

    assert "s-maxage" in response["Cache-Control"]
    assert {f"listing:{article.get_parent().get_parent().get_parent().pk}",
            f"page:{article.pk}"} <= keys  # fmt: skip
    assert CachedResponse.objects.filter(url__endswith="/feeds/en/latest.rss").exists()


def test_the_full_text_is_kept_apart_from_the_summary(client, page_cache, article):
    summary = client.get("/feeds/en/latest.rss").content
    full = client.get("/feeds/en/latest.rss?full=1").content

    assert summary != full
    assert CachedResponse.objects.count() == 2


def test_publishing_a_story_purges_the_feeds_it_enters(
    client, page_cache, article, politics, django_capture_on_commit_callbacks
):
    client.get("/feeds/en/latest.rss")
    client.get(f"/feeds/en/sections/{politics.url.strip('/')}.rss")

    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(parent=politics, title="Ceasefire announced")

    assert CachedResponse.objects.count() == 0
    titles = [
        entry.title for entry in parsed_feed(client, "/feeds/en/latest.rss").entries
    ]
    assert titles[0] == "Ceasefire announced"


def test_unpublishing_a_story_purges_the_feeds_it_was_in(
    client, page_cache, article, django_capture_on_commit_callbacks
):
    parsed_feed(client, "/feeds/en/latest.rss")

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert CachedResponse.objects.count() == 0
    assert parsed_feed(client, "/feeds/en/latest.rss").entries == []


def test_each_edition_has_its_own_feeds(client, article, arabic_news):
    arabic = ArticlePageFactory(
        parent=arabic_news, title="قمة إقليمية في القاهرة", authors=[]
    )

    english = parsed_feed(client, "/feeds/en/latest.atom")
    feed = parsed_feed(client, "/feeds/ar/latest.atom")

    assert [entry.title for entry in english.entries] == [article.title]
    assert [entry.title for entry in feed.entries] == [arabic.title]
    assert feed.feed.language == "ar"
    assert client.get(path_of(feed.entries[0].link)).status_code == 200
    assert path_of(feed.entries[0].link).startswith("/ar/")


def test_a_coverage_hub_has_a_feed_of_its_stories(client, politics, home):
    from masthead.coverage.tests.factories import (
        CoverageIndexPageFactory,
        CoveragePageFactory,
    )

    index = CoverageIndexPageFactory(parent=home)
    hub = CoveragePageFactory(parent=index, title="War on Gaza", slug="war-on-gaza")
    inside = ArticlePageFactory(parent=politics, title="Aid convoy reaches Rafah")
    inside.coverage.add(hub)
    inside.save_revision().publish(skip_permission_checks=True)
    ArticlePageFactory(parent=politics, title="Budget vote delayed")

    for format_name in FORMATS:
        feed = parsed_feed(client, f"/feeds/en/coverage/war-on-gaza.{format_name}")
        assert feed.feed.title == "The Masthead: War on Gaza"
        assert [entry.title for entry in feed.entries] == ["Aid convoy reaches Rafah"]
        assert client.get(path_of(feed.feed.link)).status_code == 200
    links = client.get(hub.url).content.decode()
    assert 'href="/feeds/en/coverage/war-on-gaza.rss"' in links

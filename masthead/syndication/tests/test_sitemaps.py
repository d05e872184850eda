"""Sitemaps: valid against the published schemas, split, and complete."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles.models import ArticlePage
from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.models import AuthorIndexPage
from masthead.syndication.entries import FEED_IMAGE_SPEC

from .helpers import NS, body_of, locs, path_of, valid_xml

pytestmark = pytest.mark.django_db

INDEX_XSD = "siteindex.xsd"
URLSET_XSD = "urlset-with-extensions.xsd"


def published(parent, title, *, hours_ago=0, **fields):
    page = ArticlePageFactory(parent=parent, title=title, **fields)
    moment = timezone.now() - timedelta(hours=hours_ago)
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=moment, last_published_at=moment
    )
    return page


@pytest.fixture
def small_files(settings):
    settings.SYNDICATION_SITEMAP_PAGE_SIZE = 2


def all_sitemap_urls(client) -> list[str]:
    index = valid_xml(client.get("/sitemap.xml"), INDEX_XSD)
    urls = []
    for sitemap in locs(index, "sm:sitemap"):
        urls += locs(valid_xml(client.get(path_of(sitemap)), URLSET_XSD))
    return urls


def test_the_index_lists_every_file_with_its_lastmod(client, article, politics):
    politics.save_revision().publish(skip_permission_checks=True)

    index = valid_xml(client.get("/sitemap.xml"), INDEX_XSD)

    files = [path_of(loc) for loc in locs(index, "sm:sitemap")]
    assert files == [
        "/sitemaps/en/pages.xml",
        "/sitemaps/en/articles-1.xml",
        "/sitemaps/en/news.xml",
    ]
    lastmods = index.xpath("//sm:sitemap/sm:lastmod/text()", namespaces=NS)
    assert len(lastmods) == 3


def test_articles_are_split_into_files_of_the_configured_size(
    client, politics, small_files
):
    stories = [published(politics, f"Story {n}", hours_ago=n) for n in range(5)]

    index = valid_xml(client.get("/sitemap.xml"), INDEX_XSD)
    article_files = [
        path_of(loc) for loc in locs(index, "sm:sitemap") if "articles-" in loc
    ]

    assert article_files == [f"/sitemaps/en/articles-{n}.xml" for n in (1, 2, 3)]
    found = []
    for path in article_files:
        urls = locs(valid_xml(client.get(path), URLSET_XSD))
        assert len(urls) <= 2
        found += [path_of(url) for url in urls]
    assert found == [story.url for story in stories]  # in id order, stable
    assert client.get("/sitemaps/en/articles-4.xml").status_code == 404
    assert client.get("/sitemaps/en/articles-0.xml").status_code == 404


def test_each_file_says_when_its_newest_story_changed(client, politics, small_files):
    published(politics, "Old", hours_ago=100)
    published(politics, "Older", hours_ago=200)
    newest = published(politics, "New", hours_ago=1)

    index = valid_xml(client.get("/sitemap.xml"), INDEX_XSD)
    entries = {
        path_of(entry.findtext("sm:loc", namespaces=NS)): entry.findtext(
            "sm:lastmod", namespaces=NS
        )
        for entry in index.xpath("//sm:sitemap", namespaces=NS)
    }

    newest.refresh_from_db()
    assert entries["/sitemaps/en/articles-2.xml"] == (
        newest.last_published_at.isoformat(timespec="seconds")
    )
    assert (
        entries["/sitemaps/en/articles-1.xml"] < entries["/sitemaps/en/articles-2.xml"]
    )


def test_the_pages_file_lists_home_sections_authors_and_regions(
    client, article, home, region
):
    directory = home.add_child(
        instance=AuthorIndexPage(title="Authors", slug="authors")
    )
    directory.save_revision().publish(skip_permission_checks=True)

    urls = [
        path_of(url)
        for url in locs(valid_xml(client.get("/sitemaps/en/pages.xml"), URLSET_XSD))
    ]

    assert urls == [
        "/",
        "/news/",
        "/news/politics/",
        "/authors/",
        "/authors/lina-haddad/",
        "/regions/mena/",
    ]
    assert all(client.get(url).status_code == 200 for url in urls)


def test_lead_pictures_are_listed_as_large_jpegs(client, article, image):
    rendition = image.get_rendition(FEED_IMAGE_SPEC)

    document = valid_xml(client.get("/sitemaps/en/articles-1.xml"), URLSET_XSD)

    pictures = document.xpath("//image:image/image:loc/text()", namespaces=NS)
    assert pictures == [f"http://127.0.0.1:8000{rendition.url}"]
    assert pictures[0].endswith(".jpg")


def test_a_picture_without_its_rendition_yet_is_listed_as_the_original(
    client, article, image
):
    document = valid_xml(client.get("/sitemaps/en/articles-1.xml"), URLSET_XSD)

    pictures = document.xpath("//image:image/image:loc/text()", namespaces=NS)
    assert pictures == [f"http://127.0.0.1:8000{image.file.url}"]


def test_unpublished_stories_are_left_out(client, politics):
    kept = published(politics, "Kept", hours_ago=100)
    published(politics, "Withdrawn", hours_ago=100).unpublish()

    stories = {path_of(url) for url in all_sitemap_urls(client) if url.count("/") > 5}

    assert stories == {kept.url}


def test_a_crawler_starting_at_robots_txt_finds_every_story(client, politics):
    stories = [published(politics, f"Story {n}", hours_ago=n * 20) for n in range(6)]
    robots = client.get("/robots.txt").content.decode()

    found = set()
    for line in robots.splitlines():
        if line.startswith("Sitemap: "):
            document = valid_xml(
                client.get(path_of(line.removeprefix("Sitemap: "))),
                INDEX_XSD if line.endswith("/sitemap.xml") else URLSET_XSD,
            )
            for loc in locs(document, "sm:sitemap"):
                found.update(locs(valid_xml(client.get(path_of(loc)), URLSET_XSD)))
            found.update(locs(document))

    assert {story.url for story in stories} <= {path_of(url) for url in found}


def test_the_news_sitemap_lists_only_the_last_48_hours(client, politics, home):
    fresh = published(politics, "Ceasefire agreed & signed", hours_ago=2)
    published(politics, "Yesterday's talks", hours_ago=47)
    published(politics, "Last week's summit", hours_ago=49)

    document = valid_xml(client.get("/sitemaps/en/news.xml"), URLSET_XSD)

    urls = [path_of(url) for url in locs(document)]
    assert len(urls) == 2 and urls[0] == fresh.url
    news = document.xpath("//sm:url", namespaces=NS)[0]
    assert news.findtext(".//news:name", namespaces=NS) == home.site_name
    assert news.findtext(".//news:language", namespaces=NS) == "en"
    assert news.findtext(".//news:title", namespaces=NS) == "Ceasefire agreed & signed"
    fresh.refresh_from_db()
    assert news.findtext(".//news:publication_date", namespaces=NS) == (
        fresh.first_published_at.isoformat(timespec="seconds")
    )


def test_a_quiet_editions_news_file_is_served_empty_and_left_out_of_the_index(
    client, politics
):
    published(politics, "Last week's summit", hours_ago=100)

    body = body_of(client.get("/sitemaps/en/news.xml"))
    index = valid_xml(client.get("/sitemap.xml"), INDEX_XSD)

    assert b"<urlset" in body and b"<url>" not in body
    assert not [loc for loc in locs(index, "sm:sitemap") if "news" in loc]


def test_sitemaps_stream_in_a_fixed_number_of_queries(
    client, politics, image, django_assert_max_num_queries
):
    for number in range(30):
        published(politics, f"Story {number}", lead_image=image, hours_ago=number)

    with django_assert_max_num_queries(8):
        response = client.get("/sitemaps/en/articles-1.xml")
        assert response.streaming
        assert len(locs(valid_xml(response, URLSET_XSD))) == 30
    with django_assert_max_num_queries(12):
        body_of(client.get("/sitemap.xml"))


def test_each_edition_has_its_own_files(client, article, arabic_news):
    arabic = published(arabic_news, "قمة إقليمية في القاهرة", authors=[])

    urls = all_sitemap_urls(client)

    assert any(path_of(url) == article.url for url in urls)
    arabic_urls = [url for url in urls if "/ar/" in url]
    assert arabic.url.startswith("/ar/")
    assert f"http://127.0.0.1:8000{arabic.url}" in arabic_urls  # URI-escaped
    document = valid_xml(client.get("/sitemaps/ar/news.xml"), URLSET_XSD)
    assert document.findtext(".//news:language", namespaces=NS) == "ar"
    assert document.findtext(".//news:name", namespaces=NS) == "الميادين"


@pytest.mark.parametrize(
    "url",
    ["/sitemaps/es/pages.xml", "/sitemaps/es/news.xml", "/sitemaps/xx/pages.xml"],
)
def test_sitemaps_of_missing_editions_are_not_found(client, article, url):
    assert client.get(url).status_code == 404

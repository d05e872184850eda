"""Every listing tells feed readers where its feed is."""

import pytest
from bs4 import BeautifulSoup

from masthead.authors.models import AuthorIndexPage

from .helpers import parsed_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home):
    page = home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
    page.save_revision().publish(skip_permission_checks=True)
    return page


def feed_links(client, path) -> dict[str, list[str]]:
    response = client.get(path)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html5lib")
    links: dict[str, list[str]] = {}
    for link in soup.select("head link[rel=alternate]"):
        links.setdefault(link["type"], []).append(link["href"])
    return links


@pytest.mark.parametrize(
    ("path", "feed"),
    [
        ("/", None),
        ("/news/", "/feeds/en/sections/news"),
        ("/news/politics/", "/feeds/en/sections/news/politics"),
        (
            "/news/politics/ministers-affirm-partnership/",
            "/feeds/en/sections/news/politics",
        ),
        ("/tags/iran/", "/feeds/en/tags/iran"),
        ("/regions/mena/", "/feeds/en/regions/mena"),
        ("/authors/lina-haddad/", "/feeds/en/authors/lina-haddad"),
        ("/authors/", None),
    ],
)
def test_pages_link_their_feeds_and_the_editions(
    client, article, directory, path, feed
):
    links = feed_links(client, path)

    expected = ["/feeds/en/latest"] + ([feed] if feed else [])
    assert links["application/rss+xml"] == [f"{url}.rss" for url in expected]
    assert links["application/atom+xml"] == [f"{url}.atom" for url in expected]
    for url in links["application/rss+xml"] + links["application/atom+xml"]:
        assert parsed_feed(client, url).entries


def test_arabic_pages_link_arabic_feeds(client, arabic_news):
    links = feed_links(client, arabic_news.url)

    assert links["application/rss+xml"] == [
        "/feeds/ar/latest.rss",
        "/feeds/ar/sections/akhbar.rss",
    ]


@pytest.mark.parametrize(
    "path", ["/news/politics/ministers-affirm-partnership/", "/search/"]
)
def test_feed_links_cost_a_page_no_query(client, article, path):
    from django.db import connection
    from django.template import RequestContext, Template
    from django.test.utils import CaptureQueriesContext

    response = client.get(path)
    context = {}
    for layer in reversed(list(response.context)):
        context.update(layer.flatten())
    fragment = Template('{% include "syndication/head_links.html" %}')

    with CaptureQueriesContext(connection) as queries:
        html = fragment.render(RequestContext(response.wsgi_request, context))

    assert queries.captured_queries == []
    assert 'rel="search"' in html

"""Structured data of the home page and the listings, safely embedded."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import RequestContext, Template
from django.test.utils import CaptureQueriesContext

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.models import AuthorIndexPage
from masthead.media.tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def json_ld(client, path) -> list[dict]:
    response = client.get(path)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html5lib")
    return [
        json.loads(script.string)
        for script in soup.select('script[type="application/ld+json"]')
    ]


def of_type(data: list[dict], schema_type: str) -> dict:
    [found] = [item for item in data if item["@type"] == schema_type]
    return found


@pytest.fixture
def directory(home):
    page = home.add_child(
        instance=AuthorIndexPage(title="Authors", slug="authors", intro="Our writers.")
    )
    page.save_revision().publish(skip_permission_checks=True)
    return page


def test_the_home_page_describes_the_website_and_its_search(client, home):
    website = of_type(json_ld(client, "/"), "WebSite")

    assert website["name"] == home.site_name
    assert website["url"] == "http://127.0.0.1:8000/"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == (
        "http://127.0.0.1:8000/search/?q={search_term_string}"
    )
    assert action["query-input"] == "required name=search_term_string"


def test_the_home_page_describes_the_organization(client, home):
    home.social_profiles = (
        "https://x.com/masthead\n  https://www.youtube.com/@masthead \nnot a link"
    )
    home.save_revision().publish(skip_permission_checks=True)

    organization = of_type(json_ld(client, "/"), "Organization")

    assert organization["name"] == home.site_name
    assert organization["url"] == "http://127.0.0.1:8000/"
    assert organization["logo"]["url"].endswith("/static/img/logo.png")
    assert organization["sameAs"] == [
        "https://x.com/masthead",
        "https://www.youtube.com/@masthead",
    ]


def test_an_editions_own_logo_replaces_the_default(client, home):
    home.logo = ImageFactory(title="Logo")
    home.save_revision().publish(skip_permission_checks=True)

    organization = of_type(json_ld(client, "/"), "Organization")

    assert organization["logo"]["url"] == f"http://127.0.0.1:8000{home.logo.file.url}"


def test_markup_in_names_cannot_close_the_script(client, home):
    home.site_name = "</script><script>alert(1)</script> & Co"
    home.save_revision().publish(skip_permission_checks=True)

    body = client.get("/").content.decode()
    organization = of_type(json_ld(client, "/"), "Organization")

    assert organization["name"] == "</script><script>alert(1)</script> & Co"
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in body
    assert "<script>alert(1)" not in body


def assert_lists(data, name, url, items):
    page = of_type(data, "CollectionPage")
    assert page["name"] == name
    assert page["url"] == url
    elements = page["mainEntity"]["itemListElement"]
    assert [(e["position"], e["url"], e["name"]) for e in elements] == items
    return page


def test_a_section_lists_its_stories(client, article, politics):
    older = article
    newer = ArticlePageFactory(parent=politics, title="Budget vote delayed")
    base = "http://127.0.0.1:8000"

    assert_lists(
        json_ld(client, "/news/politics/"),
        "Politics",
        f"{base}/news/politics/",
        [(1, base + newer.url, newer.title), (2, base + older.url, older.title)],
    )


def test_later_pages_number_their_items_on(client, politics):
    for number in range(21):
        ArticlePageFactory(parent=politics, title=f"Story {number}")

    page = of_type(json_ld(client, "/news/politics/?page=2"), "CollectionPage")

    assert page["url"] == "http://127.0.0.1:8000/news/politics/?page=2"
    assert [e["position"] for e in page["mainEntity"]["itemListElement"]] == [21]


@pytest.mark.parametrize(
    ("path", "name"), [("/tags/iran/", "Iran"), ("/regions/mena/", "MENA")]
)
def test_tag_and_region_pages_list_their_stories(client, article, path, name):
    base = "http://127.0.0.1:8000"

    assert_lists(
        json_ld(client, path),
        name,
        base + path,
        [(1, base + article.url, article.title)],
    )


def test_an_author_page_lists_the_authors_stories(client, article, directory):
    base = "http://127.0.0.1:8000"

    page = assert_lists(
        json_ld(client, "/authors/lina-haddad/"),
        "Lina Haddad",
        f"{base}/authors/lina-haddad/",
        [(1, base + article.url, article.title)],
    )
    assert page["about"] == {"@type": "Person", "name": "Lina Haddad"}


def test_the_authors_directory_lists_the_author_pages(client, article, directory):
    base = "http://127.0.0.1:8000"

    page = assert_lists(
        json_ld(client, "/authors/"),
        "Authors",
        f"{base}/authors/",
        [(1, f"{base}/authors/lina-haddad/", "Lina Haddad")],
    )
    assert page["description"] == "Our writers."


def test_the_arabic_home_page_searches_the_arabic_edition(client, arabic_home):
    website = of_type(json_ld(client, "/ar/"), "WebSite")

    assert website["inLanguage"] == "ar"
    assert website["name"] == "الميادين"
    assert website["potentialAction"]["target"]["urlTemplate"] == (
        "http://127.0.0.1:8000/ar/search/?q={search_term_string}"
    )


@pytest.mark.parametrize(
    "path",
    ["/", "/news/politics/", "/tags/iran/", "/authors/", "/authors/lina-haddad/"],
)
def test_head_links_and_structured_data_cost_a_page_no_query(
    client, article, directory, path
):
    response = client.get(path)
    context = {}
    for layer in reversed(list(response.context)):
        context.update(layer.flatten())
    fragment = Template(
        '{% include "syndication/head_links.html" %}'
        '{% include "syndication/listing_jsonld.html" %}'
    )

    with CaptureQueriesContext(connection) as queries:
        html = fragment.render(RequestContext(response.wsgi_request, context))

    assert queries.captured_queries == []
    assert "application/ld+json" in html and "rss+xml" in html

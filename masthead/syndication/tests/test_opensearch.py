"""Browsers find each edition's search through its OpenSearch description."""

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from masthead.articles.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def description(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    return etree.fromstring(response.content)


def test_the_document_points_at_the_editions_search(client, home):
    document = description(client, "/opensearch/en.xml")

    assert document.findtext(f"{OPENSEARCH}ShortName") == home.site_name[:16]
    assert document.findtext(f"{OPENSEARCH}Language") == "en"
    templates = {
        url.get("type"): url.get("template")
        for url in document.iter(f"{OPENSEARCH}Url")
    }
    assert templates["text/html"] == "http://127.0.0.1:8000/search/?q={searchTerms}"
    assert templates["application/opensearchdescription+xml"] == (
        "http://127.0.0.1:8000/opensearch/en.xml"
    )


def test_each_edition_has_its_own_document(client, arabic_home):
    document = description(client, "/opensearch/ar.xml")

    assert document.findtext(f"{OPENSEARCH}ShortName") == "الميادين"
    html = next(
        u for u in document.iter(f"{OPENSEARCH}Url") if u.get("type") == "text/html"
    )
    assert html.get("template") == "http://127.0.0.1:8000/ar/search/?q={searchTerms}"


def test_an_edition_without_a_home_has_none(client, home):
    assert client.get("/opensearch/es.xml").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/", "/news/", "/news/politics/", "/search/", "/tags/iran/", "/no-such-page/"],
)
def test_every_page_links_to_it(client, article, path):
    response = client.get(path)
    soup = BeautifulSoup(response.content, "html5lib")

    link = soup.select_one(
        'head link[rel=search][type="application/opensearchdescription+xml"]'
    )
    assert link["href"] == "/opensearch/en.xml"


def test_arabic_pages_link_to_the_arabic_document(client, arabic_news):
    story = ArticlePageFactory(parent=arabic_news, authors=[])
    soup = BeautifulSoup(client.get(story.url).content, "html5lib")

    assert soup.select_one("head link[rel=search]")["href"] == "/opensearch/ar.xml"

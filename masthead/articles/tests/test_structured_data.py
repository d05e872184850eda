"""What machines read on an article page: JSON-LD, social cards, canonical URL."""

import json
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from masthead.articles.models import ArticleCorrection
from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.models import AuthorIndexPage
from masthead.authors.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db

BASE = "https://news.example"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.MASTHEAD_BASE_URL = BASE


def page_soup(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def json_ld(soup) -> dict[str, dict]:
    blocks = [
        json.loads(s.string)
        for s in soup.find_all("script", type="application/ld+json")
    ]
    return {block["@type"]: block for block in blocks}


def test_news_article_json_ld_field_by_field(client, home, article):
    home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
    article.significant_update_at = datetime(2030, 1, 2, 3, 4, tzinfo=UTC)
    article.save_revision().publish(skip_permission_checks=True)

    data = json_ld(page_soup(client, article))["ReportageNewsArticle"]

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == article.title
    assert data["description"] == article.standfirst
    assert data["datePublished"] == article.first_published_at.isoformat()
    assert data["datePublished"].endswith("+00:00")
    assert data["dateModified"] == "2030-01-02T03:04:00+00:00"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Lina Haddad",
            "url": f"{BASE}/authors/lina-haddad/",
        }
    ]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == home.site_name
    assert data["publisher"]["logo"]["url"].startswith(f"{BASE}/static/img/logo")
    assert data["mainEntityOfPage"] == {
        "@type": "WebPage",
        "@id": f"{BASE}{article.url}",
    }
    assert data["articleSection"] == "Politics"
    assert data["keywords"] == ["Iran", "Russia"]
    assert data["inLanguage"] == "en"
    assert "correction" not in data


def test_json_ld_images_in_three_ratios_at_least_1200_wide(client, article, settings):
    data = json_ld(page_soup(client, article))["ReportageNewsArticle"]

    assert len(data["image"]) == 3
    assert all(url.startswith(f"{BASE}/media/") for url in data["image"])
    sizes = set()
    for url in data["image"]:
        path = settings.MEDIA_ROOT / url.removeprefix(f"{BASE}/media/")
        with Image.open(path) as picture:
            sizes.add(picture.size)
    assert sizes == {(1200, 675), (1200, 900), (1200, 1200)}


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("news", "ReportageNewsArticle"),
        ("opinion", "OpinionNewsArticle"),
        ("analysis", "AnalysisNewsArticle"),
        ("feature", "NewsArticle"),
    ],
)
def test_schema_type_follows_the_kind(client, politics, kind, schema_type):
    page = ArticlePageFactory(parent=politics, kind=kind)

    assert schema_type in json_ld(page_soup(client, page))


def test_desk_bylines_are_organisations(client, politics):
    desk = AuthorFactory(name="The Masthead English", is_desk=True)
    page = ArticlePageFactory(parent=politics, authors=[desk])

    data = json_ld(page_soup(client, page))["ReportageNewsArticle"]

    assert data["author"] == [{"@type": "Organization", "name": "The Masthead English"}]


def test_corrections_are_correction_comments(client, article):
    article.corrections = [
        ArticleCorrection(
            noted_at=datetime(2026, 11, 2, 9, 30, tzinfo=UTC),
            text="An earlier version gave the wrong date.",
        )
    ]
    article.save_revision().publish(skip_permission_checks=True)

    data = json_ld(page_soup(client, article))["ReportageNewsArticle"]

    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "An earlier version gave the wrong date.",
            "datePublished": "2026-11-02T09:30:00+00:00",
        }
    ]


def test_breadcrumb_list_follows_the_section_tree(client, home, article):
    data = json_ld(page_soup(client, article))["BreadcrumbList"]

    assert [(i["position"], i["name"], i["item"]) for i in data["itemListElement"]] == [
        (1, home.site_name, f"{BASE}/"),
        (2, "News", f"{BASE}/news/"),
        (3, "Politics", f"{BASE}/news/politics/"),
        (4, article.title, f"{BASE}{article.url}"),
    ]


def test_json_ld_cannot_break_out_of_its_script_element(client, politics):
    page = ArticlePageFactory(
        parent=politics, title="</script><script>alert(1)</script> & more"
    )

    response = client.get(page.url)

    assert b"</script><script>alert(1)" not in response.content
    data = json_ld(BeautifulSoup(response.content, "html5lib"))
    assert data["ReportageNewsArticle"]["headline"].startswith("</script><script>")


def test_social_cards_and_canonical(client, article):
    soup = page_soup(client, article)

    def meta(key):
        tag = soup.find("meta", property=key) or soup.find("meta", attrs={"name": key})
        return tag["content"]

    assert soup.find("link", rel="canonical")["href"] == f"{BASE}{article.url}"
    assert meta("og:type") == "article"
    assert meta("og:title") == article.title
    assert meta("og:description") == article.standfirst
    assert meta("og:url") == f"{BASE}{article.url}"
    assert meta("og:image").startswith(f"{BASE}/media/")
    assert (meta("og:image:width"), meta("og:image:height")) == ("1200", "675")
    assert meta("og:image:alt") == article.lead_alt_text
    assert meta("twitter:card") == "summary_large_image"
    assert meta("article:section") == "Politics"


def test_article_without_image_gets_a_plain_card(client, politics):
    page = ArticlePageFactory(parent=politics, lead_image=None)

    soup = page_soup(client, page)

    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    assert soup.find("meta", property="og:image") is None
    assert "image" not in json_ld(soup)["ReportageNewsArticle"]

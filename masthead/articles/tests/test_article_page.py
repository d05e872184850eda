import pytest
from bs4 import BeautifulSoup

from masthead.articles.tests.factories import ArticlePageFactory, paragraphs
from masthead.authors.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def test_article_page_shows_the_story(client, article):
    soup = soup_of(client.get(article.url))

    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == [article.title]
    assert "Lina Haddad" in soup.select_one(".article__byline").get_text()
    assert "Source: Agencies" in soup.select_one(".article__meta").get_text()
    published = soup.select_one(".article__meta time")
    assert published["datetime"] == article.first_published_at.isoformat()
    assert soup.select_one(".article__standfirst").get_text() == article.standfirst
    figure = soup.select_one("figure.article__lead")
    assert figure.img["alt"] == "Two ministers shake hands in front of flags"
    assert "(Staff photographer / The Masthead)" in figure.figcaption.get_text()
    body = soup.select_one(".article__body").get_text()
    assert "The talks opened in the capital" in body
    assert [li.get_text(strip=True) for li in soup.select(".tag-list li")] == [
        "Iran",
        "Russia",
    ]


def test_bylines_keep_the_editors_order(client, politics):
    first, second = AuthorFactory(name="Zed Last"), AuthorFactory(name="Amy First")
    page = ArticlePageFactory(parent=politics, authors=[first, second])

    soup = soup_of(client.get(page.url))

    names = [tag.get_text() for tag in soup.select(".article__author")]
    assert names == ["Zed Last", "Amy First"]


def test_reading_time_grows_with_the_text(politics):
    short = ArticlePageFactory(parent=politics, body=paragraphs("word " * 100))
    long = ArticlePageFactory(parent=politics, body=paragraphs(*["word " * 230] * 5))

    assert short.reading_minutes == 1
    assert long.reading_minutes == 6  # 1,150 words of body plus the standfirst


def test_article_without_image_source_or_tags(client, politics):
    page = ArticlePageFactory(parent=politics, source="", lead_image=None)

    soup = soup_of(client.get(page.url))

    assert soup.select_one("figure.article__lead") is None
    assert "Source:" not in soup.get_text()
    assert soup.select_one(".tag-list") is None


def test_updated_time_only_after_a_significant_update(client, article):
    assert "Updated" not in soup_of(client.get(article.url)).get_text()

    article.significant_update_at = article.first_published_at
    article.save_revision().publish(skip_permission_checks=True)

    assert "Updated" in soup_of(client.get(article.url)).get_text()

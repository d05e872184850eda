import pytest
from bs4 import BeautifulSoup

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def test_directory_lists_the_editions_authors_with_links(client, directory):
    AuthorFactory(name="Beatriz Ortega", slug="beatriz-ortega", role="Columnist")
    AuthorFactory(name="Adam Reyes", slug="adam-reyes")

    response = client.get(directory.url)

    soup = BeautifulSoup(response.content, "html5lib")
    links = {a.get_text(): a["href"] for a in soup.select(".author-card__name")}
    assert links == {
        "Adam Reyes": "/authors/adam-reyes/",
        "Beatriz Ortega": "/authors/beatriz-ortega/",
    }


def test_author_page_shows_bio_and_their_stories_only(client, directory, politics):
    author = AuthorFactory(
        name="Beatriz Ortega", slug="beatriz-ortega", bio="Writes on Latin America."
    )
    theirs = ArticlePageFactory(parent=politics, title="Her story", authors=[author])
    ArticlePageFactory(parent=politics, title="Someone else's story")

    response = client.get("/authors/beatriz-ortega/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html5lib")
    assert soup.h1.get_text() == "Beatriz Ortega"
    assert "Writes on Latin America." in soup.get_text()
    assert [h.get_text(strip=True) for h in soup.select(".card__headline")] == [
        theirs.title
    ]


@pytest.mark.parametrize(
    "path", ["/authors/nobody/", "/authors/beatriz-ortega/?page=abc"]
)
def test_unknown_authors_and_pages_are_not_found(client, directory, path):
    AuthorFactory(slug="beatriz-ortega")

    assert client.get(path).status_code == 404

"""The authors directory and an author's page cost a fixed number of queries,
however many authors the edition has and however many stories an author wrote."""

import pytest

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.tests.factories import AuthorFactory
from masthead.common.tests.queries import render_counting_queries
from masthead.media.tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

# The edition's date formats; Wagtail's routing (site, active locale, the edition
# home, the directory and its own fields, the view restrictions on it and its
# ancestors: 7); the directory's locale, for its surrogate key; the chrome
# (edition home, menu and footer, regions: 3); the edition switcher (edition
# homes, the directory's translations: 2); the site root paths behind every URL
# (2); the ticker; the breadcrumbs; then the authors with their photos, and the
# photos' renditions (2).
DIRECTORY_QUERIES = 20

# Formats and routing as for the directory (8); the author with their photo; the
# stories (view restrictions for .public(), the bounded count, the page of
# stories, their pictures' renditions, their sections: 5); the chrome (3); the
# edition switcher (edition homes only: a route below the directory has no
# translations); the site root paths (2); the ticker; the breadcrumbs; the
# author's photo rendition.
AUTHOR_PAGE_QUERIES = 23


def add_authors(count):
    return [AuthorFactory(photo=ImageFactory()) for _ in range(count)]


def add_stories(author, sections, count):
    # Each story has a co-author and a picture, and they alternate between
    # sections, so that nothing a card shows can hide a query per story.
    return [
        ArticlePageFactory(
            parent=sections[n % len(sections)],
            authors=[author, AuthorFactory()],
            lead_image=ImageFactory(),
        )
        for n in range(count)
    ]


def author_cards(soup):
    return {a.get_text() for a in soup.select(".author-card__name")}


def test_directory_queries_do_not_grow_with_its_authors(client, directory):
    first = add_authors(2)
    soup, few = render_counting_queries(client, directory.url)
    assert author_cards(soup) == {author.name for author in first}
    assert len(soup.select(".author-card__photo")) == 2

    everyone = first + add_authors(10)
    soup, many = render_counting_queries(client, directory.url)
    assert author_cards(soup) == {author.name for author in everyone}
    assert len(soup.select(".author-card__photo")) == 12

    assert few == many == DIRECTORY_QUERIES


def test_author_page_queries_do_not_grow_with_their_stories(
    client, directory, news, politics
):
    author = AuthorFactory(
        name="Beatriz Ortega", slug="beatriz-ortega", photo=ImageFactory()
    )
    url = directory.url_for_author(author)
    first = add_stories(author, [news, politics], 2)
    soup, few = render_counting_queries(client, url)
    assert soup.h1.get_text() == "Beatriz Ortega"
    assert soup.select_one(".author-header__photo") is not None
    assert len(soup.select(".card__headline")) == 2

    stories = first + add_stories(author, [news, politics], 10)
    soup, many = render_counting_queries(client, url)
    headlines = {h.get_text(strip=True) for h in soup.select(".card__headline")}
    assert headlines == {story.title for story in stories}
    sections = {a.get_text() for a in soup.select(".card__section")}
    assert sections == {"News", "Politics"}
    assert len(soup.select(".card__media img")) == 12

    assert few == many == AUTHOR_PAGE_QUERIES

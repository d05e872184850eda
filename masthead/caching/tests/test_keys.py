"""Which surrogate keys each page type carries."""

import pytest

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.models import AuthorIndexPage
from masthead.coverage.tests.factories import (
    CoverageIndexPageFactory,
    CoveragePageFactory,
)

pytestmark = pytest.mark.django_db


def keys_of(client, url) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["xkey"] == response["Surrogate-Key"]
    return set(response["Surrogate-Key"].split())


def test_article_carries_itself_what_it_shows_and_the_menu(client, politics, article):
    related = ArticlePageFactory(parent=politics, title="Related one")
    article.body = [
        *((b.block_type, b.value) for b in article.body),
        ("related", {"heading": "Related News", "stories": [related]}),
    ]
    article.save_revision().publish(skip_permission_checks=True)

    found = keys_of(client, article.url)

    assert {f"page:{article.pk}", "menu:en"} <= found
    assert not any(key.startswith("listing:") for key in found)


def test_section_carries_its_listing_and_each_story(client, politics):
    stories = [ArticlePageFactory(parent=politics) for _ in range(3)]

    found = keys_of(client, politics.url)

    assert {f"listing:{politics.pk}", f"page:{politics.pk}", "menu:en"} <= found
    assert {f"page:{story.pk}" for story in stories} <= found


def test_front_page_carries_the_editions_listing(client, home, politics):
    story = ArticlePageFactory(parent=politics)

    found = keys_of(client, "/")

    assert {f"listing:{home.pk}", f"page:{home.pk}", f"page:{story.pk}"} <= found


def test_tag_region_and_author_pages_carry_their_keys(
    client, home, article, region, author
):
    from taggit.models import Tag

    home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
    tag = Tag.objects.get(name="Iran")

    assert f"tag:{tag.pk}" in keys_of(client, "/tags/iran/")
    assert f"region:{region.pk}" in keys_of(client, "/regions/mena/")
    assert f"author:{author.pk}" in keys_of(client, "/authors/lina-haddad/")
    assert "authors:en" in keys_of(client, "/authors/")


def test_coverage_hub_carries_its_key(client, home, article):
    hub = CoveragePageFactory(parent=CoverageIndexPageFactory(parent=home))
    article.coverage.add(hub)
    article.save_revision().publish(skip_permission_checks=True)

    assert {f"hub:{hub.pk}", f"page:{article.pk}"} <= keys_of(client, hub.url)
    assert f"page:{hub.pk}" in keys_of(client, article.url)

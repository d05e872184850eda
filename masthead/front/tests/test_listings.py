"""Tag and region pages, which every edition has under its home page."""

import pytest
from bs4 import BeautifulSoup

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.regions.tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


def headlines(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html5lib")
    return [h.get_text(strip=True) for h in soup.select(".card__headline")]


def test_tag_page_lists_the_tagged_stories(client, politics):
    tagged = ArticlePageFactory(parent=politics, title="Drought hits farms")
    tagged.tags.add("Drought")
    tagged.save_revision().publish(skip_permission_checks=True)
    ArticlePageFactory(parent=politics, title="Untagged story")

    response = client.get("/tags/drought/")

    assert headlines(response) == ["Drought hits farms"]
    assert b"<h1>Drought</h1>" in response.content


def test_region_page_lists_the_regions_stories(client, politics, region):
    africa = RegionFactory(name="Africa", slug="africa")
    in_mena = ArticlePageFactory(parent=politics, title="Gulf talks")
    in_mena.regions.add(region)
    in_mena.save_revision().publish(skip_permission_checks=True)
    in_africa = ArticlePageFactory(parent=politics, title="Nairobi summit")
    in_africa.regions.add(africa)
    in_africa.save_revision().publish(skip_permission_checks=True)

    assert headlines(client.get("/regions/mena/")) == ["Gulf talks"]
    assert headlines(client.get("/regions/africa/")) == ["Nairobi summit"]


@pytest.mark.parametrize(
    "path",
    [
        "/tags/no-such-tag/",
        "/regions/atlantis/",
        "/tags/drought/?page=0",
        "/tags/drought/?page=2",
        "/tags/drought/?page=" + "9" * 4301,  # more digits than int() takes
    ],
)
def test_unknown_tags_regions_and_pages_are_not_found(client, politics, path):
    story = ArticlePageFactory(parent=politics)
    story.tags.add("Drought")
    story.save_revision().publish(skip_permission_checks=True)

    assert client.get(path).status_code == 404


def test_listing_breadcrumbs(client, politics):
    story = ArticlePageFactory(parent=politics)
    story.tags.add("Drought")
    story.save_revision().publish(skip_permission_checks=True)

    soup = BeautifulSoup(client.get("/tags/drought/").content, "html5lib")
    section = BeautifulSoup(client.get(politics.url).content, "html5lib")

    assert [li.get_text(strip=True) for li in soup.select(".breadcrumbs li")] == [
        "Home",
        "Drought",
    ]
    assert [li.get_text(strip=True) for li in section.select(".breadcrumbs li")] == [
        "Home",
        "News",
        "Politics",
    ]

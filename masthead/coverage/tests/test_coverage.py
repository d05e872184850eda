from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.coverage.hubs import hubs_with_latest
from masthead.coverage.models import CoveragePin
from masthead.coverage.tests.factories import (
    CoverageIndexPageFactory,
    CoveragePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hubs(home):
    index = CoverageIndexPageFactory(parent=home)
    return (
        CoveragePageFactory(parent=index, title="War on Gaza", slug="war-on-gaza"),
        CoveragePageFactory(parent=index, title="Climate summit", slug="climate"),
    )


def story(parent, title, hours_ago, *hubs):
    page = ArticlePageFactory(
        parent=parent,
        title=title,
        first_published_at=timezone.now() - timedelta(hours=hours_ago),
    )
    page.coverage.set(hubs)
    page.save_revision().publish(skip_permission_checks=True)
    return page


def titles(soup, selector):
    return [node.get_text(strip=True) for node in soup.select(selector)]


def test_hub_shows_pinned_stories_then_every_tagged_story_newest_first(
    client, politics, hubs
):
    gaza, _ = hubs
    old = story(politics, "Old", 30, gaza)
    middle = story(politics, "Middle", 20, gaza)
    new = story(politics, "New", 10, gaza)
    story(politics, "Elsewhere", 5)
    gaza.pins = [CoveragePin(story=old, sort_order=0)]
    gaza.save_revision().publish(skip_permission_checks=True)

    soup = BeautifulSoup(client.get(gaza.url).content, "html5lib")

    assert soup.h1.get_text() == "War on Gaza"
    assert titles(soup, ".card-grid .card__headline") == [old.title]
    assert titles(soup, ".story-list .card__headline") == [new.title, middle.title]


def test_unpublished_pinned_stories_are_skipped(client, politics, hubs):
    gaza, _ = hubs
    pinned = story(politics, "Pinned then withdrawn", 3, gaza)
    gaza.pins = [CoveragePin(story=pinned, sort_order=0)]
    gaza.save_revision().publish(skip_permission_checks=True)
    pinned.unpublish()

    soup = BeautifulSoup(client.get(gaza.url).content, "html5lib")

    assert "Pinned then withdrawn" not in soup.get_text()


def test_index_lists_the_hubs(client, hubs):
    index = hubs[0].get_parent()

    soup = BeautifulSoup(client.get(index.url).content, "html5lib")

    assert set(titles(soup, ".card__headline")) == {"War on Gaza", "Climate summit"}


def test_article_shows_its_hubs_with_their_latest_other_stories(client, politics, hubs):
    gaza, climate = hubs
    for number in range(5):
        story(politics, f"Gaza story {number}", 10 + number, gaza)
    story(politics, "Summit story", 8, climate)
    article = story(politics, "Both hubs", 1, gaza, climate)

    soup = BeautifulSoup(client.get(article.url).content, "html5lib")

    assert titles(soup, ".coverage-box__title") == ["Climate summit", "War on Gaza"]
    gaza_box = soup.select(".coverage-box__hub")[1]
    assert [a.get_text() for a in gaza_box.select("li a")] == [
        "Gaza story 0",
        "Gaza story 1",
        "Gaza story 2",
    ]


def test_hub_lookup_costs_the_same_for_one_hub_or_many(
    politics, hubs, django_assert_max_num_queries
):
    gaza, climate = hubs
    for number in range(4):
        story(politics, f"Story {number}", number + 2, gaza, climate)
    one = story(politics, "One hub", 1, gaza)
    two = story(politics, "Two hubs", 1, gaza, climate)

    with django_assert_max_num_queries(4):
        assert len(hubs_with_latest(one)) == 1
    with django_assert_max_num_queries(4):
        assert [len(item.stories) for item in hubs_with_latest(two)] == [3, 3]


def test_article_without_hubs_shows_no_coverage_box(client, article):
    soup = BeautifulSoup(client.get(article.url).content, "html5lib")

    assert soup.select_one(".coverage-box") is None

"""The front page: curated top stories with a fallback, blocks per section."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.front.front_page import build_front
from masthead.front.models import HomeTopStory
from masthead.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def story(parent, title, hours_ago, **fields):
    return ArticlePageFactory(
        parent=parent,
        title=title,
        first_published_at=timezone.now() - timedelta(hours=hours_ago),
        **fields,
    )


def front(client):
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib")


def texts(soup, selector):
    return [node.get_text(strip=True) for node in soup.select(selector)]


def pin(home, *stories):
    home.refresh_from_db()
    home.top_stories = [
        HomeTopStory(story=s, sort_order=n) for n, s in enumerate(stories)
    ]
    home.save_revision().publish(skip_permission_checks=True)


def test_without_pins_the_newest_story_leads(client, politics):
    story(politics, "Older", 5)
    story(politics, "Newest", 1)

    soup = front(client)

    assert texts(soup, ".front-top__lead .card__headline") == ["Newest"]
    assert texts(soup, ".front-top__list .card__headline") == ["Older"]


def test_pinned_stories_lead_in_the_editors_order(client, home, politics):
    first = story(politics, "Pinned first", 30)
    second = story(politics, "Pinned second", 20)
    story(politics, "Newest unpinned", 1)
    pin(home, first, second)

    soup = front(client)

    assert texts(soup, ".front-top__lead .card__headline") == ["Pinned first"]
    assert texts(soup, ".front-top__list .card__headline") == [
        "Pinned second",
        "Newest unpinned",
    ]


def test_an_unpublished_pin_falls_back_to_the_latest(client, home, politics):
    withdrawn = story(politics, "Withdrawn", 2)
    story(politics, "Latest", 1)
    pin(home, withdrawn)
    withdrawn.unpublish()

    soup = front(client)

    assert "Withdrawn" not in soup.get_text()
    assert texts(soup, ".front-top__lead .card__headline") == ["Latest"]


def test_each_section_has_a_block_of_its_latest_stories(client, home, news, politics):
    videos = SectionPageFactory(
        parent=home, title="Videos", slug="videos", front_layout="strip"
    )
    hidden = SectionPageFactory(
        parent=home, title="Hidden", slug="hidden", front_layout="none"
    )
    for number in range(12):
        story(politics, f"News {number}", 100 + number)
    for number in range(3):
        story(videos, f"Video {number}", 200 + number)
    story(hidden, "Not on the front", 300)

    soup = front(client)

    blocks = {
        section.h2.get_text(strip=True): texts(section, ".card__headline")
        for section in soup.select(".front-section")
    }
    # The seven newest stories are the top stories; the blocks hold the rest.
    assert blocks == {
        "News": ["News 7", "News 8", "News 9", "News 10"],
        "Videos": ["Video 0", "Video 1", "Video 2"],
    }
    assert soup.select_one(".front-section--strip h2").get_text(strip=True) == "Videos"


def test_opinion_and_analysis_have_their_strip(client, politics):
    for number in range(8):
        story(politics, f"News {number}", number)
    story(politics, "A column", 50, kind="opinion")
    story(politics, "An analysis", 60, kind="analysis")

    soup = front(client)

    assert texts(soup, ".front-strip--opinion .card__headline") == [
        "A column",
        "An analysis",
    ]
    assert texts(soup, ".front-strip--opinion .card__kind") == ["Opinion", "Analysis"]


def test_the_front_costs_the_same_with_few_or_many_stories(home, news, politics):
    videos = SectionPageFactory(parent=home, title="Videos", slug="videos")
    for number in range(8):
        story(politics if number % 2 else videos, f"First {number}", number + 100)
    story(politics, "A column", 200, kind="opinion")
    pin(home, story(politics, "Pinned", 300))
    with CaptureQueriesContext(connection) as few:
        build_front(home)
    for number in range(30):
        story(politics if number % 2 else videos, f"More {number}", number + 2,
              kind="opinion" if number % 5 == 0 else "news")  # fmt: skip

    with CaptureQueriesContext(connection) as many:
        result = build_front(home)

    assert len(many) == len(few) <= 10
    assert len(result.top) == 6

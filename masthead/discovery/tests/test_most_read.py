"""Most Read ranks an edition's stories by their recent views."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from masthead.discovery.ranking import MOST_READ_SIZE, most_read_stories
from masthead.sections.tests.factories import SectionPageFactory

from .conftest import add_views, make_story

pytestmark = pytest.mark.django_db


def ranking(language="en"):
    return [story.title for story in most_read_stories(language, timezone.now())]


@pytest.fixture
def stories(politics):
    """Six stories, "Story 0" the newest."""
    return [
        make_story(politics, title=f"Story {n}", age=timedelta(hours=n + 1))
        for n in range(6)
    ]


def test_ranks_by_views_in_the_last_24_hours(stories):
    for story, views in zip(stories[:5], (5, 40, 30, 20, 10), strict=True):
        add_views(story, views, hours_ago=2)
    add_views(stories[0], 100, hours_ago=25)  # yesterday's news
    add_views(stories[4], 15, hours_ago=23)

    assert ranking() == ["Story 1", "Story 2", "Story 4", "Story 3", "Story 0"]


def test_falls_back_to_seven_days_when_a_day_is_thin(stories):
    add_views(stories[0], 50, hours_ago=1)
    add_views(stories[1], 10, hours_ago=1)
    add_views(stories[2], 30, hours_ago=24 * 3)
    add_views(stories[3], 90, hours_ago=24 * 6)
    add_views(stories[4], 500, hours_ago=24 * 7 + 1)  # older than a week

    assert ranking()[:4] == ["Story 3", "Story 0", "Story 2", "Story 1"]


def test_a_day_with_enough_traffic_ignores_the_week(stories):
    for story in stories[:4]:
        add_views(story, 5, hours_ago=1)
    add_views(stories[5], 900, hours_ago=24 * 3)

    assert "Story 5" not in ranking()[:4]


def test_pads_with_the_latest_stories(stories):
    add_views(stories[3], 7, hours_ago=1)

    assert ranking() == ["Story 3", "Story 0", "Story 1", "Story 2", "Story 4"]
    assert len(ranking()) == MOST_READ_SIZE


def test_each_edition_has_its_own_ranking(stories, arabic_politics):
    arabic = make_story(arabic_politics, title="قصة عربية")
    add_views(arabic, 1000, hours_ago=1)
    add_views(stories[2], 3, hours_ago=1)

    assert ranking("en")[0] == "Story 2"
    assert "قصة عربية" not in ranking("en")
    assert ranking("ar") == ["قصة عربية"]


def test_unpublished_and_private_stories_are_dropped(stories, politics, home):
    withdrawn = make_story(politics, title="Withdrawn")
    add_views(withdrawn, 900, hours_ago=1)
    withdrawn.unpublish()
    members_only = SectionPageFactory(parent=home, title="Members")
    private = make_story(members_only, title="Private")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    add_views(private, 800, hours_ago=1)
    add_views(stories[4], 2, hours_ago=1)

    assert ranking()[0] == "Story 4"
    assert "Withdrawn" not in ranking()
    assert "Private" not in ranking()


def test_every_story_comes_with_its_section(stories, politics):
    add_views(stories[1], 3, hours_ago=1)

    assert all(
        story.section == politics for story in most_read_stories("en", timezone.now())
    )


def queries_to_rank() -> int:
    with CaptureQueriesContext(connection) as queries:
        assert len(most_read_stories("en", timezone.now())) == MOST_READ_SIZE
    return len(queries)


def test_ranking_costs_a_fixed_number_of_queries(politics, image):
    def viewed_stories(count):
        for _ in range(count):
            add_views(make_story(politics, lead_image=image), 3, hours_ago=30)

    for _ in range(MOST_READ_SIZE):
        make_story(politics, lead_image=image)
    viewed_stories(2)
    # The worst case: a thin day, the week's fallback, then padding.
    thin_week = queries_to_rank()
    viewed_stories(6)
    busy = queries_to_rank()
    viewed_stories(20)

    assert queries_to_rank() == busy
    assert thin_week <= 8


def render_most_read(request):
    with translation.override("en"):
        return Template("{% load discovery %}{% most_read %}").render(
            Context({"request": request})
        )


def test_the_box_shows_picture_section_headline_and_date(stories, politics, image):
    story = make_story(politics, title="Harbour reopens", lead_image=image)
    add_views(story, 10, hours_ago=1)

    box = BeautifulSoup(render_most_read(RequestFactory().get("/")), "html5lib")

    assert box.select_one("section.most-read h2").get_text(strip=True) == "Most Read"
    first = box.select("ol.most-read__list > li")[0]
    assert first.select_one(".card__headline").get_text(strip=True) == story.title
    assert first.select_one("picture img")["alt"] == story.lead_alt_text
    assert first.select_one(".card__section").get_text(strip=True) == "Politics"
    published = first.select_one("time")["datetime"]
    assert published.startswith(f"{story.first_published_at:%Y-%m-%d}")


def test_the_box_is_built_once_a_minute(stories, django_assert_num_queries):
    request = RequestFactory().get("/")
    first = render_most_read(request)
    add_views(stories[5], 1000, hours_ago=1)

    with django_assert_num_queries(0):
        assert render_most_read(request) == first


def test_an_empty_edition_shows_no_box(home):
    assert render_most_read(RequestFactory().get("/")).strip() == ""


def test_the_article_page_shows_most_read_after_the_story(client, article, stories):
    add_views(stories[2], 10, hours_ago=1)

    page = BeautifulSoup(client.get(article.url).content, "html5lib")

    box = page.select_one("section.most-read")
    headlines = [h.get_text(strip=True) for h in box.select(".card__headline")]
    # The viewed story, then the latest ones (this story is the newest of all).
    assert headlines == ["Story 2", article.title, "Story 0", "Story 1", "Story 3"]
    assert box.find_parent("article") is None

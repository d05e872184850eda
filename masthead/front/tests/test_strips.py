"""The front page and sections show strips of videos and live blogs when there are
any, newest first."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.common.strips import strip_page_models, strips_below
from masthead.live.tests.factories import live_blog
from masthead.video.tests.factories import VideoPageFactory, publish

pytestmark = pytest.mark.django_db


def strips_on(client, url) -> dict[str, list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html5lib")
    return {
        strip.select_one(".block-heading").get_text(strip=True): [
            headline.get_text(strip=True)
            for headline in strip.select(".card__headline")
        ]
        for strip in soup.select("section.front-section--strip")
        if strip.select_one("ul.strip") and not strip.select_one(".block-heading a")
    }


def test_no_strip_without_such_content(client, home, news, article):
    assert strips_on(client, home.url) == {}
    assert strips_on(client, news.url) == {}


def test_videos_and_live_blogs_get_strips_on_the_front_and_their_sections(
    client, home, news, politics, image
):
    older = publish(VideoPageFactory(parent=politics, title="Floods close the road"))
    newer = publish(VideoPageFactory(parent=politics, title="Harvest begins early"))
    blog = live_blog(news, title="Ceasefire talks: live")

    on_front = strips_on(client, home.url)
    assert on_front["Videos"] == [newer.title, older.title]
    assert on_front["Live"] == [blog.title]
    assert list(on_front) == ["Live", "Videos"]  # the live strip first

    assert strips_on(client, politics.url) == {"Videos": [newer.title, older.title]}


def test_an_unpublished_video_leaves_the_strip(client, home, politics):
    video = publish(VideoPageFactory(parent=politics, title="Floods close the road"))
    video.unpublish()

    assert strips_on(client, home.url) == {}


def test_the_strips_cost_two_queries_and_two_more_per_strip_shown(
    home, politics, image
):
    ContentType.objects.get_for_models(*strip_page_models())  # cached per process
    with CaptureQueriesContext(connection) as none:
        assert strips_below(home) == []
    for number in range(2):
        publish(
            VideoPageFactory(
                parent=politics, title=f"Floods, day {number}", lead_image=image
            )
        )
    with CaptureQueriesContext(connection) as few:
        strips_below(home)
    for number in range(2, 12):
        publish(
            VideoPageFactory(
                parent=politics, title=f"Floods, day {number}", lead_image=image
            )
        )
    with CaptureQueriesContext(connection) as many:
        (strip,) = strips_below(home)

    assert len(strip.pages) == 6
    assert len(none) == 2  # the view restrictions, the newest of every type
    assert len(few) == len(many) == 2 + 2  # and the videos, their renditions

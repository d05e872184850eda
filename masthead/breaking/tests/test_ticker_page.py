"""Every public page shows the edition's latest live lines, without JavaScript."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from masthead.breaking.tests.factories import BreakingItemFactory

pytestmark = pytest.mark.django_db


def ticker_of(client, url="/"):
    response = client.get(url)
    soup = BeautifulSoup(response.content, "html5lib")
    return soup.select_one("[data-breaking-ticker]")


def lines(ticker):
    return [li.select_one(".ticker__line").get_text() for li in ticker.select("li")]


def test_the_latest_ten_newest_first(client, home):
    now = timezone.now()
    for minutes in range(12):
        BreakingItemFactory(
            text=f"Line from {minutes} minutes ago",
            published_at=now - timedelta(minutes=minutes),
        )

    ticker = ticker_of(client)

    assert lines(ticker) == [f"Line from {m} minutes ago" for m in range(10)]


def test_each_line_has_its_time_attribution_and_story_link(client, article):
    published = timezone.now().replace(microsecond=0) - timedelta(minutes=3)
    BreakingItemFactory(
        attribution="Israeli media",
        text="Three drones launched toward the north",
        story=article,
        published_at=published,
    )

    item = ticker_of(client, article.url).select_one("li")

    time = item.select_one("time")
    assert time["datetime"] == timezone.localtime(published).isoformat()
    assert time.get_text() == timezone.localtime(published).strftime("%H:%M")
    assert item.select_one(".ticker__line").get_text() == (
        "Israeli media: Three drones launched toward the north"
    )
    assert item.select_one("a")["href"] == article.url


def test_no_link_to_a_story_that_is_not_live(client, article):
    article.unpublish()
    BreakingItemFactory(text="Talks suspended", story=article)

    item = ticker_of(client).select_one("li")

    assert item.select_one("a") is None
    assert item.select_one(".ticker__text").get_text() == "Talks suspended"


def test_the_ticker_is_hidden_when_nothing_is_live(client, home):
    ticker = ticker_of(client)

    # Present for the script to fill in, hidden from readers until then.
    assert ticker.select_one("section.ticker").has_attr("hidden")
    assert ticker.select("li") == []


def test_the_page_tells_the_script_where_and_how_often_to_look(client, home, settings):
    settings.MASTHEAD_TICKER_POLL_SECONDS = 1.5
    BreakingItemFactory()

    ticker = ticker_of(client)

    assert ticker["data-src"] == "/breaking/live.json"
    assert ticker["data-poll-seconds"] == "1.5"
    assert ticker["data-etag"] == client.get("/breaking/live.json")["ETag"]
    assert ticker.select_one("[aria-live=polite]").get_text() == ""
    script = ticker.find_next("script")
    assert script["src"].endswith("breaking/ticker.js")
    assert script.has_attr("defer")


def test_the_ticker_is_on_error_pages_too(client, home):
    BreakingItemFactory(text="Airport closed")

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Airport closed" in response.content.decode()

"""A live blog and the channel cost the same number of queries however many
entries or programmes they have."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.authors.models import AuthorIndexPage
from masthead.authors.tests.factories import AuthorFactory
from masthead.live.actions import post_entry
from masthead.live.tests.factories import live_blog, live_channel

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def ticker_kept(settings):
    """The ticker stays cached between the warming render and the counted one,
    however slow the machine (its 1 s default would make the count depend on
    the render's speed)."""
    settings.MASTHEAD_TICKER_CACHE_SECONDS = 300


# Wagtail's routing and the chrome as for any page (site, locale, tree, menu,
# regions, edition switcher, breadcrumbs), then the blog: the order of every
# entry, the entries shown with authors and pictures, their renditions, the key
# events, the author directory, the lead image's renditions for the JSON-LD.
LIVE_BLOG_QUERIES = 22
# The same chrome, then today's programmes and the poster picture.
CHANNEL_QUERIES = 16


def queries_to_render(client, url) -> int:
    client.get(url)  # warm the per-process caches (content types, site, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def blog_with(parent, slug, entries, image):
    blog = live_blog(parent, slug=slug, lead_image=image)
    authors = [AuthorFactory(), AuthorFactory()]
    for number in range(entries):
        post_entry(
            blog,
            body=f"<p>Update {number} with a <a href='https://example.org/'>link</a>.</p>",
            headline=f"Headline {number}" if number % 2 else "",
            author=authors[number % 2],
            is_key_event=number % 5 == 0,
            image=image if number % 3 == 0 else None,
        )
    return blog


def test_a_live_blog_costs_the_same_for_2_or_30_entries(client, home, news, image):
    home.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
    small = blog_with(news, "small", 2, image)
    large = blog_with(news, "large", 30, image)

    small_count = queries_to_render(client, small.url)
    large_count = queries_to_render(client, large.url)

    assert small_count == large_count == LIVE_BLOG_QUERIES


def test_the_channel_costs_the_same_for_2_or_30_programmes(client, home, image):
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)

    def slots(count):
        step = timedelta(minutes=1440 // count)
        return [
            (start + n * step, start + (n + 1) * step, f"P{n}") for n in range(count)
        ]

    small = live_channel(home, programmes=slots(2), lead_image=image)
    # A second channel in the edition, which only the admin would refuse.
    large = live_channel(home, slug="live-2", programmes=slots(30), lead_image=image)

    small_count = queries_to_render(client, small.url)
    large_count = queries_to_render(client, large.url)

    assert small_count == large_count == CHANNEL_QUERIES

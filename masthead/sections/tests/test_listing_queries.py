"""A listing costs the same number of queries however many stories it shows."""

import pytest

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.authors.tests.factories import AuthorFactory
from masthead.common.tests.queries import render_counting_queries
from masthead.media.tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def add_stories(parent, count, region):
    for _ in range(count):
        story = ArticlePageFactory(
            parent=parent, authors=[AuthorFactory()], lead_image=ImageFactory()
        )
        story.tags.add("Elections")
        story.regions.add(region)
        story.save_revision().publish(skip_permission_checks=True)


def queries_to_render(client, url) -> int:
    return render_counting_queries(client, url)[1]


LISTINGS = {
    "tag": "/tags/elections/",
    "region": "/regions/mena/",
    "regions": "/regions/",  # the newest stories of every region
}


@pytest.mark.parametrize("listing", ["section", *LISTINGS])
def test_listing_queries_do_not_grow_with_its_stories(
    client, news, politics, region, listing
):
    url = news.url if listing == "section" else LISTINGS[listing]
    add_stories(politics, 2, region)
    few = queries_to_render(client, url)

    add_stories(politics, 10, region)
    many = queries_to_render(client, url)

    assert many == few

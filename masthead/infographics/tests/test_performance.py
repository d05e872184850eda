"""An infographic costs a fixed number of queries, however long its text version."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.infographics.tests.factories import InfographicPageFactory

pytestmark = pytest.mark.django_db

# Wagtail's routing (site, locale, one query per level of the tree, alias check,
# view restrictions) and the chrome (menu, regions, edition switcher), plus the
# infographic: edition home, breadcrumbs, the graphic and its renditions.
INFOGRAPHIC_QUERIES = 16


@pytest.fixture(autouse=True)
def steady_ticker(settings):
    # The ticker is cached for a second: keep its query out of the measurement
    # however long the first render takes.
    settings.MASTHEAD_TICKER_CACHE_SECONDS = 600


def queries_to_render(client, url) -> int:
    client.get(url)  # warm the per-process caches and make the renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_is_fixed(client, news):
    items = "".join(f"<li>Month {n}: {n * 3} mm</li>" for n in range(200))
    short = InfographicPageFactory(parent=news)
    long = InfographicPageFactory(
        parent=news, text_alternative=f"<p>Rainfall:</p><ul>{items}</ul>"
    )
    for page in (short, long):
        page.save_revision().publish(skip_permission_checks=True)

    assert queries_to_render(client, short.url) == INFOGRAPHIC_QUERIES
    assert queries_to_render(client, long.url) == INFOGRAPHIC_QUERIES

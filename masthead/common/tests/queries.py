"""Counting the queries of one page render, as the query-count tests do."""

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def render_counting_queries(client, url) -> tuple[BeautifulSoup, int]:
    """The page at `url` and the queries its render took, with the per-process
    caches (content types, site) warm and the shared cache empty."""
    client.get(url)
    # Formats, the ticker, Most Read and site root paths expire on their own clocks.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html5lib"), len(queries)

"""A gallery costs the same number of queries however many pictures it has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.authors.tests.factories import AuthorFactory
from masthead.galleries.tests.factories import GalleryPageFactory

pytestmark = pytest.mark.django_db

# Wagtail's routing (site, locale, one query per level of the tree, alias check,
# view restrictions) and the chrome (menu, regions, edition switcher), plus
# the gallery: bylines, author directory, edition home, breadcrumbs, cover,
# and the pictures with their images and renditions (1 + 1 prefetch), the same
# for 2 pictures or 1,000. One picture's page counts the pictures instead of
# showing the cover.
GALLERY_QUERIES = 20
PICTURE_QUERIES = 19


@pytest.fixture(autouse=True)
def steady_ticker(settings):
    # The ticker is cached for a second; making 30 pictures' renditions takes
    # longer, and the ticker's query would then land in the measured request.
    settings.MASTHEAD_TICKER_CACHE_SECONDS = 600


def queries_to_render(client, url) -> int:
    client.get(url)  # warm the per-process caches and make the renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def galleries(news):
    small = GalleryPageFactory(parent=news, pictures=2)
    large = GalleryPageFactory(parent=news, pictures=30)
    small.authors.create(author=AuthorFactory())
    for number in range(3):
        large.authors.create(author=AuthorFactory(), sort_order=number)
    for page in (small, large):
        page.save_revision().publish(skip_permission_checks=True)
    return small, large


def test_gallery_query_count_does_not_grow_with_its_pictures(client, galleries):
    small, large = galleries

    assert queries_to_render(client, small.url) == GALLERY_QUERIES
    assert queries_to_render(client, large.url) == GALLERY_QUERIES


def test_picture_page_query_count_does_not_grow_with_the_gallery(client, galleries):
    small, large = galleries

    assert queries_to_render(client, f"{small.url}pictures/2/") == PICTURE_QUERIES
    assert queries_to_render(client, f"{large.url}pictures/29/") == PICTURE_QUERIES

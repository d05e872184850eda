"""The ticker costs a page one query at most, and none per line."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.articles.tests.factories import ArticlePageFactory
from masthead.breaking.tests.factories import BreakingItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(politics):
    return ArticlePageFactory(parent=politics, lead_image=None)


def ticker_queries(queries):
    return [q for q in queries if "breaking_breakingitem" in q["sql"]]


def render_front_page(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/")
    assert response.status_code == 200
    return response, captured.captured_queries


def test_one_query_for_the_whole_ticker_then_none_from_the_cache(client, story):
    BreakingItemFactory.create_batch(10, story=story)

    _, cold = render_front_page(client)
    _, warm = render_front_page(client)

    assert len(ticker_queries(cold)) == 1
    assert ticker_queries(warm) == []


def test_ten_lines_cost_no_more_queries_than_one(client, story):
    BreakingItemFactory(story=story)
    _, with_one = render_front_page(client)
    BreakingItemFactory.create_batch(9, story=story)
    cache.clear()

    response, with_ten = render_front_page(client)

    assert response.content.decode().count('class="ticker__item"') == 10
    assert len(with_ten) == len(with_one)

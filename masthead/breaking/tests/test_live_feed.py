"""/breaking/live.json: the small resource open pages poll."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from masthead.breaking.actions import publish_breaking_item
from masthead.breaking.tests.factories import BreakingItemFactory

pytestmark = pytest.mark.django_db

URL = "/breaking/live.json"


def test_the_feed_lists_live_lines_newest_first(client, article):
    published = timezone.now().replace(microsecond=0)
    older = BreakingItemFactory(
        text="Older line", published_at=published - timedelta(minutes=5)
    )
    newer = BreakingItemFactory(
        attribution="Israeli media", text="Newer line", story=article,
        published_at=published,
    )  # fmt: skip

    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    local = timezone.localtime(published)
    assert response.json() == {
        "edition": "en",
        "items": [
            {
                "id": newer.pk,
                "attribution": "Israeli media",
                "text": "Newer line",
                "url": article.url,
                "published_at": local.isoformat(),
                "time": local.strftime("%H:%M"),
            },
            {
                "id": older.pk,
                "attribution": "",
                "text": "Older line",
                "url": None,
                "published_at": (local - timedelta(minutes=5)).isoformat(),
                "time": (local - timedelta(minutes=5)).strftime("%H:%M"),
            },
        ],
    }


def test_front_caches_may_keep_it_for_two_seconds(client, home):
    response = client.get(URL)

    assert response["Cache-Control"] == "public, max-age=2, s-maxage=2"
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_an_unchanged_list_costs_a_304_without_a_body(client, home):
    BreakingItemFactory()
    etag = client.get(URL)["ETag"]

    response = client.get(URL, headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "public, max-age=2, s-maxage=2"


@pytest.mark.parametrize("form", ["W/{etag}", '"other", {etag}', "*"])
def test_weak_listed_and_wildcard_tags_match(client, home, form):
    BreakingItemFactory()
    etag = client.get(URL)["ETag"]

    response = client.get(URL, headers={"If-None-Match": form.format(etag=etag)})

    assert response.status_code == 304


def test_a_new_line_changes_the_tag(
    client, home, long_cache, django_capture_on_commit_callbacks
):
    etag = client.get(URL)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        publish_breaking_item(locale=Locale.get_default(), text="Airport closed")

    response = client.get(URL, headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert [item["text"] for item in response.json()["items"]] == ["Airport closed"]


def test_a_warm_feed_makes_no_query(client, home, django_assert_num_queries):
    BreakingItemFactory.create_batch(10)
    client.get(URL)

    with django_assert_num_queries(0):
        assert client.get(URL).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "?since=abc",
        "?since=",
        "?since=9999999999999999999",
        "?page=-1&x=%00",
        "?since[]=1",
    ],
)
def test_parameters_are_ignored_never_an_error(client, home, query):
    BreakingItemFactory(text="Airport closed")
    plain = client.get(URL)

    response = client.get(URL + query)

    assert response.status_code == 200
    assert response.content == plain.content


@pytest.mark.parametrize("header", ["garbage", '"unterminated', "W/", ", ,"])
def test_malformed_if_none_match_gets_the_full_list(client, home, header):
    BreakingItemFactory()

    response = client.get(URL, headers={"If-None-Match": header})

    assert response.status_code == 200
    assert response.json()["items"]


def test_only_reading_is_allowed(client, home):
    assert client.head(URL).status_code == 200
    assert client.post(URL).status_code == 405


def test_an_unknown_edition_is_not_found(client, home):
    assert client.get("/fr/breaking/live.json").status_code == 404

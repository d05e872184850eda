"""/live/<id>/entries.json: what an open live blog polls."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from masthead.live.actions import post_entry
from masthead.live.feed import parse_since
from masthead.live.models import LiveBlogStatus
from masthead.live.tests.factories import publish

pytestmark = pytest.mark.django_db


def feed_url(blog):
    return f"/live/{blog.pk}/entries.json"


def get(client, blog, **params):
    cache.clear()  # each call sees the database, not the last second's snapshot
    return client.get(feed_url(blog), params)


def test_the_feed_gives_entries_since_an_id_newest_first(client, blog):
    first = post_entry(blog, body="First.")
    second = post_entry(blog, body="Second.", is_key_event=True, headline="Key")
    third = post_entry(blog, body="Third.")

    response = get(client, blog, since=first.pk)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert [e["id"] for e in data["entries"]] == [third.pk, second.pk]
    assert data["count"] == 2
    assert data["label"] == "2 new updates"
    assert data["latest"] == third.pk
    assert data["status"] == "live"
    assert data["ended_at"] is None
    fragment = BeautifulSoup(data["entries"][1]["html"], "html5lib")
    assert fragment.select_one("article.live-entry")["id"] == f"entry-{second.pk}"
    assert data["entries"][1]["key_event"] is True
    assert f'href="#entry-{second.pk}"' in data["entries"][1]["key_event_html"]
    assert "key_event_html" not in data["entries"][0]


def test_one_new_entry_is_one_new_update(client, blog):
    first = post_entry(blog, body="First.")
    post_entry(blog, body="Second.")

    assert get(client, blog, since=first.pk).json()["label"] == "1 new update"


def test_since_an_iso_time(client, blog):
    now = timezone.now()
    post_entry(blog, body="Old.", posted_at=now - timedelta(hours=2))
    recent = post_entry(blog, body="Recent.", posted_at=now - timedelta(minutes=5))

    since = (now - timedelta(hours=1)).isoformat()
    data = get(client, blog, since=since).json()

    assert [e["id"] for e in data["entries"]] == [recent.pk]


def test_nothing_new_is_an_empty_list(client, blog):
    entry = post_entry(blog, body="Only.")

    data = get(client, blog, since=entry.pk).json()

    assert data["entries"] == [] and data["count"] == 0 and data["label"] == ""


@pytest.mark.parametrize(
    "since", ["abc", "-1", "1.5", "2024-13-45T00:00", "9" * 41, "1e10", "٣"]
)
def test_a_bad_since_is_a_400(client, blog, since):
    response = get(client, blog, since=since)

    assert response.status_code == 400
    assert "since" in response.json()["error"]


def test_an_unknown_or_unpublished_blog_is_a_404(client, blog):
    assert client.get("/live/999999/entries.json").status_code == 404
    blog.unpublish()
    assert get(client, blog).status_code == 404


def test_an_unchanged_answer_is_a_304(client, blog):
    entry = post_entry(blog, body="Only.")
    first = get(client, blog, since=entry.pk)

    response = client.get(
        feed_url(blog), {"since": entry.pk}, headers={"If-None-Match": first["ETag"]}
    )

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == first["ETag"]
    assert response["Cache-Control"] == "public, max-age=1, s-maxage=1"


def test_a_new_entry_changes_the_etag(client, blog):
    entry = post_entry(blog, body="Only.")
    before = get(client, blog, since=entry.pk)["ETag"]
    post_entry(blog, body="Another.")
    cache.clear()  # the snapshot's second has passed

    response = client.get(
        feed_url(blog), {"since": entry.pk}, headers={"If-None-Match": f"W/{before}"}
    )

    assert response.status_code == 200
    assert response["ETag"] != before


def test_posting_refreshes_the_snapshot_at_once(
    client, blog, django_capture_on_commit_callbacks
):
    entry = post_entry(blog, body="Only.")
    assert client.get(feed_url(blog), {"since": entry.pk}).json()["count"] == 0

    with django_capture_on_commit_callbacks(execute=True):
        post_entry(blog, body="Another.")

    assert client.get(feed_url(blog), {"since": entry.pk}).json()["count"] == 1


def test_the_feed_says_when_the_blog_has_ended(client, blog):
    post_entry(blog, body="Final update.")
    blog.status = LiveBlogStatus.ENDED
    blog.full_clean()
    publish(blog)

    data = get(client, blog).json()

    assert data["status"] == "ended"
    assert data["ended_at"].startswith(str(blog.ended_at.year))
    assert data["ended_notice"] == "This live blog has ended."
    assert len(data["entries"]) == 1


def test_a_warm_feed_makes_no_query(client, blog, django_assert_num_queries):
    post_entry(blog, body="Only.")
    client.get(feed_url(blog))

    with django_assert_num_queries(0):
        assert client.get(feed_url(blog), {"since": 0}).status_code == 200


def test_the_arabic_feed_counts_in_the_edition_digits(client, blog):
    from wagtail.models import Locale

    from masthead.front.setup import ensure_edition_home

    home = ensure_edition_home("ar")
    home.digits = "arabic-indic"
    publish(home)
    cache.clear()
    arabic = blog.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    publish(arabic)
    # Three: Arabic names two updates with the dual, without a numeral.
    for text in ("تحديث أول", "تحديث ثان", "تحديث ثالث"):
        post_entry(arabic, body=text)

    data = client.get(f"/ar/live/{arabic.pk}/entries.json").json()

    assert data["count"] == 3
    assert "٣" in data["label"]


def test_since_parser_accepts_ids_and_times():
    assert parse_since("") is None
    assert parse_since("42") == 42
    moment = parse_since("2025-03-01T10:00:00+02:00")
    assert moment.utcoffset() == timedelta(hours=2)
    assert parse_since("2025-03-01T10:00:00").utcoffset() == timedelta(0)

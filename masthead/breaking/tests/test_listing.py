"""The breaking news listing: see every line, correct it, withdraw it."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry

from masthead.breaking.models import BreakingItem
from masthead.breaking.tests.factories import BreakingItemFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def url(view, *args):
    return reverse(f"wagtailsnippets_breaking_breakingitem:{view}", args=args)


def rows(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html5lib")
    return {row.select_one("td.title").get_text(" ", strip=True): row
            for row in soup.select("tbody tr")}  # fmt: skip


def test_the_listing_shows_each_lines_status(desk_client):
    BreakingItemFactory(text="Live line")
    BreakingItemFactory(text="Old line", published_at=NOW - timedelta(days=2))
    BreakingItemFactory(text="Withdrawn line", withdrawn_at=NOW)

    listing = rows(desk_client.get(url("list")))

    statuses = {
        title.split(" ")[0]: row.get_text(" ", strip=True).split(" ")[-1]
        for title, row in listing.items()
    }
    assert statuses == {"Live": "Live", "Old": "Expired", "Withdrawn": "Withdrawn"}


def test_live_lines_offer_withdrawal_others_do_not(desk_client):
    live = BreakingItemFactory(text="Live line")
    withdrawn = BreakingItemFactory(text="Withdrawn line", withdrawn_at=NOW)

    html = desk_client.get(url("list")).content.decode()

    assert url("withdraw", live.pk) in html
    assert url("withdraw", withdrawn.pk) not in html


def test_withdrawal_asks_once_then_takes_the_line_down(
    desk_client, desk_editor, long_cache, django_capture_on_commit_callbacks
):
    item = BreakingItemFactory(text="Unconfirmed report")
    assert "Unconfirmed report" in desk_client.get("/").content.decode()

    confirmation = desk_client.get(url("withdraw", item.pk))
    assert "Yes, withdraw" in confirmation.content.decode()
    item.refresh_from_db()
    assert item.withdrawn_at is None

    with django_capture_on_commit_callbacks(execute=True):
        response = desk_client.post(url("withdraw", item.pk), follow=True)

    assert response.redirect_chain == [(url("list"), 302)]
    assert "Withdrawn from the ticker: Unconfirmed report" in response.content.decode()
    item.refresh_from_db()
    assert item.withdrawn_by == desk_editor
    assert "Unconfirmed report" not in desk_client.get("/").content.decode()


def test_withdrawing_an_unknown_line_is_not_found(desk_client):
    assert desk_client.post(url("withdraw", 999)).status_code == 404


def test_a_correction_reaches_the_ticker_at_once(
    desk_client, desk_editor, long_cache, django_capture_on_commit_callbacks
):
    item = BreakingItemFactory(text="Three drones lanched")
    assert "Three drones lanched" in desk_client.get("/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = desk_client.post(
            url("edit", item.pk),
            {
                "locale": item.locale_id,
                "attribution": "Israeli media",
                "text": "Three drones launched",
                "story": "",
                "expires_at": "",
            },
        )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text == "Three drones launched"
    assert item.expires_at == item.published_at + timedelta(hours=24)
    page = desk_client.get("/").content.decode()
    assert "Three drones launched" in page
    assert "lanched" not in page
    assert ModelLogEntry.objects.filter(
        action="wagtail.edit", object_id=str(item.pk), user=desk_editor
    ).exists()


def test_the_full_form_publishes_too(
    desk_client, desk_editor, long_cache, django_capture_on_commit_callbacks
):
    expiry = NOW.replace(second=0) + timedelta(hours=2)
    assert "Polls close" not in desk_client.get("/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = desk_client.post(
            url("add"),
            {
                "locale": Locale.get_default().pk,
                "attribution": "",
                "text": "Polls close in the capital",
                "story": "",
                "expires_at": timezone.localtime(expiry).strftime("%Y-%m-%d %H:%M"),
            },
        )

    assert response.status_code == 302
    item = BreakingItem.objects.get()
    assert (item.published_by, item.expires_at) == (desk_editor, expiry)
    assert "Polls close in the capital" in desk_client.get("/").content.decode()


def test_the_full_form_refuses_281_characters(desk_client):
    response = desk_client.post(
        url("add"),
        {"locale": Locale.get_default().pk, "text": "x" * 281, "expires_at": ""},
    )

    assert response.status_code == 200
    assert "Keep breaking news to 280 characters; this has 281." in (
        response.content.decode()
    )
    assert not BreakingItem.objects.exists()

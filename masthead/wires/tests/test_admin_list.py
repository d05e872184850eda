"""The Incoming wires list: one row per story, filters, search, fixed queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masthead.wires.models import WireUse

from .factories import WireItemFactory, WireSourceFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/wires/incoming/"
# Session, user, permissions, profile, the filters' choices, the count, the page
# of rows (sources joined), and the admin's own (menu, page permissions).
LIST_QUERIES = 13


def rows(response) -> list[str]:
    return [item.headline for item in response.context["object_list"]]


def test_lists_newest_first_one_row_per_cluster(wire_client):
    now = timezone.now()
    old = WireItemFactory(headline="Old story", received_at=now - timedelta(hours=2))
    head = WireItemFactory(headline="Floods", received_at=now - timedelta(hours=1))
    WireItemFactory.create_batch(2, duplicate_of=head, received_at=now)

    response = wire_client.get(LIST_URL)

    assert response.status_code == 200
    assert rows(response) == ["Floods", "Old story"]
    listed = {item.pk: item for item in response.context["object_list"]}
    assert listed[head.pk].similar_count == 2
    assert listed[old.pk].similar_count == 0
    assert "2 similar" in response.content.decode()
    assert reverse("wires_items:inspect", args=[head.pk]) in response.content.decode()


def test_filters_by_source_language_status_and_use(wire_client, home):
    reuters, afp = WireSourceFactory(name="Reuters"), WireSourceFactory(name="AFP")
    english = WireItemFactory(headline="English story", source=reuters)
    WireItemFactory(headline="Historia", source=reuters, language="es")
    WireItemFactory(headline="Canceled story", source=afp, status="canceled")
    folded = WireItemFactory(headline="AFP version", source=afp, duplicate_of=english)
    assert folded.duplicate_of == english
    WireUse.objects.create(item=english, version=1, page=home)

    def listed(query: str) -> set[str]:
        return set(rows(wire_client.get(f"{LIST_URL}?{query}")))

    assert listed("language=es") == {"Historia"}
    assert listed("status=canceled") == {"Canceled story"}
    assert listed("used=yes") == {"English story"}
    assert listed("used=no") == {"Historia", "Canceled story"}
    # The AFP item folded under Reuters' shows its cluster for AFP.
    assert listed(f"source={afp.pk}") == {"Canceled story", "English story"}


def test_filters_by_received_date(wire_client):
    WireItemFactory(headline="Today")
    WireItemFactory(
        headline="Last week", received_at=timezone.now() - timedelta(days=7)
    )
    today = timezone.localdate().isoformat()

    response = wire_client.get(f"{LIST_URL}?received_at_from={today}")

    assert rows(response) == ["Today"]


def test_searches_headlines_and_text_of_the_cluster(wire_client):
    head = WireItemFactory(headline="Floods cut off villages")
    WireItemFactory(
        headline="Heavy rain", body="Shelters opened in mosques.", duplicate_of=head
    )
    WireItemFactory(headline="Bank holds rates", body="Inflation slows.")

    assert rows(wire_client.get(f"{LIST_URL}?q=villages")) == [head.headline]
    assert rows(wire_client.get(f"{LIST_URL}?q=mosques")) == [head.headline]
    assert rows(wire_client.get(f"{LIST_URL}?q=inflation")) == ["Bank holds rates"]


@pytest.mark.parametrize("query", ["", "q=rain&used=no&status=usable&language=en"])
def test_the_list_costs_the_same_queries_for_3_or_40_items(wire_client, query):
    source = WireSourceFactory()

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = wire_client.get(f"{LIST_URL}?{query}")
        assert response.status_code == 200
        return len(captured.captured_queries)

    def add(number: int) -> None:
        for _ in range(number):
            head = WireItemFactory(source=source, headline="Heavy rain")
            WireItemFactory(source=source, duplicate_of=head, headline="Rain")

    add(3)
    few = count()
    add(37)
    many = count()

    assert few == many
    assert many == LIST_QUERIES


def test_bad_filter_values_show_the_list_not_an_error(wire_client):
    response = wire_client.get(
        f"{LIST_URL}?source=abc&received_at_from=notadate&used=maybe&p=zz"
    )
    assert response.status_code == 200


def test_the_list_needs_permission(client, django_user_model, home):
    from .conftest import grant

    user = grant(
        django_user_model.objects.create_user("nobody", "n@x.test"), "access_admin"
    )
    client.force_login(user)

    response = client.get(LIST_URL)

    assert response.status_code in (302, 403)

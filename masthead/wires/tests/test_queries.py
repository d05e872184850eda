"""The dashboard's helpers: waiting items and flagged drafts, in fixed queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from masthead.wires.actions import use_wire_item
from masthead.wires.queries import flagged_uses, waiting_items

from .factories import WireItemFactory, new_version

pytestmark = pytest.mark.django_db


def test_waiting_items_are_recent_unused_usable_cluster_heads(news, desk):
    waiting = WireItemFactory(headline="Waiting")
    WireItemFactory(headline="Folded", duplicate_of=waiting)
    WireItemFactory(headline="Withheld", status="withheld")
    WireItemFactory(headline="Spanish", language="es")
    used = WireItemFactory(headline="Used")
    use_wire_item(used, news)
    folded_used = WireItemFactory(headline="Head of a used cluster")
    use_wire_item(WireItemFactory(duplicate_of=folded_used), news)

    english = Locale.objects.get(language_code="en")
    assert [item.headline for item in waiting_items(english)] == ["Waiting"]
    assert {item.headline for item in waiting_items()} == {"Waiting", "Spanish"}
    assert waiting_items(english)[0].similar_count == 1


def test_flagged_uses_are_the_drafts_whose_wire_changed(news, desk):
    changed, unchanged, canceled = WireItemFactory.create_batch(3)
    for item in (changed, unchanged, canceled):
        use_wire_item(item, news)
    new_version(changed, headline="Toll rises")
    canceled.status = "canceled"
    canceled.save()

    flagged = flagged_uses()

    assert {use.item_id for use in flagged} == {changed.pk, canceled.pk}
    assert next(u for u in flagged if u.item_id == changed.pk).has_newer_version


def test_each_helper_is_one_query_whatever_the_rows(news, desk):
    for _ in range(5):
        item = WireItemFactory()
        use_wire_item(item, news)
        new_version(item)
        WireItemFactory()
    english = Locale.objects.get(language_code="en")

    with CaptureQueriesContext(connection) as captured:
        waiting = waiting_items(english)
        shown = [(i.source.name, i.similar_count, i.headline) for i in waiting]
    assert len(shown) == 5
    assert len(captured.captured_queries) == 1

    with CaptureQueriesContext(connection) as captured:
        flagged = flagged_uses()
        shown = [(u.page.title, u.item.source.name, u.is_flagged) for u in flagged]
    assert len(shown) == 5
    assert all(flag for _title, _source, flag in shown)
    assert len(captured.captured_queries) == 1

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.wires import schedule
from masthead.wires.models import WireItem
from masthead.wires.schedule import enqueue_due_polls

from .documents import ninjs, ninjs_item
from .factories import WireSourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch):
    """The source ids enqueued, instead of running them."""
    ids = []
    monkeypatch.setattr(
        schedule, "poll_wire_source", type("Task", (), {"enqueue": ids.append})
    )
    return ids


def test_due_and_never_polled_sources_are_queued_once(queued):
    now = timezone.now()
    never = WireSourceFactory(next_poll_at=None)
    due = WireSourceFactory(next_poll_at=now - timedelta(seconds=1))
    WireSourceFactory(next_poll_at=now + timedelta(seconds=10))
    WireSourceFactory(next_poll_at=None, enabled=False)

    assert enqueue_due_polls(now) == 2
    assert sorted(queued) == sorted([never.pk, due.pk])
    # The next clock tick finds them not due: the poll was pushed forward.
    assert enqueue_due_polls(now + timedelta(seconds=5)) == 0
    due.refresh_from_db()
    assert due.next_poll_at == now + timedelta(seconds=30)


def test_two_clocks_that_saw_a_source_due_queue_it_once(queued, monkeypatch):
    now = timezone.now()
    source = WireSourceFactory(next_poll_at=now - timedelta(seconds=1))
    seen_by_both = list(
        schedule.due_sources(now).values_list("pk", "next_poll_at", "poll_interval")
    )
    # The second clock read the same row before the first claimed it.
    monkeypatch.setattr(
        schedule,
        "due_sources",
        lambda now: type("Rows", (), {"values_list": lambda *a: seen_by_both})(),
    )

    assert enqueue_due_polls(now) == 1
    assert enqueue_due_polls(now) == 0
    assert queued == [source.pk]


def test_the_task_polls_the_source(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1")))
    folder_source.next_poll_at = None
    folder_source.save()

    # The tests' task backend runs the task at once.
    assert enqueue_due_polls() == 1

    assert WireItem.objects.count() == 1
    folder_source.refresh_from_db()
    assert folder_source.last_polled_at is not None


def test_a_poll_queued_twice_runs_once(folder_source, drop):
    from masthead.wires.tasks import poll_wire_source

    drop(ninjs(ninjs_item("urn:1")))
    first = poll_wire_source.enqueue(folder_source.pk)
    second = poll_wire_source.enqueue(folder_source.pk)

    assert first.return_value["new"] == 1
    assert second.return_value == {"skipped": True}


def test_a_disabled_or_deleted_source_is_not_polled(folder_source):
    from masthead.wires.tasks import poll_wire_source

    folder_source.enabled = False
    folder_source.save()
    assert poll_wire_source.enqueue(folder_source.pk).return_value == {}
    assert poll_wire_source.enqueue(999_999).return_value == {}

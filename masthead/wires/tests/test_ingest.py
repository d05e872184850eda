from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.wires import storing
from masthead.wires.ingest import MAX_BACKOFF_SECONDS, poll_source
from masthead.wires.models import (
    WireItem,
    WireItemVersion,
    WireSourceError,
    WireUse,
)

from .documents import BODY, OTHER_STORY, REWRITE, ninjs, ninjs_item

pytestmark = pytest.mark.django_db


def test_new_items_are_stored_with_their_first_version(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1", version=2), ninjs_item("urn:2", "Bank holds")))

    summary = poll_source(folder_source)

    assert (summary.new, summary.errors, summary.failed) == (2, 0, False)
    item = WireItem.objects.get(guid="urn:1")
    assert item.version == 2
    assert item.paragraphs == list(BODY)
    assert item.language == "en"
    assert item.credit == "Agency Press"
    assert list(item.versions.values_list("version", flat=True)) == [2]
    folder_source.refresh_from_db()
    assert folder_source.last_success_at is not None
    assert folder_source.consecutive_failures == 0


def test_polling_the_same_document_twice_stores_nothing_new(folder_source, drop):
    document = ninjs(ninjs_item("urn:1", version=1), ninjs_item("urn:2", "Bank"))
    drop(document)
    poll_source(folder_source)
    drop(document)

    summary = poll_source(folder_source)

    assert (summary.new, summary.updated, summary.unchanged) == (0, 0, 2)
    assert WireItem.objects.count() == 2
    assert WireItemVersion.objects.count() == 2


def _use(item, home):
    """A use of the item's current version by a page (any page will do)."""
    return WireUse.objects.create(item=item, version=item.version, page=home)


def test_a_higher_provider_version_is_kept_and_flags_the_draft(
    folder_source, drop, home
):
    drop(ninjs(ninjs_item("urn:1", version=1)))
    poll_source(folder_source)
    use = _use(WireItem.objects.get(), home)
    assert not use.has_newer_version

    drop(ninjs(ninjs_item("urn:1", "Floods: death toll rises", version=3)))
    summary = poll_source(folder_source)

    assert summary.updated == 1
    item = WireItem.objects.get()
    assert (item.version, item.headline) == (3, "Floods: death toll rises")
    assert sorted(item.versions.values_list("version", flat=True)) == [1, 3]
    use.refresh_from_db()
    assert use.has_newer_version
    assert list(WireUse.objects.flagged()) == [use]


def test_a_lower_or_equal_provider_version_changes_nothing(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1", version=3)))
    poll_source(folder_source)
    drop(ninjs(ninjs_item("urn:1", "An older headline", version=2)))

    assert poll_source(folder_source).unchanged == 1
    assert WireItem.objects.get().headline != "An older headline"


def test_without_provider_versions_a_text_change_is_a_new_version(
    folder_source, drop, home
):
    drop(ninjs(ninjs_item("urn:1")))
    poll_source(folder_source)
    use = _use(WireItem.objects.get(), home)
    drop(ninjs(ninjs_item("urn:1")))
    assert poll_source(folder_source).unchanged == 1

    drop(ninjs(ninjs_item("urn:1", paragraphs=(*BODY, "Two people died."))))
    assert poll_source(folder_source).updated == 1

    item = WireItem.objects.get()
    assert item.version == 2
    assert item.paragraphs[-1] == "Two people died."
    assert WireItemVersion.objects.get(item=item, version=1).paragraphs == list(BODY)
    use.refresh_from_db()
    assert use.has_newer_version


def test_a_canceled_version_flags_the_draft(folder_source, drop, home):
    drop(ninjs(ninjs_item("urn:1", version=1)))
    poll_source(folder_source)
    use = _use(WireItem.objects.get(), home)

    drop(ninjs(ninjs_item("urn:1", version=2, status="canceled")))
    poll_source(folder_source)

    use.refresh_from_db()
    assert use.item.status == "canceled"
    assert use.is_flagged


def test_a_cancellation_under_the_same_version_number_is_taken(
    folder_source, drop, home
):
    drop(ninjs(ninjs_item("urn:1", version=4)))
    poll_source(folder_source)
    use = _use(WireItem.objects.get(), home)

    drop(ninjs(ninjs_item("urn:1", version=4, status="canceled")))
    assert poll_source(folder_source).updated == 1

    use.refresh_from_db()
    assert use.item.status == "canceled"
    assert list(WireUse.objects.flagged()) == [use]


def test_a_near_duplicate_is_folded_under_the_first(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1")))
    poll_source(folder_source)
    drop(
        ninjs(
            ninjs_item("urn:other-agency:7", paragraphs=REWRITE),
            ninjs_item("urn:3", "Bank holds rates", paragraphs=OTHER_STORY),
        )
    )

    summary = poll_source(folder_source)

    assert (summary.new, summary.duplicates) == (2, 1)
    first = WireItem.objects.get(guid="urn:1")
    assert WireItem.objects.get(guid="urn:other-agency:7").duplicate_of == first
    assert WireItem.objects.get(guid="urn:3").duplicate_of is None


def test_a_third_near_duplicate_joins_the_first_ones_cluster(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1")))
    drop(ninjs(ninjs_item("urn:2", paragraphs=REWRITE)))
    drop(ninjs(ninjs_item("urn:3", paragraphs=(*REWRITE[:2], "Rain will ease."))))
    poll_source(folder_source)

    first = WireItem.objects.get(guid="urn:1")
    assert set(first.duplicates.values_list("guid", flat=True)) == {"urn:2", "urn:3"}


def test_near_duplicates_are_only_looked_for_in_the_same_language(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1"), ninjs_item("urn:2", language="fr")))
    poll_source(folder_source)

    assert not WireItem.objects.filter(duplicate_of__isnull=False).exists()
    assert WireItem.objects.get(guid="urn:2").language == "fr"


def test_near_duplicates_older_than_two_days_are_not_folded(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1")))
    poll_source(folder_source, now=timezone.now() - timedelta(hours=49))
    drop(ninjs(ninjs_item("urn:2", paragraphs=REWRITE)))
    poll_source(folder_source)

    assert WireItem.objects.get(guid="urn:2").duplicate_of is None


def test_items_without_a_language_take_the_sources_edition(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1", language="")))
    poll_source(folder_source)
    assert WireItem.objects.get().language == "en"


def test_withheld_items_are_stored_with_their_status(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1", status="withheld")))
    poll_source(folder_source)
    assert WireItem.objects.get().status == "withheld"


def test_item_errors_are_recorded_and_the_good_items_stored(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1"), {"uri": "urn:bad", "headline": ""}), "mixed.json")

    summary = poll_source(folder_source)

    assert summary.new == 1
    assert summary.errors == 1
    error = WireSourceError.objects.get()
    assert error.source == folder_source
    assert "refused" in error.message
    assert "mixed.json" in error.detail


def test_a_malformed_document_is_recorded_and_the_next_file_still_read(
    folder_source, drop
):
    drop(b'[{"uri": "urn:1", "headline": ', "broken.json")
    drop(ninjs(ninjs_item("urn:2")), "good.json")

    summary = poll_source(folder_source)

    assert summary.new == 1
    error = WireSourceError.objects.get()
    assert error.message.startswith("Could not read broken.json: Not valid JSON")
    # A bad file in a drop folder is moved aside; the source itself works.
    assert not summary.failed


def test_an_exception_storing_one_item_does_not_stop_the_others(
    folder_source, drop, monkeypatch
):
    original = storing.ItemStore._create

    def fail_on_second(self, entry):
        if entry.guid == "urn:2":
            raise RuntimeError("disk on fire")
        return original(self, entry)

    monkeypatch.setattr(storing.ItemStore, "_create", fail_on_second)
    drop(ninjs(ninjs_item("urn:1"), ninjs_item("urn:2", "B"), ninjs_item("urn:3", "C")))

    summary = poll_source(folder_source)

    assert set(WireItem.objects.values_list("guid", flat=True)) == {"urn:1", "urn:3"}
    assert summary.errors == 1
    error = WireSourceError.objects.get()
    assert "disk on fire" in error.message
    assert "urn:2" in error.detail


def test_an_unexpected_error_never_escapes_the_poll(folder_source, monkeypatch):
    def explode(self):
        raise ValueError("boom")

    monkeypatch.setattr("masthead.wires.ingest._Poll.run", explode)

    summary = poll_source(folder_source)

    assert summary.failed
    assert "boom" in WireSourceError.objects.get().message


def test_failing_polls_back_off_up_to_ten_minutes(folder_source, drop_root):
    (drop_root / "agency").rmdir()
    now = timezone.now()
    delays = []
    for _ in range(7):
        poll_source(folder_source, now=now)
        delays.append((folder_source.next_poll_at - now).total_seconds())

    assert folder_source.consecutive_failures == 7
    assert delays == [60, 120, 240, 480, 600, 600, 600]
    assert max(delays) == MAX_BACKOFF_SECONDS
    assert "does not exist" in WireSourceError.objects.first().message

    (drop_root / "agency").mkdir()
    poll_source(folder_source, now=now)
    assert folder_source.consecutive_failures == 0
    assert folder_source.next_poll_at == now + timedelta(seconds=30)


def test_errors_are_kept_to_the_newest_two_hundred(folder_source, drop_root):
    from masthead.wires.models.errors import KEPT_PER_SOURCE

    WireSourceError.objects.record(
        folder_source, [(f"old {n}", "") for n in range(KEPT_PER_SOURCE)]
    )
    WireSourceError.objects.record(folder_source, [("newest", "")])

    kept = WireSourceError.objects.filter(source=folder_source)
    assert kept.count() == KEPT_PER_SOURCE
    assert not kept.filter(message="old 0").exists()
    assert kept.filter(message="newest").exists()


def test_error_texts_are_bounded(folder_source):
    WireSourceError.objects.record(folder_source, [("m" * 5000, "d" * 5000)])
    error = WireSourceError.objects.get()
    assert len(error.message) == 500
    assert len(error.detail) == 2000

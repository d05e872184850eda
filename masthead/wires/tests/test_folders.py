import os
import time

import pytest

from masthead.wires import folders
from masthead.wires.ingest import poll_source
from masthead.wires.models import WireItem, WireSourceError

from .documents import ninjs, ninjs_item, rss

pytestmark = pytest.mark.django_db


def test_read_files_move_to_done_and_unreadable_ones_to_failed(folder_source, drop):
    good = drop(ninjs(ninjs_item("urn:1")), "good.json")
    bad = drop(b"{not json", "bad.json")

    poll_source(folder_source)

    folder = good.parent
    assert not good.exists() and not bad.exists()
    assert (folder / ".done" / "good.json").exists()
    assert (folder / ".failed" / "bad.json").exists()
    error = WireSourceError.objects.get()
    assert "bad.json" in error.message


def test_partial_uploads_and_dotfiles_are_left_alone(folder_source, drop):
    waiting = [
        drop(ninjs(), "upload.json.part"),
        drop(ninjs(), "upload.tmp"),
        drop(ninjs(), ".hidden.json"),
    ]
    fresh = drop(ninjs(), "just-written.json")
    os.utime(fresh)  # modified now: may still be being written

    poll_source(folder_source)

    assert WireItem.objects.count() == 0
    assert all(path.exists() for path in [*waiting, fresh])


def test_files_are_read_oldest_first_and_bounded_per_poll(
    folder_source, drop, monkeypatch
):
    monkeypatch.setattr(folders, "MAX_FILES_PER_POLL", 2)
    for number, age in ((1, 30), (2, 20), (3, 10)):
        path = drop(ninjs(ninjs_item(f"urn:{number}", f"Story {number}")))
        os.utime(path, (time.time() - age, time.time() - age))

    poll_source(folder_source)
    assert set(WireItem.objects.values_list("guid", flat=True)) == {"urn:1", "urn:2"}
    poll_source(folder_source)
    assert WireItem.objects.count() == 3


def test_each_file_is_read_in_its_own_format(folder_source, drop):
    drop(rss(("rss-1", "From an RSS file", "Text of the story.")), "feed.xml")
    drop(ninjs(ninjs_item("urn:1")), "item.json")

    poll_source(folder_source)

    assert set(WireItem.objects.values_list("guid", flat=True)) == {"rss-1", "urn:1"}


def test_a_file_too_large_is_refused_unread(folder_source, drop, monkeypatch):
    monkeypatch.setattr(folders, "MAX_DOCUMENT_BYTES", 100)
    path = drop(ninjs(), "big.json")

    poll_source(folder_source)

    assert (path.parent / ".failed" / "big.json").exists()
    assert WireSourceError.objects.get().message == "big.json is larger than 100 bytes"


def test_a_name_already_done_is_not_overwritten(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1")), "same.json")
    poll_source(folder_source)
    drop(ninjs(ninjs_item("urn:2")), "same.json")
    poll_source(folder_source)

    assert len(list((folders.folder_path("agency") / ".done").iterdir())) == 2


def test_symbolic_links_are_not_followed(folder_source, drop_root, tmp_path):
    outside = tmp_path / "secret.json"
    outside.write_bytes(ninjs())
    (drop_root / "agency" / "link.json").symlink_to(outside)

    assert folders.pending_files("agency") == []


@pytest.mark.parametrize("folder", ["../elsewhere", "", "."])
def test_a_folder_outside_the_drop_root_is_refused(drop_root, folder):
    with pytest.raises(folders.FolderError):
        folders.folder_path(folder)

"""A source with a section makes a draft of every new usable item at once."""

import pytest

from masthead.articles.models import ArticlePage
from masthead.wires.ingest import poll_source
from masthead.wires.models import WireSourceError, WireUse

from .documents import REWRITE, ninjs, ninjs_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafting(folder_source, news, desk):
    folder_source.auto_draft_section = news
    folder_source.save()
    return folder_source


def test_every_new_usable_item_becomes_a_draft(drafting, drop, news):
    drop(
        ninjs(
            ninjs_item("urn:1"),
            ninjs_item("urn:2", "Held", status="withheld"),
            ninjs_item("urn:3", "Killed", status="canceled"),
        )
    )

    summary = poll_source(drafting)

    assert summary.drafts == 1
    page = ArticlePage.objects.get()
    assert page.get_parent().pk == news.pk
    assert not page.live
    assert page.source == "Agency Press"
    assert WireUse.objects.get().item.guid == "urn:1"


def test_a_new_version_flags_the_draft_and_makes_no_other(drafting, drop):
    drop(ninjs(ninjs_item("urn:1", version=1)))
    poll_source(drafting)
    drop(ninjs(ninjs_item("urn:1", "Death toll rises", version=2)))

    assert poll_source(drafting).drafts == 0

    assert ArticlePage.objects.count() == 1
    assert WireUse.objects.get().has_newer_version


def test_a_released_item_becomes_a_draft(drafting, drop):
    drop(ninjs(ninjs_item("urn:1", version=1, status="withheld")))
    poll_source(drafting)
    drop(ninjs(ninjs_item("urn:1", version=2, status="usable")))

    assert poll_source(drafting).drafts == 1
    assert WireUse.objects.get().version == 2


def test_a_near_duplicate_of_a_used_story_makes_no_second_draft(drafting, drop):
    drop(ninjs(ninjs_item("urn:1")))
    poll_source(drafting)
    drop(ninjs(ninjs_item("urn:2", paragraphs=REWRITE)))

    summary = poll_source(drafting)

    assert (summary.duplicates, summary.drafts) == (1, 0)
    assert ArticlePage.objects.count() == 1


def test_a_draft_that_cannot_be_made_is_a_source_error(drafting, drop, monkeypatch):
    def refuse(*args, **kwargs):
        raise RuntimeError("section locked")

    monkeypatch.setattr("masthead.wires.ingest.use_wire_item", refuse)
    drop(ninjs(ninjs_item("urn:1")))

    summary = poll_source(drafting)

    assert summary.new == 1
    assert "No draft was made" in WireSourceError.objects.get().message

import pytest

from masthead.front.setup import ensure_edition_home
from masthead.wires.demo import DEMO_SOURCES, load_wire_demo
from masthead.wires.models import WireItem, WireSource, WireSourceError
from masthead.wires.queries import cluster_heads

pytestmark = pytest.mark.django_db


def test_loads_a_source_per_format_and_reads_them(home, drop_root):
    ensure_edition_home("es")

    polls = load_wire_demo()

    assert len(polls) == len(DEMO_SOURCES) == WireSource.objects.count()
    assert not WireSourceError.objects.exists()
    assert all(not poll.failed for poll in polls.values())
    assert set(WireSource.objects.values_list("format", flat=True)) == {
        "rss",
        "ninjs",
        "newsml",
    }
    assert WireItem.objects.filter(language="es").count() == 2
    # What the demo is for: a folded story, a second version, a held item.
    assert WireItem.objects.filter(duplicate_of__isnull=False).exists()
    assert WireItem.objects.get(guid="urn:newsml:demo.meridian:quake").version == 2
    assert WireItem.objects.filter(status="withheld").exists()
    assert cluster_heads().count() < WireItem.objects.count()
    assert not WireSource.objects.filter(auto_draft_section__isnull=False).exists()


def test_loading_twice_adds_nothing(home, drop_root):
    load_wire_demo()
    items = WireItem.objects.count()

    assert load_wire_demo() == {}
    assert WireItem.objects.count() == items


def test_an_edition_not_loaded_gets_no_source(home, drop_root):
    load_wire_demo()
    assert not WireSource.objects.filter(locale__language_code="es").exists()

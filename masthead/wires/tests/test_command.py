from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from masthead.wires.models import WireItem

from .documents import ninjs, ninjs_item
from .factories import WireSourceFactory

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("wire_poll", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_polls_every_enabled_source_and_prints_the_summary(folder_source, drop):
    drop(ninjs(ninjs_item("urn:1"), ninjs_item("urn:2", "Bank holds rates")))
    WireSourceFactory(name="Switched off", enabled=False)

    out, err = run()

    assert "Agency Press (EN): 2 new, 0 updated" in out
    assert "(1 document read)" in out
    assert "Switched off" not in out
    assert err == ""
    assert WireItem.objects.count() == 2


def test_polls_one_source_and_says_when_it_failed(folder_source, drop_root):
    (drop_root / "agency").rmdir()

    out, err = run("--source", str(folder_source.pk))

    assert "failed" in out
    assert "1 source(s) could not be read." in err


def test_an_unknown_source_is_an_error(db):
    with pytest.raises(CommandError, match="No wire source has the id 12345"):
        run("--source", "12345")

"""Agency wires for the demo newsroom: one drop-folder source per format for the
English edition and one for the Spanish, each read once, so that Incoming wires
has stories (a near duplicate, a second version, a withheld item) to try.

The documents are in `demo_documents/`; the demo loader calls `load_wire_demo`.
"""

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale

from .folders import SETTLE_SECONDS
from .ingest import PollSummary, poll_source
from .models import WireSource

DOCUMENTS = Path(__file__).resolve().parent / "demo_documents"


@dataclass(frozen=True)
class DemoSource:
    name: str
    language: str
    format: str
    folder: str
    credit: str
    document: str


DEMO_SOURCES = (
    DemoSource(
        "Northwind Wire – World (demo)", "en", "rss", "demo/en-rss",
        "Northwind Wire", "en-world.rss",
    ),
    DemoSource(
        "Harbour Press (demo)", "en", "ninjs", "demo/en-ninjs",
        "Harbour Press", "en-desk.json",
    ),
    DemoSource(
        "Meridian Demo Agency (demo)", "en", "newsml", "demo/en-newsml",
        "Meridian", "en-newsml.xml",
    ),
    DemoSource(
        "Agencia Sur (demo)", "es", "ninjs", "demo/es-ninjs",
        "Agencia Sur", "es-noticias.json",
    ),
)  # fmt: skip


def _drop(demo: DemoSource) -> None:
    folder = Path(settings.MASTHEAD_WIRE_DROP_ROOT) / demo.folder
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / demo.document
    shutil.copyfile(DOCUMENTS / demo.document, target)
    # Dated back, or the poll would wait for the "upload" to settle.
    settled = time.time() - SETTLE_SECONDS - 1
    os.utime(target, (settled, settled))


def load_wire_demo() -> dict[str, PollSummary]:
    """Create the demo sources that are missing and read each new one once;
    returns the polls made, by source name. Loading twice adds nothing."""
    polls = {}
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for demo in DEMO_SOURCES:
        locale = locales.get(demo.language)
        if locale is None:
            continue  # that edition is not loaded
        source, created = WireSource.objects.get_or_create(
            name=demo.name,
            defaults={
                "format": demo.format,
                "transport": "folder",
                "folder": demo.folder,
                "credit": demo.credit,
                "locale": locale,
            },
        )
        if not created and source.items.exists():
            continue
        _drop(demo)
        polls[source.name] = poll_source(source)
    return polls

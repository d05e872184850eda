"""Agency wires: how fast items are parsed and stored, and how long a wire takes
from appearing at its source to being a draft article.

A scratch newsroom is made (migrated SQLite under a temporary MASTHEAD_VAR_DIR;
one English edition with a News section and its desk), then:

  throughput  documents of --per-document generated items (distinct stories, so
              nothing folds) in each format. "parse" is `parsers.parse` alone,
              next to the bare reading of the same bytes (`json.loads`,
              `lxml.etree.fromstring`): items per second and the ratio.
              "store" is `poll_source` on a drop folder holding --items items
              in documents of that format: read, parsed, looked up, fingerprinted,
              folded and stored with their first version, next to a plain Django
              `bulk_create` of the same item and version rows; then the same
              documents dropped again, which must store nothing ("again").
              One process; the SQLite database as `masthead serve` uses it.
  latency     the embedded setup's own pieces, each a process: `masthead worker`
              (the task worker) and `masthead clock` (queues due polls every
              MASTHEAD_CLOCK_SECONDS, 5 s by default). Two sources with
              auto-draft into News and the default 30 s poll interval: an RSS
              feed served over HTTP by a local http.server, and a ninjs drop
              folder. At a random moment (uniform over one poll interval) a new
              item is added to the feed (the file replaced whole) or dropped into
              the folder (written as *.part, then renamed, as uploaders do); the
              time until its draft exists (its WireUse row, written with the page
              in one transaction) is measured by polling the database every 0.1 s.
              --trials per transport, both transports at once.

Target: a wire is a draft within 60 s with the default schedule.

Usage: .venv/bin/python bench/wires.py [--items 2000] [--trials 5]
"""

import argparse
import functools
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from benchlib import PYTHON, ROOT, Scratch, interrupt

TARGET_SECONDS = 60
POLL_SECONDS = 30  # MASTHEAD_WIRE_POLL_SECONDS' default: what a source gets
FORMATS = ("rss", "ninjs", "newsml")
WORDS = [
    "minister", "council", "port", "strike", "rain", "flood", "border", "talks",
    "court", "vote", "bank", "rate", "market", "oil", "grain", "harvest", "storm",
    "rescue", "village", "city", "river", "bridge", "school", "hospital", "doctor",
    "teacher", "union", "budget", "tax", "trade", "export", "import", "railway",
    "road", "airport", "ferry", "coast", "island", "mountain", "election", "party",
    "leader", "army", "police", "protest", "ceasefire", "treaty", "summit",
    "energy", "power", "water", "drought", "fire", "forest",
]  # fmt: skip


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Generated documents -------------------------------------------------------------


def story(rng: random.Random, number: int) -> dict:
    def sentence(words: int) -> str:
        return " ".join(rng.choices(WORDS, k=words)).capitalize() + "."

    return {
        "guid": f"urn:bench:{uuid.uuid4().hex}",
        "headline": f"{sentence(8)[:-1]} ({number})",
        "summary": sentence(20),
        "paragraphs": [" ".join(sentence(15) for _ in range(3)) for _ in range(4)],
    }


def rss_document(stories: list[dict]) -> bytes:
    items = "".join(
        f"<item><guid isPermaLink='false'>{s['guid']}</guid>"
        f"<title>{escape(s['headline'])}</title>"
        f"<description>{escape(s['summary'])}</description>"
        "<content:encoded><![CDATA["
        + "".join(f"<p>{escape(p)}</p>" for p in s["paragraphs"])
        + "]]></content:encoded></item>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Bench Wire</title><link>https://wires.example.com/</link>"
        f"<description>Bench</description><language>en</language>{items}"
        "</channel></rss>"
    ).encode()


def ninjs_document(stories: list[dict]) -> bytes:
    return json.dumps(
        [
            {
                "uri": s["guid"],
                "version": "1",
                "language": "en",
                "pubstatus": "usable",
                "headline": s["headline"],
                "description_text": s["summary"],
                "body_html": "".join(f"<p>{escape(p)}</p>" for p in s["paragraphs"]),
                "copyrightholder": "Bench Wire",
            }
            for s in stories
        ]
    ).encode()


def newsml_document(stories: list[dict]) -> bytes:
    items = "".join(
        f'<newsItem guid="{s["guid"]}" version="1" standard="NewsML-G2" '
        'standardversion="2.33" xml:lang="en"><itemMeta>'
        '<itemClass qcode="ninat:text"/><provider literal="Bench Wire"/>'
        '<pubStatus qcode="stat:usable"/></itemMeta><contentMeta>'
        f'<language tag="en"/><headline>{escape(s["headline"])}</headline>'
        f'<description role="drol:summary">{escape(s["summary"])}</description>'
        '</contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        + "".join(f"<p>{escape(p)}</p>" for p in s["paragraphs"])
        + "</body></html></inlineXML></contentSet></newsItem>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'
        f"<header><sent>2026-01-01T00:00:00Z</sent></header><itemSet>{items}"
        "</itemSet></newsMessage>"
    ).encode()


WRITERS = {"rss": rss_document, "ninjs": ninjs_document, "newsml": newsml_document}
EXTENSIONS = {"rss": "rss", "ninjs": "json", "newsml": "xml"}


# --- Runs inside the scratch newsroom's process --------------------------------------


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def newsroom():
    """The English edition, its News section and its desk."""
    from masthead.authors.models import Author
    from masthead.front.setup import ensure_edition_home
    from masthead.sections.models import SectionPage

    home = ensure_edition_home("en")
    news = SectionPage.objects.filter(slug="news").first()
    if news is None:
        news = home.add_child(instance=SectionPage(title="News", slug="news"))
        news.save_revision().publish(skip_permission_checks=True)
    Author.objects.get_or_create(
        locale=home.locale,
        slug="desk",
        defaults={"name": "The Bench Desk", "is_desk": True},
    )
    return home, news


def timed(function, minimum_seconds: float = 1.0) -> float:
    """Seconds per call, over at least `minimum_seconds`."""
    calls, started = 0, time.perf_counter()
    while True:
        function()
        calls += 1
        elapsed = time.perf_counter() - started
        if elapsed >= minimum_seconds:
            return elapsed / calls


def bare_reading(format: str):
    if format == "ninjs":
        return json.loads
    from lxml import etree

    return etree.fromstring


def measure_parse(per_document: int) -> dict:
    from masthead.wires.parsers import parse

    rng = random.Random(1)  # noqa: S311 (generated text)
    results = {}
    for format in FORMATS:
        data = WRITERS[format]([story(rng, n) for n in range(per_document)])
        parsed = parse(data, format)
        assert len(parsed.items) == per_document, (format, parsed.errors[:3])
        bare = bare_reading(format)
        results[format] = {
            "parse": per_document / timed(lambda data=data, f=format: parse(data, f)),
            "bare": per_document / timed(lambda data=data, bare=bare: bare(data)),
            "bytes": len(data),
        }
    return results


def drop_documents(folder: Path, documents: list[bytes], format: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    settled = time.time() - 5
    for number, data in enumerate(documents):
        path = folder / f"bench-{number:04d}.{EXTENSIONS[format]}"
        path.write_bytes(data)
        os.utime(path, (settled, settled))


def bulk_insert_baseline(source, stories: list[dict]) -> float:
    """Seconds to bulk_create the same items and versions, then remove them."""
    from django.db import transaction
    from django.utils import timezone

    from masthead.wires.models import WireItem, WireItemVersion

    now = timezone.now()
    rows = [
        WireItem(
            source=source,
            guid=s["guid"] + ":baseline",
            headline=s["headline"],
            summary=s["summary"],
            body="\n\n".join(s["paragraphs"]),
            language="en",
            received_at=now,
            updated_at=now,
            fingerprint=0,
        )
        for s in stories
    ]
    started = time.perf_counter()
    with transaction.atomic():
        items = WireItem.objects.bulk_create(rows, batch_size=500)
        WireItemVersion.objects.bulk_create(
            [
                WireItemVersion(
                    item=item,
                    version=1,
                    headline=item.headline,
                    summary=item.summary,
                    body=item.body,
                    received_at=now,
                )
                for item in items
            ],
            batch_size=500,
        )
    seconds = time.perf_counter() - started
    WireItem.objects.filter(guid__endswith=":baseline").delete()
    return seconds


def measure_store(total: int, per_document: int) -> dict:
    from django.conf import settings
    from wagtail.models import Locale

    from masthead.wires.ingest import poll_source
    from masthead.wires.models import WireItem, WireSource

    rng = random.Random(2)  # noqa: S311 (generated text)
    results = {}
    for format in FORMATS:
        stories = [story(rng, n) for n in range(total)]
        documents = [
            WRITERS[format](stories[start : start + per_document])
            for start in range(0, total, per_document)
        ]
        source = WireSource.objects.create(
            name=f"Bench {format}",
            format=format,
            transport="folder",
            folder=f"throughput-{format}",
            locale=Locale.get_default(),
        )
        folder = Path(settings.MASTHEAD_WIRE_DROP_ROOT) / source.folder
        drop_documents(folder, documents, format)
        started = time.perf_counter()
        summary = poll_source(source)
        store_seconds = time.perf_counter() - started
        assert summary.new == total and not summary.errors, (format, str(summary))
        drop_documents(folder, documents, format)
        started = time.perf_counter()
        again = poll_source(source)
        again_seconds = time.perf_counter() - started
        assert again.unchanged == total and again.new == 0, str(again)
        results[format] = {
            "store": total / store_seconds,
            "again": total / again_seconds,
            "bulk": total / bulk_insert_baseline(source, stories),
            "stored": WireItem.objects.filter(source=source).count(),
        }
    return results


def measure(total: int, per_document: int) -> dict:
    setup_django()
    newsroom()
    log("Parsing…")
    parsing = measure_parse(per_document)
    log(f"Storing {total:,} items per format…")
    storing = measure_store(total, per_document)
    return {"parse": parsing, "store": storing}


def setup_sources(feed_url: str) -> dict:
    """The two auto-drafting sources of the latency measurement."""
    setup_django()
    from wagtail.models import Locale

    from masthead.wires.models import WireSource

    _home, news = newsroom()
    common = {"locale": Locale.get_default(), "auto_draft_section": news}
    http = WireSource.objects.create(
        name="Bench feed (HTTP)",
        format="rss",
        transport="http",
        url=feed_url,
        **common,
    )
    http.full_clean()
    folder = WireSource.objects.create(
        name="Bench folder", format="ninjs", transport="folder", folder="latency",
        **common,
    )  # fmt: skip
    folder.full_clean()
    assert http.poll_interval == folder.poll_interval == POLL_SECONDS
    return {"http": http.pk, "folder": folder.pk}


# --- The latency measurement, in the bench's own process -----------------------------


class QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Transport:
    """Puts new items where one source reads them."""

    def __init__(self, name: str):
        self.name = name
        self.rng = random.Random(name)  # noqa: S311 (timing jitter)
        self.results: list[float] = []
        self.missed = 0


class FeedTransport(Transport):
    def __init__(self, path: Path):
        super().__init__("HTTP (RSS feed)")
        self.path = path
        self.stories = [story(self.rng, 0)]
        self.write()

    def write(self) -> None:
        partial = self.path.with_suffix(".new")
        partial.write_bytes(rss_document(self.stories[-20:]))
        os.replace(partial, self.path)

    def publish(self) -> str:
        self.stories.append(story(self.rng, len(self.stories)))
        self.write()
        return self.stories[-1]["guid"]


class FolderTransport(Transport):
    def __init__(self, folder: Path):
        super().__init__("drop folder (ninjs)")
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def publish(self) -> str:
        item = story(self.rng, 0)
        partial = self.folder / f"{item['guid'][-12:]}.json.part"
        partial.write_bytes(ninjs_document([item]))
        os.replace(partial, partial.with_suffix(""))
        return item["guid"]


def draft_exists(database: Path, guid: str) -> bool:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
        row = db.execute(
            "SELECT 1 FROM wires_wireuse AS u JOIN wires_wireitem AS i "
            "ON i.id = u.item_id WHERE i.guid = ?",
            (guid,),
        ).fetchone()
    return row is not None


def polled_once(database: Path, source_ids: list[int]) -> bool:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
        polled = [
            db.execute(
                "SELECT 1 FROM wires_wiresource "
                "WHERE id = ? AND last_success_at IS NOT NULL",
                (pk,),
            ).fetchone()
            for pk in source_ids
        ]
    return all(polled)


def run_trials(transport: Transport, database: Path, trials: int) -> None:
    for trial in range(trials):
        # At a random moment of the poll cycle, as an agency would.
        time.sleep(transport.rng.uniform(0, POLL_SECONDS))
        guid = transport.publish()
        published = time.monotonic()
        deadline = published + 2 * TARGET_SECONDS
        elapsed = None
        while time.monotonic() < deadline:
            if draft_exists(database, guid):
                elapsed = time.monotonic() - published
                break
            time.sleep(0.1)
        if elapsed is None:
            transport.missed += 1
            log(f"  {transport.name}, trial {trial + 1}: no draft after 120 s")
        else:
            transport.results.append(elapsed)
            log(f"  {transport.name}, trial {trial + 1}: {elapsed:.1f} s")


def measure_latency(scratch: Scratch, trials: int) -> tuple[list[Transport], dict]:
    web_root = Path(tempfile.mkdtemp(prefix="masthead-bench-feed-"))
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietFiles, directory=str(web_root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    feed = FeedTransport(web_root / "feed.rss")
    feed_url = f"http://127.0.0.1:{server.server_address[1]}/feed.rss"
    drop_root = Path(scratch.env["MASTHEAD_WIRE_DROP_ROOT"])
    folder = FolderTransport(drop_root / "latency")
    ids = json.loads(
        subprocess.run(
            [PYTHON, __file__, "--setup-sources", feed_url],
            cwd=ROOT, env=scratch.env, capture_output=True, text=True, check=True,
        ).stdout.strip().splitlines()[-1]
    )  # fmt: skip
    database = scratch.path / "masthead.sqlite3"
    clock_seconds = float(scratch.env.get("MASTHEAD_CLOCK_SECONDS", "5"))
    processes = [
        subprocess.Popen(
            [PYTHON, "-m", "masthead.cli", *command],
            cwd=ROOT,
            env=scratch.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for command in (["worker"], ["clock"])
    ]
    try:
        deadline = time.monotonic() + 60
        while not polled_once(database, list(ids.values())):
            if time.monotonic() > deadline:
                raise SystemExit("the worker and the clock never polled the sources")
            time.sleep(0.5)
        log(
            f"Worker and clock running (clock every {clock_seconds:g} s); "
            f"{trials} trials per transport…"
        )
        transports = [feed, folder]
        threads = [
            threading.Thread(target=run_trials, args=(t, database, trials))
            for t in transports
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for process in processes:
            interrupt(process, grace=15)
        server.shutdown()
    return transports, {"clock_seconds": clock_seconds}


# --- Report --------------------------------------------------------------------------


def report_throughput(results: dict, total: int, per_document: int) -> None:
    print(
        f"\nThroughput: items per second, one process, SQLite "
        f"({per_document} items a document; store: {total:,} items a format)"
    )
    print(
        f"  {'format':8} {'parse':>9} {'bare read':>10} {'ratio':>6}"
        f" {'store':>8} {'again':>8} {'bulk insert':>12} {'ratio':>6}"
    )
    for format in FORMATS:
        parse, store = results["parse"][format], results["store"][format]
        print(
            f"  {format:8} {parse['parse']:9,.0f} {parse['bare']:10,.0f}"
            f" {parse['parse'] / parse['bare']:5.2f}x"
            f" {store['store']:8,.0f} {store['again']:8,.0f} {store['bulk']:12,.0f}"
            f" {store['store'] / store['bulk']:5.2f}x"
        )
    print(
        "  parse: parsers.parse; bare read: json.loads / lxml.etree.fromstring of "
        "the same bytes;\n"
        "  store: poll_source on a drop folder (read, parse, look up, fingerprint, "
        "fold, store item and version);\n"
        "  again: the same documents dropped again (all unchanged); bulk insert: "
        "Django bulk_create of the same rows."
    )


def report_latency(transports: list[Transport], details: dict, trials: int) -> None:
    print(
        f"\nWire to draft: seconds from the item appearing at its source to its "
        f"draft existing\n  (poll every {POLL_SECONDS} s, clock every "
        f"{details['clock_seconds']:g} s, `masthead worker` and `masthead clock` "
        "as processes)"
    )
    print(
        f"  {'transport':22} {'trials':>6} {'min':>6} {'median':>7} {'max':>6}"
        f" {'missed':>7}  target {TARGET_SECONDS} s"
    )
    for transport in transports:
        values = transport.results
        within = values and not transport.missed and max(values) <= TARGET_SECONDS
        figures = (
            f"{min(values):6.1f} {statistics.median(values):7.1f} {max(values):6.1f}"
            if values
            else f"{'-':>6} {'-':>7} {'-':>6}"
        )
        print(
            f"  {transport.name:22} {len(values) + transport.missed:6d} {figures}"
            f" {transport.missed:7d}  {'met' if within else 'MISSED'}"
        )
    print(
        "  The worst case is a poll interval plus a clock tick plus the worker's "
        "1 s wait plus the poll itself."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--per-document", type=int, default=200)
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--setup-sources", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        print(json.dumps(measure(options.items, options.per_document)))
        return
    if options.setup_sources:
        print(json.dumps(setup_sources(options.setup_sources)))
        return
    started = time.monotonic()
    scratch = Scratch()
    scratch.env.update(
        MASTHEAD_WIRE_HOSTS="127.0.0.1",
        MASTHEAD_WIRE_DROP_ROOT=str(scratch.path / "wires"),
        LOG_LEVEL="WARNING",
    )
    for name in ("MASTHEAD_WIRE_POLL_SECONDS", "MASTHEAD_CLOCK_SECONDS"):
        scratch.env.pop(name, None)  # the defaults are what is measured
    try:
        log(f"Migrating a scratch database in {scratch.path}…")
        scratch.masthead("migrate", "--noinput")
        output = subprocess.run(
            [
                PYTHON, __file__, "--measure",
                "--items", str(options.items),
                "--per-document", str(options.per_document),
            ],
            cwd=ROOT, env=scratch.env, stdout=subprocess.PIPE, text=True, check=True,
        ).stdout  # fmt: skip
        throughput = json.loads(output.strip().splitlines()[-1])
        transports, details = measure_latency(scratch, options.trials)
    finally:
        scratch.cleanup()
    report_throughput(throughput, options.items, options.per_document)
    report_latency(transports, details, options.trials)
    print(f"\n(The bench took {time.monotonic() - started:.0f} s.)")


if __name__ == "__main__":
    main()

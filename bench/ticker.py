"""How should open pages learn of breaking news: polling or Server-Sent Events?

Serves the site with granian (WSGI, 2 workers, as `masthead serve` runs it) and holds
N simulated open pages against it, one approach at a time, then prints what one
machine holds and what it costs:

  poll          every page polls /breaking/live.json with its ETag (304 when unchanged)
  poll-varnish  the same through Varnish, the front cache the headers are made for
  poll-tuned    polling with granian's admission raised to one slot per page
  sse           one Server-Sent Events stream per page, granian's default threads
  sse-tuned     the same with a blocking thread (and admission slot) per page

During each run the script publishes a line (through the newsroom action, as the
admin does) and later withdraws it, and times how long each page takes to see it.
A reader also loads the front page every two seconds: a delivery scheme that
starves page views is not an option.

Usage (from the project root):
  .venv/bin/python bench/ticker.py [--pages 1000] [--seconds 40] [--approaches ...]

Data lives in MASTHEAD_VAR_DIR (default /tmp/masthead-bench-ticker); ports come from
BENCH_PORT (default 8640; Varnish listens on BENCH_PORT + 1). This file is also the
WSGI entry point of the SSE runs (`bench.ticker:sse_application`), so importing it
must stay free of side effects.
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
WORKERS = 2
CORES = os.cpu_count() or 1
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
FEED_PATH = "/breaking/live.json"
STREAM_PATH = "/breaking/stream"
DELIVERY_TARGET = 5.0
CONNECT_TIMEOUT = 10.0
# How often an SSE stream looks for a change, and how often it proves it is alive.
SSE_CHECK_SECONDS = 0.5
SSE_HEARTBEAT_SECONDS = 15.0

# --- The SSE variant, served by granian from this module --------------------------

_django_app = None
_django_lock = threading.Lock()


def sse_application(environ, start_response):
    """Django for every URL, plus one SSE stream per page at /breaking/stream.

    The stream is the cheapest a Django SSE view could be: it skips the middleware,
    and one watcher thread per process reads the same cached ticker the JSON
    endpoint serves and wakes the streams when it changes. Under WSGI each open
    stream still keeps one server thread for as long as the page stays open.
    """
    global _django_app
    with _django_lock:
        if _django_app is None:
            from django.core.wsgi import get_wsgi_application

            _django_app = get_wsgi_application()
    if environ.get("PATH_INFO") != STREAM_PATH:
        return _django_app(environ, start_response)
    start_response(
        "200 OK",
        [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")],
    )
    return _sse_events()


class _TickerWatch:
    """One thread per server process looks for changes; the streams wait to be told.

    This is the economical way to run SSE under WSGI: an idle stream's thread sleeps
    on a condition instead of polling the cache itself.
    """

    def __init__(self):
        self.changed = threading.Condition()
        self.ticker = None
        self.thread = None

    def start(self) -> None:
        with self.changed:
            if self.thread is None:
                self.thread = threading.Thread(target=self._watch, daemon=True)
                self.thread.start()

    def _watch(self) -> None:
        from django.db import close_old_connections

        from masthead.breaking.ticker import live_ticker

        while True:
            ticker = live_ticker("en")
            close_old_connections()
            if self.ticker is None or ticker.etag != self.ticker.etag:
                with self.changed:
                    self.ticker = ticker
                    self.changed.notify_all()
            time.sleep(SSE_CHECK_SECONDS)

    def next_change(self, etag: str | None, timeout: float):
        with self.changed:
            self.changed.wait_for(
                lambda: self.ticker is not None and self.ticker.etag != etag, timeout
            )
            return self.ticker


_watch = _TickerWatch()


def _sse_events():
    _watch.start()
    last_etag = None
    while True:
        ticker = _watch.next_change(last_etag, SSE_HEARTBEAT_SECONDS)
        if ticker is not None and ticker.etag != last_etag:
            last_etag = ticker.etag
            yield b"data: " + ticker.json + b"\n\n"
        else:
            yield b": alive\n\n"


# --- Servers -----------------------------------------------------------------------


@dataclass
class Approach:
    name: str
    streaming: bool
    front_cache: bool = False
    # Raise granian's admission (backpressure, default 512 a worker) and blocking
    # threads (default 256 a worker) to one per open page.
    tuned: bool = False


APPROACHES = {
    "poll": Approach("poll", streaming=False),
    "poll-varnish": Approach("poll-varnish", streaming=False, front_cache=True),
    "poll-tuned": Approach("poll-tuned", streaming=False, tuned=True),
    "sse": Approach("sse", streaming=True),
    "sse-tuned": Approach("sse-tuned", streaming=True, tuned=True),
}


def environment() -> dict:
    var_dir = os.environ.get("MASTHEAD_VAR_DIR", "/tmp/masthead-bench-ticker")  # noqa: S108 (a scratch database, reset by prepare())
    return {
        **os.environ,
        "MASTHEAD_VAR_DIR": var_dir,
        "DJANGO_SETTINGS_MODULE": "masthead.settings",
        "PYTHONPATH": str(ROOT),
    }


def run(*command: str, env: dict) -> None:
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def start_granian(
    approach: Approach, port: int, pages: int, env: dict
) -> subprocess.Popen:
    target = "masthead.wsgi:application"
    if approach.streaming:
        target = "bench.ticker:sse_application"
    extra = []
    if approach.tuned:
        per_worker = str(pages // WORKERS + 64)
        extra = [
            "--blocking-threads", per_worker,
            "--backpressure", per_worker,
            "--backlog", str(2 * pages + 1024),
        ]  # fmt: skip
    command = [
        str(VENV_BIN / "granian"),
        "--interface", "wsgi",
        "--workers", str(WORKERS),
        "--host", "127.0.0.1",
        "--port", str(port),
        "--log-level", "error",
        *extra,
        target,
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def start_varnish(port: int, backend_port: int, var_dir: Path) -> subprocess.Popen:
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    workdir = var_dir / "varnish"
    workdir.mkdir(parents=True, exist_ok=True)
    command = [
        varnishd, "-F", "-n", str(workdir),
        "-a", f"127.0.0.1:{port}", "-b", f"127.0.0.1:{backend_port}",
        "-s", "malloc,64m",
    ]  # fmt: skip
    return subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def process_tree(pid: int) -> list[int]:
    """The process and all its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(parent, []).append(int(entry.name))
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        pending.extend(parents.get(current, []))
    return tree


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / CLOCK_TICKS


def rss_megabytes(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def thread_count(pids: list[int]) -> int:
    count = 0
    for pid in pids:
        try:
            count += len(os.listdir(f"/proc/{pid}/task"))
        except OSError:
            continue
    return count


# --- Simulated pages ---------------------------------------------------------------


@dataclass
class Page:
    connected_at: float | None = None
    seen: set = field(default_factory=set)
    arrived: dict = field(default_factory=dict)  # marker id -> time first seen
    left: dict = field(default_factory=dict)  # marker id -> time first missing
    requests: int = 0
    not_modified: int = 0
    errors: int = 0
    latencies: list = field(default_factory=list)

    def update(self, items: list[dict], now: float) -> None:
        ids = {item["id"] for item in items}
        for new in ids - self.seen:
            self.arrived.setdefault(new, now)
        for gone in self.seen - ids:
            self.left.setdefault(gone, now)
        self.seen = ids


async def read_head(reader) -> tuple[int, dict]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    return status, headers


async def read_chunk(reader) -> bytes:
    size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
    data = await reader.readexactly(size) if size else b""
    await reader.readexactly(2)
    return data


async def read_body(reader, status: int, headers: dict) -> bytes:
    if status == 304:
        return b""
    if headers.get("transfer-encoding") == "chunked":
        body = b""
        while chunk := await read_chunk(reader):
            body += chunk
        return body
    return await reader.readexactly(int(headers.get("content-length", "0")))


async def poll_page(page: Page, port: int, interval: float, stop_at: float) -> None:
    # Pages open at random moments, so polls are spread over the interval.
    await asyncio.sleep(random.uniform(0, interval))  # noqa: S311 (load jitter)
    etag = ""
    reader = writer = None
    while time.monotonic() < stop_at:
        started = time.monotonic()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection("127.0.0.1", port), CONNECT_TIMEOUT
                )
            request = f"GET {FEED_PATH} HTTP/1.1\r\nHost: localhost\r\n"
            if etag:
                request += f"If-None-Match: {etag}\r\n"
            writer.write((request + "\r\n").encode())
            status, headers = await asyncio.wait_for(read_head(reader), 10)
            body = await asyncio.wait_for(read_body(reader, status, headers), 10)
            now = time.monotonic()
            page.requests += 1
            page.latencies.append(now - started)
            if page.connected_at is None:
                page.connected_at = now
            if status == 304:
                page.not_modified += 1
            elif status == 200:
                etag = headers.get("etag", "")
                page.update(json.loads(body)["items"], now)
            else:
                page.errors += 1
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            page.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
        await asyncio.sleep(max(0.0, interval - (time.monotonic() - started)))
    if writer is not None:
        writer.close()


async def stream_page(page: Page, port: int, ramp: float, stop_at: float) -> None:
    await asyncio.sleep(random.uniform(0, ramp))  # noqa: S311 (load jitter)
    writer = None
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", port), CONNECT_TIMEOUT
        )
        writer.write(
            f"GET {STREAM_PATH} HTTP/1.1\r\nHost: localhost\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )
        remaining = stop_at - time.monotonic()
        status, headers = await asyncio.wait_for(read_head(reader), remaining)
        if status != 200:
            page.errors += 1
            return
        chunked = headers.get("transfer-encoding") == "chunked"
        buffer = b""
        while time.monotonic() < stop_at:
            remaining = stop_at - time.monotonic()
            if chunked:
                data = await asyncio.wait_for(read_chunk(reader), remaining)
            else:
                data = await asyncio.wait_for(reader.read(65536), remaining)
            if not data:
                break
            buffer += data
            while b"\n\n" in buffer:
                event, buffer = buffer.split(b"\n\n", 1)
                if event.startswith(b"data: "):
                    now = time.monotonic()
                    if page.connected_at is None:
                        page.connected_at = now
                    page.requests += 1
                    page.update(json.loads(event[6:])["items"], now)
    except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
        if page.connected_at is None:
            page.errors += 1
    finally:
        if writer is not None:
            writer.close()


async def reader_probe(port: int, stop_at: float, timings: list, failures: list):
    """A reader loading the front page every two seconds while the pages are open."""
    while time.monotonic() < stop_at:
        started = time.monotonic()
        writer = None
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", port), CONNECT_TIMEOUT
            )
            writer.write(
                b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            )
            status, headers = await asyncio.wait_for(read_head(reader), 10)
            await asyncio.wait_for(read_body(reader, status, headers), 10)
            if status != 200:
                raise ValueError(status)
            timings.append(time.monotonic() - started)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            failures.append(time.monotonic() - started)
        finally:
            if writer is not None:
                writer.close()
        await asyncio.sleep(max(0.0, 2 - (time.monotonic() - started)))


# --- The newsroom side -------------------------------------------------------------


def setup_django(env: dict) -> None:
    os.environ.update(
        {key: env[key] for key in ("MASTHEAD_VAR_DIR", "DJANGO_SETTINGS_MODULE")}
    )
    import django

    django.setup()


def prepare(env: dict) -> None:
    """A fresh database with the front page and ten live lines."""
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        run(str(VENV_BIN / "python"), "manage.py", *command, "-v0", env=env)
    from wagtail.models import Locale

    from masthead.breaking.actions import publish_breaking_item, withdraw_breaking_item
    from masthead.breaking.models import BreakingItem
    from masthead.front.setup import ensure_edition_home

    ensure_edition_home("en")
    for item in BreakingItem.objects.live():
        withdraw_breaking_item(item)
    for number in range(10):
        publish_breaking_item(
            locale=Locale.get_default(),
            attribution="Agencies",
            text=f"Standing line {number}: talks continue in the capital",
        )


def publish_marker() -> int:
    from wagtail.models import Locale

    from masthead.breaking.actions import publish_breaking_item

    item = publish_breaking_item(
        locale=Locale.get_default(), text=f"Bench marker {uuid.uuid4().hex[:8]}"
    )
    return item.pk


def withdraw_marker(pk: int) -> None:
    from masthead.breaking.actions import withdraw_breaking_item
    from masthead.breaking.models import BreakingItem

    withdraw_breaking_item(BreakingItem.objects.get(pk=pk))


# --- One run -----------------------------------------------------------------------


@dataclass
class Result:
    approach: str
    pages: int
    connected: int
    delivered: int
    delivery: list
    removal: list
    cpu: float
    seconds: float
    rss: float
    threads: int
    requests: int
    not_modified: int
    all_requests: int
    errors: int
    probe: list
    probe_failures: list
    client_cpu: float


async def measure(approach: Approach, args, port: int, server_pids) -> Result:
    loop = asyncio.get_running_loop()
    ramp = min(args.poll_seconds, 5.0) if not approach.streaming else 5.0
    pages = [Page() for _ in range(args.pages)]
    started = time.monotonic()
    window_start = started + ramp + 2  # every page open and settled
    window_end = window_start + args.seconds
    # Pages stay open after the window long enough to see the last change.
    stop_at = window_end + DELIVERY_TARGET + 1
    if approach.streaming:
        tasks = [stream_page(p, port, ramp, stop_at) for p in pages]
    else:
        tasks = [poll_page(p, port, args.poll_seconds, stop_at) for p in pages]
    probe, probe_failures = [], []
    running = [asyncio.ensure_future(t) for t in tasks]
    running.append(
        asyncio.ensure_future(reader_probe(port, window_end, probe, probe_failures))
    )

    await asyncio.sleep(window_start - time.monotonic())
    pids = server_pids()
    cpu_before, client_before = cpu_seconds(pids), time.process_time()
    requests_before = sum(p.requests for p in pages)
    await asyncio.sleep(args.seconds * 0.25)
    marker = await loop.run_in_executor(None, publish_marker)
    published_at = time.monotonic()
    await asyncio.sleep(args.seconds * 0.35)
    await loop.run_in_executor(None, withdraw_marker, marker)
    withdrawn_at = time.monotonic()
    await asyncio.sleep(window_end - time.monotonic())
    pids = server_pids()
    window = time.monotonic() - window_start
    cpu = cpu_seconds(pids) - cpu_before
    client_cpu = time.process_time() - client_before
    requests = sum(p.requests for p in pages) - requests_before
    rss, threads = rss_megabytes(pids), thread_count(pids)
    await asyncio.gather(*running)

    connected = [p for p in pages if p.connected_at is not None]
    delivery = [p.arrived[marker] - published_at for p in pages if marker in p.arrived]
    removal = [p.left[marker] - withdrawn_at for p in pages if marker in p.left]
    return Result(
        approach=approach.name,
        pages=args.pages,
        connected=len(connected),
        delivered=sum(
            1
            for p in pages
            if p.arrived.get(marker, 1e9) - published_at <= DELIVERY_TARGET
            and p.left.get(marker, 1e9) - withdrawn_at <= DELIVERY_TARGET
        ),
        delivery=delivery,
        removal=removal,
        cpu=cpu,
        seconds=window,
        rss=rss,
        threads=threads,
        requests=requests,
        not_modified=sum(p.not_modified for p in pages),
        all_requests=sum(p.requests for p in pages),
        errors=sum(p.errors for p in pages),
        probe=probe,
        probe_failures=probe_failures,
        client_cpu=client_cpu,
    )


def wait_for_port(port: int, path: str = FEED_PATH, timeout: float = 60) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            url = f"http://127.0.0.1:{port}{path}"
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError as error:
            raise SystemExit(
                f"{path} answered {error.code}: fix the site first"
            ) from None
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"nothing answers on port {port}")


def run_approach(approach: Approach, args, env: dict) -> Result:
    port = args.port
    granian = start_granian(approach, port, args.pages, env)
    varnish = None
    try:
        wait_for_port(port)
        wait_for_port(port, "/")  # warms the front page and the ticker
        client_port = port
        if approach.front_cache:
            varnish = start_varnish(port + 1, port, Path(env["MASTHEAD_VAR_DIR"]))
            client_port = port + 1
            wait_for_port(client_port)

        def server_pids():
            pids = process_tree(granian.pid)
            if varnish is not None:
                pids += process_tree(varnish.pid)
            return pids

        return asyncio.run(measure(approach, args, client_port, server_pids))
    finally:
        if varnish is not None:
            stop(varnish)
        stop(granian)


# --- Report ------------------------------------------------------------------------


def spread(values: list) -> str:
    if not values:
        return "-"
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"{statistics.median(values):.1f}/{p95:.1f}/{values[-1]:.1f}"


def report(results: list[Result], args) -> None:
    print()
    print(
        f"{args.pages} open pages per run, {args.seconds:.0f} s measured, "
        f"{WORKERS} granian workers, {CORES} cores, polling every "
        f"{args.poll_seconds:g} s, SSE checking every {SSE_CHECK_SECONDS:g} s."
    )
    header = (
        f"{'approach':<13}{'held':>6}{'<=5s':>6}{'deliver s':>15}{'remove s':>15}"
        f"{'CPU s/min':>10}{'% 2 cores':>10}{'req/s':>7}{'304 %':>7}"
        f"{'errors':>7}{'RSS MB':>7}{'threads':>8}  {'front page s'}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        share = r.cpu / r.seconds
        not_modified = 100 * r.not_modified / r.all_requests if r.all_requests else 0
        probe = spread(r.probe) + (
            f" {len(r.probe_failures)} failed" if r.probe_failures else ""
        )
        print(
            f"{r.approach:<13}{r.connected:>6}{r.delivered:>6}"
            f"{spread(r.delivery):>15}{spread(r.removal):>15}"
            f"{share * 60:>10.1f}{100 * share / CORES:>9.1f}%"
            f"{r.requests / r.seconds:>7.0f}{not_modified:>6.0f}%"
            f"{r.errors:>7}{r.rss:>7.0f}{r.threads:>8}  {probe}"
        )
    print()
    print("held: pages connected and receiving; <=5s: pages that saw both the new")
    print("line and its withdrawal within 5 s; deliver/remove s: median/p95/max")
    print("seconds from the newsroom's action to the page; CPU: server processes")
    print("(granian, plus Varnish where used); front page s: median/p95/max of a")
    print("reader's page load during the run; req/s: polls answered per second")
    print("(SSE: events sent).")
    for r in results:
        share = r.cpu / r.seconds / CORES
        if r.approach.startswith("sse"):
            print(
                f"{r.approach}: one server thread per open page; {r.threads} threads "
                f"and {r.rss:.0f} MB held {r.connected} pages."
            )
        elif r.errors or r.delivered < r.pages:
            print(
                f"{r.approach}: overloaded at {r.pages} pages ({r.errors} failed "
                f"requests, {r.pages - r.delivered} pages late or never updated)."
            )
        elif share > 0:
            print(
                f"{r.approach}: at this cost, 2 cores would answer about "
                f"{r.connected / share:,.0f} pages (linear projection)."
            )
    client = max(r.client_cpu / r.seconds for r in results)
    print(f"The load generator itself used at most {100 * client:.0f}% of a core.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--poll-seconds", type=float, default=2.0)
    parser.add_argument(
        "--approaches",
        nargs="+",
        choices=list(APPROACHES),
        default=list(APPROACHES),
    )
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("BENCH_PORT", "8640"))
    )
    args = parser.parse_args()
    env = environment()
    setup_django(env)
    print(f"Preparing {env['MASTHEAD_VAR_DIR']}…", flush=True)
    prepare(env)
    results = []
    for name in args.approaches:
        print(f"Running {name} with {args.pages} pages…", flush=True)
        results.append(run_approach(APPROACHES[name], args, env))
        time.sleep(2)
    report(results, args)


if __name__ == "__main__":
    main()

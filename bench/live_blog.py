"""Live-blog fan-out: how soon N open live-blog pages show a new entry, and what
their polling costs the server, next to the breaking ticker's polling.

A scratch newsroom is built (the English demo, with its running live blog) and
served as `masthead serve` serves it (granian, WSGI, 2 workers, page cache on).
N simulated pages are then held open against it twice, one feed at a time:

  breaking ticker  the baseline: bench/ticker.py's "poll" approach, every page
                   polling /breaking/live.json with its ETag, here every 3 s too,
                   while a line is published and withdrawn (the newsroom action);
  live blog        every page polls /live/<page id>/entries.json as
                   masthead/live/static/live/live_blog.js does: every 3 s
                   (data-poll-seconds) after the previous answer, with
                   `?since=<data-latest>` and If-None-Match with the last ETag,
                   Accept: application/json, no cookies, backing off (3 s x 2^failures,
                   at most 60 s) after errors; data-src and data-latest are read
                   from the blog page the server sends. A quarter into the measured
                   window the bench process posts an entry with
                   `masthead.live.actions.post_entry`, and each page's time from the
                   post to the answer that offers it ("1 new update") is recorded.

A reader also loads the front page every two seconds during each run. Printed
per feed: pages held, the time from post to display (p50/p99/max), errors, and the
CPU and RSS of the server (granian and its workers, not the `masthead serve`
supervisor), with the live blog's figures as ratios of the ticker's.

Target: every open page shows the entry within 5 s at 1,000 pages.

Usage: .venv/bin/python bench/live_blog.py [--pages 1000] [--seconds 30]
"""

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import sys
import time
import uuid
from types import SimpleNamespace

import ticker
from benchlib import ROOT, Scratch, fetch, masthead_server

POLL_SECONDS = 3.0  # data-poll-seconds in live/live_blog_page.html
MAX_BACKOFF_SECONDS = 60.0  # maxBackoffMs in live_blog.js
DELIVERY_TARGET = ticker.DELIVERY_TARGET


def setup_django(scratch: Scratch) -> None:
    """Django in this process on the scratch database, to post as the newsroom."""
    for name in ("DATABASE_URL", "REDIS_URL", "FRONT_CACHE_PURGE_URLS"):
        os.environ.pop(name, None)
    for name in ("MASTHEAD_VAR_DIR", "DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS"):
        os.environ[name] = scratch.env[name]
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def the_blog():
    from masthead.live.models import LiveBlogPage

    return LiveBlogPage.objects.live().filter(status="live").order_by("pk").first()


def what_the_page_polls(base_url: str, blog_url: str) -> tuple[str, str]:
    """data-src and data-latest of the live blog page, as the script reads them."""
    _, body = fetch(base_url + blog_url)
    root = re.search(r"<[^>]*\bdata-live-blog\b[^>]*>", body.decode())
    src = root and re.search(r'data-src="([^"]+)"', root.group(0))
    latest = root and re.search(r'data-latest="(\d+)"', root.group(0))
    if not src or not latest:
        raise SystemExit(f"{blog_url} is not a running live blog page")
    return src.group(1), latest.group(1)


def warm(base_url: str) -> None:
    """Load the front page until it comes quickly: its first render makes the
    pictures' renditions (the demo skips them), which would otherwise land in the
    measured window and time out the reader's first load."""
    import urllib.request

    for _ in range(5):
        started = time.monotonic()
        with urllib.request.urlopen(base_url + "/", timeout=300) as response:
            response.read()
        if time.monotonic() - started < 1:
            return


def post_marker(blog_pk: int) -> tuple[int, float]:
    """Post an entry as the newsroom does; its id and when the post returned."""
    from django.db import connection

    from masthead.live.actions import post_entry
    from masthead.live.models import LiveBlogPage

    try:
        entry = post_entry(
            LiveBlogPage.objects.get(pk=blog_pk),
            headline=f"Bench marker {uuid.uuid4().hex[:8]}",
            body="<p>Coastguard crews reach the last of the stranded villages.</p>",
        )
        return entry.pk, time.monotonic()
    finally:
        connection.close()


# --- A simulated open live blog page ------------------------------------------------


async def poll_blog(page: ticker.Page, port: int, url: str, stop_at: float) -> None:
    # The page opens at a random moment; the script polls POLL_SECONDS later.
    await asyncio.sleep(random.uniform(0, POLL_SECONDS))  # noqa: S311 (load jitter)
    etag = ""
    failures = 0
    reader = writer = None
    delay = POLL_SECONDS
    while True:
        await asyncio.sleep(delay)
        if time.monotonic() >= stop_at:
            break
        started = time.monotonic()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection("127.0.0.1", port), ticker.CONNECT_TIMEOUT
                )
            request = (
                f"GET {url} HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
            )
            if etag:
                request += f"If-None-Match: {etag}\r\n"
            writer.write((request + "\r\n").encode())
            status, headers = await asyncio.wait_for(ticker.read_head(reader), 10)
            body = await asyncio.wait_for(ticker.read_body(reader, status, headers), 10)
            now = time.monotonic()
            if status not in (200, 304):
                raise ValueError(status)
            page.requests += 1
            page.latencies.append(now - started)
            if page.connected_at is None:
                page.connected_at = now
            if status == 304:
                page.not_modified += 1
            else:
                etag = headers.get("etag", "")
                page.update(json.loads(body)["entries"], now)
            failures = 0
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            page.errors += 1
            failures += 1
            if writer is not None:
                writer.close()
            reader = writer = None
        # The script schedules the next poll once the answer is in.
        delay = min(POLL_SECONDS * 2**failures, MAX_BACKOFF_SECONDS)
    if writer is not None:
        writer.close()


async def measure_blog(args, port: int, url: str, blog_pk: int, server_pids):
    loop = asyncio.get_running_loop()
    pages = [ticker.Page() for _ in range(args.pages)]
    started = time.monotonic()
    # Every page open and past its first poll.
    window_start = started + 2 * POLL_SECONDS + 2
    window_end = window_start + args.seconds
    stop_at = window_end + DELIVERY_TARGET + 1
    probe, probe_failures = [], []
    running = [
        asyncio.ensure_future(poll_blog(page, port, url, stop_at)) for page in pages
    ]
    running.append(
        asyncio.ensure_future(
            ticker.reader_probe(port, window_end, probe, probe_failures)
        )
    )

    await asyncio.sleep(window_start - time.monotonic())
    pids = server_pids()
    cpu_before, client_before = ticker.cpu_seconds(pids), time.process_time()
    requests_before = sum(p.requests for p in pages)
    await asyncio.sleep(args.seconds * 0.25)
    entry, posted_at = await loop.run_in_executor(None, post_marker, blog_pk)
    await asyncio.sleep(window_end - time.monotonic())
    pids = server_pids()
    window = time.monotonic() - window_start
    cpu = ticker.cpu_seconds(pids) - cpu_before
    client_cpu = time.process_time() - client_before
    requests = sum(p.requests for p in pages) - requests_before
    rss, threads = ticker.rss_megabytes(pids), ticker.thread_count(pids)
    await asyncio.gather(*running)

    delivery = [p.arrived[entry] - posted_at for p in pages if entry in p.arrived]
    return ticker.Result(
        approach="live blog",
        pages=args.pages,
        connected=sum(1 for p in pages if p.connected_at is not None),
        delivered=sum(1 for d in delivery if d <= DELIVERY_TARGET),
        delivery=delivery,
        removal=[],
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


# --- Report -------------------------------------------------------------------------


def percentile(values: list, percent: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def times(values: list) -> str:
    if not values:
        return f"{'-':>6} {'-':>6} {'-':>6}"
    return (
        f"{statistics.median(values):6.2f} {percentile(values, 99):6.2f}"
        f" {max(values):6.2f}"
    )


def report(baseline: ticker.Result, blog: ticker.Result, args) -> None:
    print(
        f"\n{args.pages:,} open pages, {args.seconds:g} s measured; `masthead serve` "
        f"(granian, {ticker.WORKERS} workers), {ticker.CORES} cores; every page "
        f"polls every {POLL_SECONDS:g} s with its ETag."
    )
    header = (
        f"  {'feed':24} {'held':>6} {'saw it':>7} {'<=5 s':>6} {'p50 s':>6}"
        f" {'p99 s':>6} {'max s':>6} {'errors':>7} {'req/s':>6} {'304 %':>6}"
        f" {'CPU %':>6} {'RSS MB':>7}  front page s"
    )
    print(header)
    for label, r in (("breaking ticker (base)", baseline), ("live blog", blog)):
        share = 100 * r.cpu / r.seconds / ticker.CORES
        not_modified = 100 * r.not_modified / r.all_requests if r.all_requests else 0
        probe = ticker.spread(r.probe) + (
            f" {len(r.probe_failures)} failed" if r.probe_failures else ""
        )
        print(
            f"  {label:24} {r.connected:6d} {len(r.delivery):7d} {r.delivered:6d}"
            f" {times(r.delivery)} {r.errors:7d} {r.requests / r.seconds:6.0f}"
            f" {not_modified:5.0f}% {share:5.1f}% {r.rss:7.0f}  {probe}"
        )
    ratio = (blog.cpu / blog.requests) / (baseline.cpu / baseline.requests)
    print(
        f"  live blog vs ticker: CPU {blog.cpu / baseline.cpu:.2f}x"
        f" ({ratio:.2f}x a request), RSS {blog.rss / baseline.rss:.2f}x,"
        f" p50 delivery "
        + (
            f"{statistics.median(blog.delivery) / statistics.median(baseline.delivery):.2f}x"
            if blog.delivery and baseline.delivery
            else "-"
        )
    )
    print(
        "  held: pages answered at least once; saw it: pages that showed the new "
        "entry (ticker: the new line);\n"
        "  <=5 s: of those, within 5 s; p50/p99/max s: from the newsroom's action "
        "to the page;\n"
        f"  CPU %: of {ticker.CORES} cores, granian and its workers over the window;"
        " RSS: theirs at the end;\n"
        "  front page s: median/p95/max of a reader's front-page load during the "
        "run."
    )
    missed = blog.pages - blog.delivered
    verdict = (
        "met"
        if not missed and not blog.errors
        else f"MISSED ({missed} pages late or never updated, {blog.errors} errors)"
    )
    print(f"  Target (every page within {DELIVERY_TARGET:g} s): {verdict}.")
    print(
        "  The load generator used "
        f"{100 * max(blog.client_cpu / blog.seconds, baseline.client_cpu / baseline.seconds):.0f}%"
        " of a core at most, on the same machine."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    args.poll_seconds = POLL_SECONDS
    scratch = Scratch()
    try:
        print(f"Building the demo newsroom in {scratch.path}…", flush=True)
        scratch.prepare()
        setup_django(scratch)
        blog = the_blog()
        with masthead_server(scratch, workers=ticker.WORKERS) as (base_url, server):
            port = int(base_url.rsplit(":", 1)[1])
            warm(base_url)
            src, latest = what_the_page_polls(base_url, blog.url)
            feed_url = f"{src}?since={latest}"
            fetch(base_url + feed_url)  # the worker that answers has the snapshot
            fetch(base_url + ticker.FEED_PATH)

            def server_pids():
                # granian and its workers, not the supervising `masthead serve`
                return ticker.process_tree(server.pid)[1:]

            print(
                f"Holding {args.pages:,} pages on the breaking ticker (baseline)…",
                flush=True,
            )
            options = SimpleNamespace(
                pages=args.pages, seconds=args.seconds, poll_seconds=POLL_SECONDS
            )
            baseline = asyncio.run(
                ticker.measure(ticker.APPROACHES["poll"], options, port, server_pids)
            )
            time.sleep(2)
            print(
                f"Holding {args.pages:,} pages on the live blog ({feed_url})…",
                flush=True,
            )
            result = asyncio.run(
                measure_blog(args, port, feed_url, blog.pk, server_pids)
            )
    finally:
        scratch.cleanup()
    report(baseline, result, args)


if __name__ == "__main__":
    main()

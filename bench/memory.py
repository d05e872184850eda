"""Server worker memory: peak RSS after 20,000 requests, and growth over a soak.

One `masthead serve` worker (so its memory is one process's) takes 20,000 requests
spread over page types, cached and uncached (the page cache is bypassed for a share
of them with an unknown query parameter, which forces a full render). Its resident
memory is read from /proc before, after, and every 10 s of a 60 s soak that follows.
Target: no growth over the soak beyond 5%.

Usage: .venv/bin/python bench/memory.py [--requests 20000] [--soak 60]
"""

import argparse
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from benchlib import Scratch, masthead_server, newest_article_url


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_pid(server_pid: int) -> int:
    """The granian worker under `masthead serve` (the deepest python child)."""
    children = subprocess.run(
        ["pgrep", "-f", "granian"], capture_output=True, text=True, check=False
    ).stdout.split()
    candidates = [int(pid) for pid in children if int(pid) != server_pid]
    return max(candidates, key=lambda pid: rss_mib(pid)) if candidates else server_pid


def hammer(urls: list[str], count: int, threads: int = 8) -> None:
    def run(share: list[str]):
        for url in share:
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    response.read()
            except OSError:
                pass

    requests = [urls[n % len(urls)] for n in range(count)]
    workers = [
        threading.Thread(target=run, args=(requests[n::threads],))
        for n in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--soak", type=int, default=60)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    scratch = Scratch(keep=options.keep)
    try:
        print(f"Preparing a demo newsroom in {scratch.path}…")
        scratch.prepare()
        article = newest_article_url(scratch)
        with masthead_server(scratch, workers=1) as (app, process):
            pages = [
                "/",
                article,
                "/news/",
                "/news/politics/",
                "/authors/",
                "/search/?q=gaza",
            ]
            urls = [app + page for page in pages]
            urls += [
                app + page + ("&" if "?" in page else "?") + "nocache=1"
                for page in pages
            ]
            hammer(urls, 200)
            pid = worker_pid(process.pid)
            start = rss_mib(pid)
            began = time.time()
            hammer(urls, options.requests)
            after = rss_mib(pid)
            print(
                f"\nWorker {pid}: {start:.1f} MiB after warm-up, {after:.1f} MiB after "
                f"{options.requests:,} requests ({time.time() - began:.0f} s)"
            )
            readings = [after]
            deadline = time.time() + options.soak
            while time.time() < deadline:
                hammer(urls, 400)
                readings.append(rss_mib(pid))
                time.sleep(max(0, min(10, deadline - time.time())))
            growth = (readings[-1] - readings[0]) / readings[0] * 100
            print(
                f"Soak of {options.soak} s: {readings[0]:.1f} -> {readings[-1]:.1f} MiB "
                f"({growth:+.1f}%), peak {max(readings):.1f} MiB (target: within 5%)"
            )
    finally:
        scratch.cleanup()


if __name__ == "__main__":
    main()
